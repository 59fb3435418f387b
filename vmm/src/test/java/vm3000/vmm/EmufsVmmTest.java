package vm3000.vmm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vm3000.cpu.bus.PowerState;
import vm3000.cpu.dev.EmufsCopyKernel;

/**
 * The emufs card in a VM is the card of the bare machine: the emufs test kernel (copy a file,
 * list the root, truncate) under either VMM at depth 2 prints what it prints bare, ends in the
 * same state at the same virtual time, and leaves the same files on the host.
 */
class EmufsVmmTest {
    private static final int RAM = Runs.PROGRAM_RAM;

    private static Runs.Guest guest(Path dir) throws Exception {
        Path root = EmufsCopyKernel.populate(Files.createDirectory(dir));
        return new Runs.Guest("copy.s", EmufsCopyKernel.elf(), "", RAM, List.of(), null, EmufsCopyKernel.config(root, RAM));
    }

    @ParameterizedTest
    @EnumSource(Runs.Scheme.class)
    void copyKernel_sameAsBare_atDepth2(Runs.Scheme scheme, @TempDir Path tmp) throws Exception {
        Runs.Outcome bare = Runs.bare(guest(tmp.resolve("bare")));
        assertEquals(PowerState.Reason.POWER_OFF + " 0", bare.reason() + " " + bare.exitCode(), bare.transcript());
        assertEquals(EmufsCopyKernel.expected(), bare.transcript());
        EmufsCopyKernel.checkHost(tmp.resolve("bare"));

        Runs.Outcome vm = Runs.under(scheme, 2, List.of(guest(tmp.resolve("vm"))), Runs.LIMIT, c -> {}).get(0);
        assertEquals(bare, vm);
        EmufsCopyKernel.checkHost(tmp.resolve("vm"));
    }
}
