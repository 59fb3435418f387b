package vm3000.cpu.dev;

import java.io.IOException;

import vm3000.cpu.bus.LamebusDevice;

/**
 * The serial console (System/161 doc/devices.html, "Serial console"; VID 1, DID 4, DRL 1).
 *
 * <p>A write to CHAR sends the low byte to the console stream at once and keeps the card busy
 * for {@link #CHAR_TICKS} ticks; then the write-IRQ register's CMPL bit latches. A write while
 * busy is dropped, as on System/161, so a driver waits for CMPL between characters.
 *
 * <p>Input comes from the context's {@link ConsoleInput}, if there is one. The card starts
 * listening when the guest first shows it wants input: it reads CHAR or RIRQ, or enables the
 * read interrupt. From then on it asks for a byte every {@link #CHAR_TICKS} ticks, the first
 * {@link #CHAR_TICKS} ticks after that access, except while RIRQ's CMPL bit is still set: the
 * last byte is held until the guest has acknowledged it by clearing CMPL, as System/161 holds it
 * while CMPL is set and CHAR is unread. A byte is thus never lost between a driver's read of CHAR
 * and its acknowledgement (OS/161's lser_irq reads CHAR, then writes RIRQ), where System/161 lets
 * the next byte in and the acknowledgement drops it; clearing CMPL without reading CHAR gives up
 * the byte, as on System/161. Input is thus taken at virtual
 * times that depend only on the guest and the bytes: from a pipe or file (which the card waits
 * on) a given input gives the same run every time, and a guest that never reads the console
 * never waits for its input. At the end of input the card stops asking, as System/161 does;
 * with no input at all nothing is ever typed and no event is scheduled.
 */
public final class Serial implements LamebusDevice {
    public static final int CHAR = 0x0;
    public static final int WIRQ = 0x4;
    public static final int RIRQ = 0x8;

    /** IRQ register bits. */
    public static final int IRQ_ENABLE = 1;
    public static final int IRQ_COMPLETE = 2;
    public static final int IRQ_FORCE = 4;

    /**
     * Ticks one character takes: System/161's SERIAL_NSECS (19200 bps with its speed-up factor
     * of 25, 1e9 / 48000 = 20833 ns) at 40 ns a tick, rounded up.
     */
    public static final long CHAR_TICKS = 521;

    private final DeviceContext ctx;
    private int wirq;
    private int rirq;
    private boolean writeBusy;
    private int readChar;
    private boolean listening;
    /** The guest read CHAR or RIRQ with the read interrupt off since the last ask: it polls. */
    private boolean polled;
    private long written;
    private long dropped;

    public Serial(DeviceContext ctx) {
        this.ctx = ctx;
    }

    @Override public int vendorId() { return Sys161Ids.VENDOR; }
    @Override public int deviceId() { return Sys161Ids.SERIAL; }
    @Override public int revision() { return Sys161Ids.SERIAL_REVISION; }

    /** Characters sent to the console. */
    public long written() { return written; }

    /** Characters written while the card was busy, and so lost. */
    public long dropped() { return dropped; }

    @Override
    public long read(int offset) {
        if (offset == CHAR || offset == RIRQ) {
            listen();
            if ((rirq & IRQ_ENABLE) == 0) polled = true;
        }
        return readToModify(offset);
    }

    /** The register's value without {@link #read}'s effects: a store does not show that the guest wants input. */
    @Override
    public long readToModify(int offset) {
        switch (offset) {
            case CHAR: return readChar & 0xFFFFFFFFL;
            case WIRQ: return wirq;
            case RIRQ: return rirq;
            default: return BUS_ERROR;
        }
    }

    @Override
    public boolean write(int offset, int value) {
        switch (offset) {
            case CHAR:
                if (writeBusy) {
                    dropped++;
                } else {
                    writeBusy = true;
                    written++;
                    Console.put(ctx, value & 0xFF);
                    ctx.clock().schedule(ctx.clock().now() + CHAR_TICKS, this::writeDone);
                }
                return true;
            case WIRQ:
                wirq = value & (IRQ_ENABLE | IRQ_COMPLETE | IRQ_FORCE);
                updateIrq();
                return true;
            case RIRQ:
                rirq = value & (IRQ_ENABLE | IRQ_COMPLETE | IRQ_FORCE);
                if ((rirq & IRQ_ENABLE) != 0) listen();
                updateIrq();
                return true;
            default: return false;
        }
    }

    private void writeDone() {
        writeBusy = false;
        wirq |= IRQ_COMPLETE;
        updateIrq();
    }

    /** The guest wants input: start asking for it, once. */
    private void listen() {
        if (listening || ctx.consoleInput() == null) return;
        listening = true;
        ctx.clock().schedule(ctx.clock().now() + CHAR_TICKS, this::pushInput);
    }

    private void pushInput() {
        if ((rirq & IRQ_COMPLETE) != 0) {
            ctx.clock().schedule(ctx.clock().now() + CHAR_TICKS, this::pushInput);
            return;
        }
        int b;
        try {
            b = ctx.consoleInput().poll(polled);
            polled = false;
        } catch (IOException e) {
            ctx.messages().println("serial: console input failed: " + e.getMessage());
            return;
        }
        if (b == ConsoleInput.END) return;
        if (b != ConsoleInput.NONE) {
            readChar = b;
            rirq |= IRQ_COMPLETE;
            updateIrq();
        }
        ctx.clock().schedule(ctx.clock().now() + CHAR_TICKS, this::pushInput);
    }

    private static boolean asserting(int reg) {
        return (reg & IRQ_ENABLE) != 0 && (reg & (IRQ_COMPLETE | IRQ_FORCE)) != 0;
    }

    private void updateIrq() { ctx.setIrq(asserting(wirq) || asserting(rirq)); }
}
