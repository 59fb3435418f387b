package vm3000.cpu.dev;

import vm3000.cpu.bus.Clock;
import vm3000.cpu.bus.LamebusDevice;

/**
 * The timer/clock card (System/161 doc/devices.html, "Timer/clock card"; VID 1, DID 2, DRL 1).
 * Time is virtual: the retired-instruction count at the nominal 25 MHz, from 0 at power-on (the
 * epoch is the moment the machine starts, not 1970). The countdown is in microseconds, 25 ticks
 * each; on expiry the card raises its interrupt line and, with the restart flag set, starts again
 * from the moment it expired, so a periodic timer does not drift.
 */
public final class Timer implements LamebusDevice {
    public static final int SECONDS = 0x00;
    public static final int NANOSECONDS = 0x04;
    public static final int RESTART = 0x08;
    public static final int INTERRUPT = 0x0c;
    public static final int COUNTDOWN = 0x10;
    public static final int BEEP = 0x14;
    public static final int RESERVED1 = 0x18;
    public static final int RESERVED2 = 0x1c;

    /** Machine ticks per microsecond at the nominal clock. */
    public static final long TICKS_PER_USEC = Clock.HZ / 1_000_000L;
    private static final long NANOS_PER_SEC = 1_000_000_000L;
    private static final byte BEL = 7;

    private final DeviceContext ctx;
    private long clockOffsetNanos;
    private int restart;
    private int countdownUsecs;
    private long generation;
    private long dueAt;
    private Clock.Event pending;
    private long beeps;

    public Timer(DeviceContext ctx) { this.ctx = ctx; }

    @Override public int vendorId() { return Sys161Ids.VENDOR; }
    @Override public int deviceId() { return Sys161Ids.TIMER; }
    @Override public int revision() { return Sys161Ids.TIMER_REVISION; }

    /** How often the guest has written the speaker register. */
    public long beeps() { return beeps; }

    /** The countdown last written, in microseconds (the state dump shows it). */
    public int countdownUsecs() { return countdownUsecs; }

    /** True if the countdown restarts when it expires. */
    public boolean restarting() { return restart != 0; }

    /** How many countdowns have been started (System/161's generation number). */
    public long generation() { return generation; }

    /** Tick at which the running countdown expires, or -1 if none is running. */
    public long dueAt() { return generation == 0 ? -1 : dueAt; }

    @Override
    public long read(int offset) {
        switch (offset) {
            case SECONDS: return (now() / NANOS_PER_SEC) & 0xFFFFFFFFL;
            case NANOSECONDS: return now() % NANOS_PER_SEC;
            case RESTART: return restart & 0xFFFFFFFFL;
            case INTERRUPT: {
                boolean was = ctx.irq();
                ctx.setIrq(false);
                return was ? 1 : 0;
            }
            case COUNTDOWN: return countdownUsecs & 0xFFFFFFFFL;
            case BEEP:
            case RESERVED1:
            case RESERVED2:
                // System/161 wedges the machine here, as real hardware looked at wrongly might.
                ctx.power().machineCheck("timer: illegal register read at offset 0x" + Integer.toHexString(offset));
                return 0;
            default: return BUS_ERROR;
        }
    }

    @Override
    public boolean write(int offset, int value) {
        switch (offset) {
            case SECONDS: {
                long n = now();
                clockOffsetNanos += ((value & 0xFFFFFFFFL) - n / NANOS_PER_SEC) * NANOS_PER_SEC;
                return true;
            }
            case NANOSECONDS: {
                long n = now();
                clockOffsetNanos += (value & 0xFFFFFFFFL) % NANOS_PER_SEC - n % NANOS_PER_SEC;
                return true;
            }
            case RESTART:
                restart = value;
                return true;
            case COUNTDOWN:
                countdownUsecs = value;
                start(ctx.clock().now());
                return true;
            case BEEP:
                beeps++;
                Console.put(ctx, BEL);
                return true;
            case INTERRUPT:
            case RESERVED1:
            case RESERVED2:
                ctx.power().machineCheck("timer: illegal register write at offset 0x" + Integer.toHexString(offset));
                return true;
            default: return false;
        }
    }

    private long now() { return ctx.clock().nanos() + clockOffsetNanos; }

    /**
     * Starts a countdown from tick {@code from}. The countdown it replaces, if still queued, is
     * moved: the card has one event, however often the guest writes the register.
     */
    private void start(long from) {
        generation++;
        long period = (countdownUsecs & 0xFFFFFFFFL) * TICKS_PER_USEC;
        dueAt = Math.max(from + period, ctx.clock().now() + 1);
        if (pending == null) pending = ctx.clock().schedule(dueAt, this::expire);
        else ctx.clock().reschedule(pending, dueAt);
    }

    private void expire() {
        ctx.setIrq(true);
        if (restart != 0) start(dueAt);
    }
}
