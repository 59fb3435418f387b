package vm3000.vmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vm3000.cpu.asm.Assembler;
import vm3000.cpu.asm.IncludeResolver;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.core.BlockCore;
import vm3000.cpu.elf.ElfFile;
import vm3000.vmm.trap.VirtualMachine;
import vm3000.vmm.trap.VmmStack;

/**
 * The trap-and-emulate VMM runs a guest's kernel mode on the VM's own block core, over the shadow
 * CP0 and a view of its partition (compiled code included), and stays exact: code that user mode,
 * run directly on the machine below, writes over the kernel's compiled routine, and code that the
 * kernel writes over the user's loop, are both seen at once, at every depth (vmm/crosscode.s).
 */
class KernelOnBlockCoreTest {
    private static final String EXPECTED = "0x000000c8 0x00000000\n0x00000258 0x00000258\n0x000004b0 0x00000708\n"
            + "0x000007d0 0x00000e10\n0x00000bb8 0x00001770\n0x00001068 0x00002328\n";

    static Runs.Guest crosscode() throws Exception {
        Path file = Path.of("src", "test", "resources", "vmm", "crosscode.s").toAbsolutePath();
        String src = Files.readString(file, StandardCharsets.UTF_8);
        Assembler.Options asm = Assembler.Options.defaults().withIncludeResolver(IncludeResolver.files(List.of()));
        ElfFile elf = ElfFile.parse(Assembler.assembleElf(src, file.toString(), asm), "crosscode.s");
        return new Runs.Guest("crosscode", elf, "", Runs.PROGRAM_RAM * 4);
    }

    @ParameterizedTest(name = "depth {0}")
    @ValueSource(ints = {1, 2, 3})
    void codeWrittenAcrossModes_isSeenByBothCores(int depth) throws Exception {
        Runs.Guest g = crosscode();
        Runs.Outcome bare = Runs.bare(g);
        assertEquals(PowerState.Reason.POWER_OFF, bare.reason(), bare.message());
        assertEquals(EXPECTED, bare.transcript());
        List<VmmStack> keep = new ArrayList<>();
        assertEquals(bare, Runs.underVmm(depth, List.of(g), keep).get(0));
        VirtualMachine vm = keep.get(0).top().vms().get(0);
        BlockCore core = vm.core();
        assertNotNull(core, "the VM has no block core");
        // 6 rounds of 200 calls: the routine is compiled, and dropped at each of the 5 rewrites
        assertTrue(core.blocksCompiled() > 5, "compiled " + core.blocksCompiled() + " blocks");
        assertTrue(core.invalidations() >= 5, "the kernel's copy of kroutine was dropped " + core.invalidations() + " times");
        long kernel = vm.cpu().counters().kernelInstructions();
        assertTrue(core.compiledInstructions() > kernel / 2,
                core.compiledInstructions() + " of " + kernel + " kernel instructions retired in compiled code");
    }
}
