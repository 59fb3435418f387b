package vm3000.cpu.cores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.MachineOptions.Core;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.boot.Images;
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.elf.ElfFile;
import vm3000.cpu.realclient.CCorpus;
import vm3000.cpu.realclient.Toolchain;

/**
 * The block core really compiles hot blocks (BlockCompiler) on the C compute workload, and the
 * compiled code leaves the machine exactly as the interpreter does, and as the block core without
 * compilation does.
 */
class CompiledBlocksTest {
    private static final long LIMIT = 20_000_000;

    @Test
    void computeWorkload_compilesItsHotBlocks_andAgreesWithTheInterpreter() throws Exception {
        Toolchain.assumeTools("CompiledBlocksTest", CCorpus.Endian.BIG.tools());
        ElfFile elf = Images.read(CCorpus.build(CCorpus.program("compute"), CCorpus.Endian.BIG).baremetal());
        Machine jit = machine(Core.BLOCK, elf, true);
        String compiled = run(jit);
        assertTrue(jit.blockCore().blocksCompiled() > 0, "no block compiled");
        assertTrue(jit.blockCore().compiledRuns() > LIMIT / 100,
                "compiled blocks ran only " + jit.blockCore().compiledRuns() + " times");
        assertEquals(run(machine(Core.INTERP, elf, false)), compiled, "compiled blocks vs the interpreter");
        Machine off = machine(Core.BLOCK, elf, false);
        assertEquals(compiled, run(off), "block core with and without compilation");
        assertEquals(0, off.blockCore().blocksCompiled(), "compiled with compilation off");
    }


    private static Machine machine(Core core, ElfFile elf, boolean jit) throws Exception {
        MachineOptions o = MachineOptions.defaults().withEndian(elf.endian()).withCore(core)
                .withConsole(new ByteArrayOutputStream())
                .withMessages(new PrintStream(OutputStream.nullOutputStream()));
        Machine m = Boot.machine(o, Sys161Config.defaults());
        if (core == Core.BLOCK) {
            m.blockCore().configureJit(jit, 50);
            m.blockCore().configureRegions(false); // blocks compiled alone (RegionsTest: in regions)
        }
        Boot.load(m, elf, "compute");
        return m;
    }

    private static String run(Machine m) {
        m.run(LIMIT);
        return MachineState.of(m, "");
    }
}
