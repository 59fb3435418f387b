package vm3000.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vm3000} command. */
@Command(name = "vm3000", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "An emulated R3000-class MIPS machine (System/161 dialect).",
        subcommands = {RunCommand.class, AsmCommand.class, DisasmCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: the guest's power-off code; " + ExitCodes.BAD_INPUT + " bad input; "
                + ExitCodes.INSTRUCTION_LIMIT + " instruction limit reached; " + ExitCodes.MACHINE_CHECK
                + " machine check; " + ExitCodes.INTERNAL + " internal error."})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (run, asm, disasm)");
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (for tests, without exiting). */
    public static int execute(String... args) {
        CommandLine cl = commandLine();
        return cl.execute(args);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setErr(new PrintWriter(System.err, true));
        cl.setOut(new PrintWriter(System.out, true));
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("vm3000: " + ex.getMessage()
                    + " (see 'vm3000 " + (ex.getCommandLine().getParent() == null ? "" : ex.getCommandLine().getCommandName() + " ") + "--help')");
            return ExitCodes.BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, command, parse) -> {
            command.getCommandLine().getErr().println("vm3000: internal error: " + ex);
            ex.printStackTrace(command.getCommandLine().getErr());
            return ExitCodes.INTERNAL;
        });
        return cl;
    }
}
