package vm3000.cpu.realclient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import vm3000.cpu.BadInputException;
import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.boot.Images;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.elf.ElfFile;

/**
 * One bare-metal vm3000 run of a corpus program: how it ended, what it printed, how many
 * instructions it executed. Public (in the cpu test jar) so that other modules' tests can use
 * a corpus program's vm3000 transcript as its expected output.
 */
public record VmRun(PowerState.Reason reason, int exitCode, String message, String transcript, long instructions) {
    /** Far above any corpus program (compute.c runs ~1.2e8); a runaway program fails, not hangs. */
    static final long LIMIT = 2_000_000_000L;

    /** Runs by ELF path, so the compute workload is built and run only once per test run. */
    private static final Memo<VmRun> RUNS = new Memo<>();

    /** Boots {@code elfPath} on a fresh default machine in its own byte order and runs it to the end. */
    public static VmRun of(Path elfPath) {
        return RUNS.get(elfPath.toString(), () -> runNow(elfPath));
    }

    private static VmRun runNow(Path elfPath) {
        ElfFile elf;
        try {
            elf = Images.read(elfPath);
        } catch (BadInputException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        MachineOptions options = MachineOptions.defaults().withEndian(elf.endian()).withConsole(console)
                .withMessages(new PrintStream(messages, true, StandardCharsets.UTF_8));
        Machine machine = Boot.machine(options, Sys161Config.defaults());
        try {
            Boot.load(machine, elf, elfPath.getFileName().toString());
        } catch (BadInputException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        PowerState end = machine.run(LIMIT);
        String message = end.message() + (messages.size() > 0 ? "; machine said: " + messages.toString(StandardCharsets.UTF_8) : "");
        return new VmRun(end.reason(), end.exitCode(), message, console.toString(StandardCharsets.ISO_8859_1),
                machine.counters().instructions());
    }
}
