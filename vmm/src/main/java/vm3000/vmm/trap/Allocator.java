package vm3000.vmm.trap;

import vm3000.vmm.trap.shadow.AsidMap;

/**
 * Popek and Goldberg's allocator: owns the level's real resources and hands out virtual ones.
 * Physical partitions are carved upward from {@link #RESERVED} (the low 64 KiB stay the VMM's:
 * a Java monitor needs no exception vectors, so nothing there is used, and a guest cannot reach
 * it); host ASIDs through the {@link AsidMap}; time slices of {@link #sliceCycles} cycles on the
 * real Count/Compare. Virtual devices are built with each {@link VirtualMachine}.
 */
public final class Allocator {
    public static final int RESERVED = 0x10000;
    public static final long DEFAULT_SLICE = 20_000;

    private final int ramSize;
    private final long sliceCycles;
    private final AsidMap asids;
    private int next = RESERVED;

    Allocator(int ramSize, long sliceCycles, AsidMap asids) {
        this.ramSize = ramSize;
        this.sliceCycles = sliceCycles;
        this.asids = asids;
    }

    /** A new partition of {@code size} bytes (rounded up to pages), or an exception if RAM is short. */
    Partition partition(int size) {
        int bytes = (size + 0xFFF) & ~0xFFF;
        if ((long) next + bytes > ramSize) {
            throw new IllegalArgumentException(String.format("no room for a %d KiB VM: %d KiB of %d KiB in use",
                    bytes >> 10, next >> 10, ramSize >> 10));
        }
        Partition p = new Partition(next, bytes);
        next += bytes;
        return p;
    }

    /** Bytes still free for partitions. */
    int free() { return ramSize - next; }

    long sliceCycles() { return sliceCycles; }

    AsidMap asids() { return asids; }
}
