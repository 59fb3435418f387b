package vm3000.cli;

import java.io.PrintStream;
import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vm3000} command. */
@Command(name = "vm3000", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "An emulated R3000-class MIPS machine (System/161 dialect).",
        subcommands = {RunCommand.class, AsmCommand.class, DisasmCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: the guest's power-off code; " + ExitCodes.BAD_INPUT + " bad input; "
                + ExitCodes.INSTRUCTION_LIMIT + " instruction limit reached; " + ExitCodes.MACHINE_CHECK
                + " machine check; " + ExitCodes.BENCH_BUSY + " bench: another benchmark is running; " + ExitCodes.INTERNAL
                + " internal error; " + ExitCodes.OUT_OF_MEMORY + " out of memory."})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Where the guest's console goes (byte for byte). */
    final PrintStream out;
    /** Where the machine's own messages go. */
    final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (run, asm, disasm, bench)");
    }

    public static void main(String[] args) {
        System.exit(execute(System.out, System.err, args));
    }

    /** Runs the command line with the given streams and returns the exit code, without exiting. */
    public static int execute(PrintStream out, PrintStream err, String... args) {
        CommandLine cl = new CommandLine(new Main(out, err));
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(out, true));
        cl.setParameterExceptionHandler((ex, given) -> {
            CommandLine failed = ex.getCommandLine();
            String which = failed.getParent() == null ? "vm3000" : "vm3000 " + failed.getCommandName();
            failed.getErr().println("vm3000: " + ex.getMessage() + " (see '" + which + " --help')");
            return ExitCodes.BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, command, parsed) -> {
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
