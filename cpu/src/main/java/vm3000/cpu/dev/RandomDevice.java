package vm3000.cpu.dev;

import java.util.SplittableRandom;

import vm3000.cpu.bus.LamebusDevice;

/**
 * The random number generator (System/161 doc/devices.html, "Random number generator"; VID 1,
 * DID 9, DRL 1): every read of offset 0 returns the next 32-bit value of a pseudo-random sequence
 * fixed by the seed. The generator is {@link SplittableRandom}, so equal seeds give equal
 * sequences on every JVM; the values differ from System/161's (which uses the host C library).
 */
public final class RandomDevice implements LamebusDevice {
    public static final int VALUE = 0x0;

    private final SplittableRandom random;
    private final long seed;

    /** A card seeded from the context. */
    public RandomDevice(DeviceContext ctx) { this(ctx.seed()); }

    public RandomDevice(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    public long seed() { return seed; }

    @Override public int vendorId() { return Sys161Ids.VENDOR; }
    @Override public int deviceId() { return Sys161Ids.RANDOM; }
    @Override public int revision() { return Sys161Ids.RANDOM_REVISION; }

    @Override
    public long read(int offset) {
        return offset == VALUE ? random.nextInt() & 0xFFFFFFFFL : BUS_ERROR;
    }

    @Override
    public boolean write(int offset, int value) { return false; }
}
