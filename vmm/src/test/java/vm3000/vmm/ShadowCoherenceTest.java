package vm3000.vmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vm3000.cpu.asm.Assembler;
import vm3000.cpu.asm.IncludeResolver;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.elf.ElfFile;
import vm3000.vmm.trap.TrapVmm;
import vm3000.vmm.trap.VmmStack;

/**
 * The shadow TLB stays coherent: a guest remapping a page in place, switching ASIDs, making the
 * page global and remapping it again, and walking all 64 ASIDs twice (more than the 63 host
 * ASIDs, so the map is recycled), always reads what the bare machine reads (vmm/shadow.s).
 */
class ShadowCoherenceTest {
    private static final String EXPECTED = "0x11111111\n0x22222222\n0x11111111\n0x22222222\n"
            + "0x11111111\n0x11111111\n0x22222222\n0x22222222\nshadow: done 0x22222222\n";

    @ParameterizedTest(name = "depth {0}")
    @ValueSource(ints = {1, 2, 3})
    void remapsAsidsAndGlobals_readAsOnBareMetal(int depth) throws Exception {
        Path file = Path.of("src", "test", "resources", "vmm", "shadow.s").toAbsolutePath();
        String src = Files.readString(file, StandardCharsets.UTF_8);
        Assembler.Options asm = Assembler.Options.defaults().withIncludeResolver(IncludeResolver.files(List.of()));
        ElfFile elf = ElfFile.parse(Assembler.assembleElf(src, file.toString(), asm), "shadow.s");
        Runs.Guest g = new Runs.Guest("shadow", elf, "", Runs.PROGRAM_RAM * 4);
        Runs.Outcome bare = Runs.bare(g);
        assertEquals(PowerState.Reason.POWER_OFF, bare.reason(), bare.message());
        assertEquals(EXPECTED, bare.transcript());
        List<VmmStack> keep = new ArrayList<>();
        assertEquals(bare, Runs.underVmm(depth, List.of(g), keep).get(0));
        TrapVmm top = keep.get(0).top();
        assertTrue(top.stats().asidRecycles() >= 2, "64 ASIDs twice recycle the 63 host ASIDs: " + top.stats().report());
        assertTrue(top.stats().shadowRefills() >= 8, top.stats().report());
    }
}
