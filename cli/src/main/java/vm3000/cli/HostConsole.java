package vm3000.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.function.BooleanSupplier;

import org.jline.terminal.Attributes;
import org.jline.terminal.Attributes.ControlChar;
import org.jline.terminal.Attributes.InputFlag;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

import vm3000.cpu.bus.Clock;
import vm3000.cpu.dev.ConsoleInput;
import vm3000.cpu.dev.Serial;

/**
 * Where the guest's keyboard comes from. When standard input is a terminal it is put in the mode
 * System/161 uses (no line editing, no echo, CR and LF passed as typed, signals still on: Ctrl-C
 * stops vm3000) and restored on every way out: a normal end, a machine check, an exception,
 * Ctrl-C or SIGTERM (a shutdown hook). The serial card then asks without waiting: nothing typed
 * yet is "ask again later", and while the guest's CPU idles in WAIT each empty ask waits as long
 * in real time as the card's interval in virtual time, so an idle guest runs at the speed of a
 * 25 MHz machine instead of spinning. Otherwise (a pipe, a file, /dev/null) the bytes are read
 * as they come, the card waiting for each: the same bytes always give the same run.
 */
final class HostConsole implements AutoCloseable {
    /** Real time an idle guest waits per empty ask: the serial card's interval at 25 MHz. */
    static final long IDLE_NANOS = Serial.CHAR_TICKS * Clock.NANOS_PER_TICK;
    /** Idle waits shorter than this are added up and waited at once (timers are coarse). */
    private static final long IDLE_BATCH_NANOS = 2_000_000;

    private final InputStream stream;
    private final Terminal terminal;
    private final Attributes saved;
    private final Thread restoreOnExit;
    private final PrintStream messages;
    private boolean ended;

    private HostConsole(InputStream stream, Terminal terminal, Attributes saved, PrintStream messages) {
        this.stream = stream;
        this.terminal = terminal;
        this.saved = saved;
        this.messages = messages;
        this.restoreOnExit = terminal == null ? null : new Thread(this::stopBySignal, "vm3000 terminal restore");
        if (restoreOnExit != null) Runtime.getRuntime().addShutdownHook(restoreOnExit);
    }

    /** Standard input as the guest's keyboard: the terminal, raw, if it is one; else the stream. */
    static HostConsole system(PrintStream messages, boolean passSignals) {
        if (stdinIsTerminal()) {
            try {
                Terminal t = TerminalBuilder.builder().system(true).nativeSignals(false).graphemeCluster(false)
                        .signalHandler(Terminal.SignalHandler.SIG_DFL).build();
                Attributes saved = t.getAttributes();
                t.setAttributes(raw(saved, passSignals));
                return new HostConsole(null, t, saved, messages);
            } catch (IOException | RuntimeException e) {
                messages.println("vm3000: cannot put the terminal in raw mode (" + e.getMessage() + "); reading lines");
            }
        }
        return new HostConsole(System.in, null, null, messages);
    }

    /** A console reading {@code in} as a stream (tests, and any input that is not a terminal). */
    static HostConsole of(InputStream in, PrintStream messages) {
        return new HostConsole(in, null, null, messages);
    }

    /** True if standard input is a terminal. */
    static boolean stdinIsTerminal() {
        if (stdinIsSurelyNotATerminal()) return false;
        for (String name : new String[] {"jni", "exec"}) {
            try {
                return TerminalProvider.load(name).isSystemStream(SystemStream.Input);
            } catch (IOException | RuntimeException | LinkageError e) {
                // try the next provider
            }
        }
        return false;
    }

    /**
     * True if standard input is known not to be a terminal without asking jline, whose native
     * provider costs tens of milliseconds at start-up (it unpacks and loads a shared library): on
     * Linux, {@code /proc/self/fd/0} names a pipe, a socket, {@code /dev/null} or a regular file.
     * Anything else, or no {@code /proc}, is for jline to tell.
     */
    static boolean stdinIsSurelyNotATerminal() {
        try {
            Path fd0 = Path.of("/proc/self/fd/0");
            String target = Files.readSymbolicLink(fd0).toString();
            return target.startsWith("pipe:") || target.startsWith("socket:") || target.equals("/dev/null")
                    || Files.isRegularFile(fd0);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** True if the guest reads a terminal in raw mode. */
    boolean isTerminal() { return terminal != null; }

    /** The input for the serial card; {@code idle} says whether the guest's CPU idles in WAIT. */
    ConsoleInput input(BooleanSupplier idle) {
        if (terminal == null) return typist(stream, idle);
        return paced(System.in, idle, java.util.concurrent.locks.LockSupport::parkNanos);
    }

    /**
     * Input from a pipe or file, given as a typist who waits for the machine gives it: a byte only
     * when the guest is ready for one, that is while its CPU idles in WAIT (an interrupt-driven
     * driver such as OS/161's waits for a key so) or when it has polled the card since the last
     * ask (read CHAR or RIRQ with the read interrupt off). Then the card waits for the byte if it
     * has not arrived. A kernel that is busy booting or computing is not given input it would drop,
     * and the same bytes give the same run.
     */
    ConsoleInput typist(InputStream in, BooleanSupplier idle) {
        return new ConsoleInput() {
            @Override
            public int poll() throws IOException { return poll(false); }

            @Override
            public int poll(boolean polled) throws IOException {
                if (!polled && !idle.getAsBoolean()) return ConsoleInput.NONE;
                int b = in.read();
                return b < 0 ? end() : b & 0xFF;
            }
        };
    }

    /**
     * Terminal input asked without waiting: a byte if one has been typed ({@code available()}, so
     * an ask never blocks), else "ask again later". While the guest idles, each empty ask owes
     * {@link #IDLE_NANOS} of real time, paid in batches of {@link #IDLE_BATCH_NANOS} through
     * {@code sleep}: an idle guest runs at the speed of a 25 MHz machine, a busy one at full speed.
     */
    ConsoleInput paced(InputStream in, BooleanSupplier idle, java.util.function.LongConsumer sleep) {
        long[] owed = {0};
        return () -> {
            try {
                if (in.available() > 0) {
                    int b = in.read();
                    return b < 0 ? end() : b & 0xFF;
                }
                if (!idle.getAsBoolean()) return ConsoleInput.NONE;
                owed[0] += IDLE_NANOS;
                if (owed[0] >= IDLE_BATCH_NANOS) {
                    sleep.accept(owed[0]);
                    owed[0] = 0;
                }
                return ConsoleInput.NONE;
            } catch (IOException e) {
                // A signal is stopping vm3000 and the terminal is being put back: nothing more is typed.
                return ConsoleInput.NONE;
            }
        };
    }

    private int end() {
        if (!ended) {
            ended = true;
            messages.println("vm3000: end of console input (the guest is not told: it waits for more, as on System/161)");
        }
        return ConsoleInput.END;
    }

    /**
     * System/161's terminal mode: no canonical input or echo, CR and NL as typed; Ctrl-C and the
     * other signal keys stop vm3000, or with {@code passSignals} (System/161's -s) go to the guest.
     */
    static Attributes raw(Attributes saved, boolean passSignals) {
        Attributes a = new Attributes(saved);
        a.setLocalFlags(EnumSet.of(LocalFlag.ICANON, LocalFlag.ECHO, LocalFlag.ECHONL, LocalFlag.NOFLSH), false);
        a.setLocalFlag(LocalFlag.ISIG, !passSignals);
        a.setInputFlags(EnumSet.of(InputFlag.ICRNL, InputFlag.INLCR), false);
        a.setControlChar(ControlChar.VMIN, 0);
        a.setControlChar(ControlChar.VTIME, 0);
        return a;
    }

    /** Ctrl-C or SIGTERM: put the terminal back as it was and say why the run ends. */
    private void stopBySignal() {
        restore();
        messages.println("vm3000: stopped by a signal");
        messages.flush();
    }

    private synchronized void restore() {
        if (terminal == null || saved == null) return;
        try {
            terminal.setAttributes(saved);
            terminal.flush();
        } catch (RuntimeException e) {
            // the terminal is gone: nothing to restore
        }
    }

    @Override
    public void close() {
        if (terminal == null) return;
        restore();
        try {
            Runtime.getRuntime().removeShutdownHook(restoreOnExit);
        } catch (IllegalStateException e) {
            // already shutting down: the hook restores
        }
        try {
            terminal.close();
        } catch (IOException e) {
            // restored above
        }
    }
}
