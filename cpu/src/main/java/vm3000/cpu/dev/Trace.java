package vm3000.cpu.dev;

import java.util.Objects;
import java.util.function.BiConsumer;

import vm3000.cpu.bus.LamebusDevice;
import vm3000.cpu.trace.Sys161Output;
import vm3000.cpu.trace.TraceFlags;

/**
 * The hardware trace controller (System/161 doc/devices.html, "Hardware trace controller";
 * VID 1, DID 8, DRL 3), plus one vm3000 register.
 *
 * <p>TRACE_ON/TRACE_OFF switch a trace161 category by its flag letter (k u j t x i d n e) and
 * tell the machine's tracer ({@link #setFlagListener}); any other value wedges trace161, and is a
 * machine check here. PRINT and DUMP write System/161's {@code sys161: } lines to the machine's
 * message stream, not the console;
 * DEBUGGER runs the installed handler (with {@code --gdb} the machine waits for gdb; by default
 * the run stops with a machine check);
 * PROFILE_ENABLE reads 0 and PROFILE_CLEAR does nothing, as on System/161 without profiling.
 *
 * <p>{@link #EXIT} (offset 0x1c) is vm3000's: writing a value powers the machine off with that
 * value as its exit code. System/161 has no way for a guest to give an exit code; 0x1c is the first
 * offset past DRL 3's registers. All registers but PROFILE_ENABLE are write-only.
 *
 * <p>What a guest can print here is bounded, so that a guest storing to PRINT or DUMP in a loop
 * cannot flood the host's message stream: the card prints at most {@link #MAX_DUMPS} dumps and
 * {@link #MAX_PRINTS} codes per run (a run is the life of the card: a machine, or a VM under a
 * VMM), and says once, at the first one it leaves out, that further ones are suppressed. The
 * stores still complete as always; only the host's output is cut.
 */
public final class Trace implements LamebusDevice {
    public static final int TRACE_ON = 0x00;
    public static final int TRACE_OFF = 0x04;
    public static final int PRINT = 0x08;
    public static final int DUMP = 0x0c;
    public static final int DEBUGGER = 0x10;
    public static final int PROFILE_ENABLE = 0x14;
    public static final int PROFILE_CLEAR = 0x18;
    /** vm3000 extension: write the exit code to power off. */
    public static final int EXIT = 0x1c;

    /** State dumps printed per run; about 900 bytes each. */
    public static final int MAX_DUMPS = 32;
    /** Codes printed per run; about 30 bytes each. */
    public static final int MAX_PRINTS = 4096;

    private static final String RULE = "-".repeat(72);

    private final DeviceContext ctx;
    private final boolean[] flags = new boolean[256];
    private Sys161Output out;
    private Runnable dumpHandler;
    private Runnable debuggerHandler;
    private BiConsumer<TraceFlags, Boolean> flagListener = (f, on) -> { };
    private long prints;
    private long dumps;

    public Trace(DeviceContext ctx) {
        this.ctx = ctx;
        this.out = new Sys161Output(ctx.messages());
        this.dumpHandler = () -> out.msg("trace: no machine state dump is installed");
        this.debuggerHandler = () -> ctx.power().machineCheck("trace: software-requested debugger stop (no debugger: vm3000 run --gdb PORT waits for gdb here)");
    }

    @Override public int vendorId() { return Sys161Ids.VENDOR; }
    @Override public int deviceId() { return Sys161Ids.TRACE; }
    @Override public int revision() { return Sys161Ids.TRACE_REVISION; }

    /** Installs what a write to DUMP runs, between the tagged header and trailer lines. */
    public void setDumpHandler(Runnable handler) { dumpHandler = Objects.requireNonNull(handler); }

    /** Shares the machine's System/161 message stream, so that messages and trace lines interleave as there. */
    public void setOutput(Sys161Output output) { out = Objects.requireNonNull(output); }

    /** Installs what TRACE_ON (true) and TRACE_OFF (false) tell about a category. */
    public void setFlagListener(BiConsumer<TraceFlags, Boolean> listener) { flagListener = Objects.requireNonNull(listener); }

    /** Installs what a write to DEBUGGER runs. */
    public void setDebuggerHandler(Runnable handler) { debuggerHandler = Objects.requireNonNull(handler); }

    /** Stores to PRINT so far, printed or not. */
    public long prints() { return prints; }

    /** Stores to DUMP so far, printed or not. */
    public long dumps() { return dumps; }

    /** True if the guest has switched on trace flag {@code letter} (trace161's letters). */
    public boolean isTracing(char letter) { return letter < flags.length && flags[letter]; }

    /** The flag letters switched on, in character order. */
    public String traceFlags() {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < flags.length; c++) if (flags[c]) sb.append((char) c);
        return sb.toString();
    }

    @Override
    public long read(int offset) {
        return offset == PROFILE_ENABLE ? 0 : BUS_ERROR;
    }

    @Override
    public boolean write(int offset, int value) {
        switch (offset) {
            case TRACE_ON:
            case TRACE_OFF:
                setFlag(value, offset == TRACE_ON);
                return true;
            case PRINT:
                if (!withinLimit(++prints, MAX_PRINTS, "codes")) return true;
                out.msg("trace: code " + Integer.toUnsignedString(value) + " (0x" + Integer.toHexString(value) + ")");
                return true;
            case DUMP:
                if (!withinLimit(++dumps, MAX_DUMPS, "dumps")) return true;
                out.msg(RULE);
                out.msg("trace: dump with code " + Integer.toUnsignedString(value) + " (0x" + Integer.toHexString(value) + ")");
                dumpHandler.run();
                out.msg("trace: dump complete");
                out.msg(RULE);
                return true;
            case DEBUGGER:
                out.msg("trace: software-requested debugger stop");
                debuggerHandler.run();
                return true;
            case PROFILE_ENABLE:
            case PROFILE_CLEAR:
                return true;
            case EXIT:
                ctx.power().powerOff(value, "trace: exit code " + value);
                return true;
            default:
                return false;
        }
    }

    /** True if the {@code n}th print of its kind may go out; says once, at the first that may not, that the rest are cut. */
    private boolean withinLimit(long n, int max, String what) {
        if (n == max + 1L) out.msg("trace: " + max + " " + what + " printed; further " + what + " are not printed");
        return n <= max;
    }

    private void setFlag(int value, boolean on) {
        TraceFlags f = TraceFlags.of(value);
        if (f == null) {
            // System/161's trace161 wedges on a code that is not one of its flag letters.
            ctx.power().machineCheck(String.format("trace: invalid trace code %c (%d)", (char) (value & 0xFF), value));
            return;
        }
        flags[value] = on;
        flagListener.accept(f, on);
    }
}
