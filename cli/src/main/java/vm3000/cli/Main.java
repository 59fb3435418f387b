package vm3000.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vm3000} command; its subcommands are {@link #SUBCOMMANDS}, added in {@link #commandLine}. */
@Command(name = "vm3000", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "An emulated R3000-class MIPS machine (System/161 dialect).",
        footer = {"", ExitCodes.SUMMARY + " vm3000 bench: " + ExitCodes.BENCH_BUSY + " another benchmark is running."})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The subcommands, in the order {@code vm3000 --help} lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(RunCommand.class, AsmCommand.class, DisasmCommand.class,
            BenchCommand.class, LabCommand.class, CommandLine.HelpCommand.class);
    /** Their names, as their {@code @Command} annotations give them (a test checks that they agree). */
    static final List<String> NAMES = List.of("run", "asm", "disasm", "bench", "lab", "help");

    /** What is typed on the guest's console. */
    final InputStream in;
    /** True when {@link #in} is this process's standard input (which may be a terminal). */
    final boolean systemIn;
    /** Where the guest's console goes (byte for byte). */
    final PrintStream out;
    /** Where the machine's own messages go. */
    final PrintStream err;

    Main(InputStream in, boolean systemIn, PrintStream out, PrintStream err) {
        this.in = in;
        this.systemIn = systemIn;
        this.out = out;
        this.err = err;
    }

    /** The guest's keyboard: the terminal in raw mode if standard input is one, else {@link #in} as a stream. */
    HostConsole console(boolean passSignals) {
        return systemIn ? HostConsole.system(err, passSignals) : HostConsole.of(in, err);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (run, asm, disasm, bench, lab)");
    }

    public static void main(String[] args) {
        System.exit(execute(new Main(System.in, true, System.out, System.err), args));
    }

    /** Runs the command line with the given streams and nothing typed; returns the exit code, without exiting. */
    public static int execute(PrintStream out, PrintStream err, String... args) {
        return execute(InputStream.nullInputStream(), out, err, args);
    }

    /** The same with {@code in} typed on the guest's console. */
    public static int execute(InputStream in, PrintStream out, PrintStream err, String... args) {
        return execute(new Main(in, false, out, err), args);
    }

    /**
     * The part of a course lab exercise that a student tree has not written yet, as its stub
     * names it ("exercise 3: precise invalidation"), if {@code ex} is its stub's exception; else null.
     */
    static String unwrittenExercise(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof UnsupportedOperationException && t.getMessage() != null
                    && t.getMessage().matches("exercise \\d+: .*")) {
                return t.getMessage();
            }
        }
        return null;
    }

    /**
     * The command line for {@code args}. picocli builds the model of every subcommand it is given
     * from its annotations, by reflection, tens of milliseconds each at start-up; a command line
     * that begins with the name of a subcommand (other than help, which needs them all) is given
     * only that one, since nothing after that name can reach another. Any other is given all.
     */
    static CommandLine commandLine(Main main, String... args) {
        CommandLine cl = new CommandLine(main);
        int named = args.length > 0 ? NAMES.indexOf(args[0]) : -1;
        if (named >= 0 && !NAMES.get(named).equals("help")) {
            cl.addSubcommand(NAMES.get(named), SUBCOMMANDS.get(named));
        } else {
            for (int i = 0; i < SUBCOMMANDS.size(); i++) cl.addSubcommand(NAMES.get(i), SUBCOMMANDS.get(i));
        }
        return cl;
    }

    private static int execute(Main main, String... args) {
        PrintStream out = main.out;
        PrintStream err = main.err;
        CommandLine cl = commandLine(main, args);
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(out, true));
        cl.setParameterExceptionHandler((ex, given) -> {
            CommandLine failed = ex.getCommandLine();
            String which = failed.getParent() == null ? "vm3000" : "vm3000 " + failed.getCommandName();
            failed.getErr().println("vm3000: " + ex.getMessage() + " (see '" + which + " --help')");
            return ExitCodes.BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, command, parsed) -> {
            String unwritten = unwrittenExercise(ex);
            if (unwritten != null) {
                command.getErr().println("vm3000: this tree's monitor lacks " + unwritten + "; --lab M runs it with "
                        + "stand-ins for the exercises after M, as 'vm3000 lab check M' does (docs/labs/README.md)");
                return ExitCodes.INTERNAL;
            }
            command.getErr().println("vm3000: internal error: " + ex);
            ex.printStackTrace(command.getErr());
            return ExitCodes.INTERNAL;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // Thrown anywhere (the RAM array, an image, an assembly), it unwinds to here, where what
            // it was for is garbage and there is room again to say so in one line.
            out.flush();
            err.println("vm3000: out of memory: this needs more than the " + (Runtime.getRuntime().maxMemory() >> 20)
                    + " MiB the Java heap may use (JAVA_TOOL_OPTIONS=-Xmx4g gives it more)");
            return ExitCodes.OUT_OF_MEMORY;
        }
    }
}
