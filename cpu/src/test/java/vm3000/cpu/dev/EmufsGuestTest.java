package vm3000.cpu.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.bus.PowerState;

/** The emufs test kernel on the bare machine, with each core: transcript, exit code, host files. */
class EmufsGuestTest {
    private static final int RAM = 1 << 20;

    @ParameterizedTest
    @EnumSource(MachineOptions.Core.class)
    void copyKernel_copiesListsAndTruncates(MachineOptions.Core core, @TempDir Path dir) throws Exception {
        Path root = EmufsCopyKernel.populate(dir);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        MachineOptions options = MachineOptions.defaults().withRam(RAM).withCore(core).withConsole(console)
                .withMessages(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        PowerState end;
        Machine m = Boot.machine(options, EmufsCopyKernel.config(root, RAM));
        try {
            Boot.load(m, EmufsCopyKernel.elf(), "");
            end = m.run(20_000_000);
            assertEquals(1, ((Emufs) m.lamebus().device(2)).handlesInUse(), "the kernel closed what it opened");
        } finally {
            m.close();
        }
        String transcript = console.toString(StandardCharsets.ISO_8859_1);
        assertEquals(PowerState.Reason.POWER_OFF + " 0", end.reason() + " " + end.exitCode(), transcript);
        assertEquals(EmufsCopyKernel.expected(), transcript);
        EmufsCopyKernel.checkHost(dir);
    }
}
