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
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.core.BlockCore;
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.testing.HostileGuests;

/**
 * The block cache stays within its limits whatever the guest does, and dropping it when it is
 * full changes nothing the guest can see: a guest that sprays calls over its RAM and rewrites its
 * code ({@link HostileGuests}) ends in the same state, cycle count included, on the interpreter,
 * on the block core with its default limits and on one with limits so small that it flushes all
 * the time.
 */
class BlockCacheBoundTest {
    private static final BlockCore.CacheLimits SMALL = new BlockCore.CacheLimits(1024, 16384, 64, 64);
    private static final long LIMIT = 1_000_000;

    private record Run(String state, Machine machine) {}

    private static Run run(Core core, BlockCore.CacheLimits limits, int jitThreshold, long seed, long limit) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        MachineOptions o = MachineOptions.defaults().withRam(HostileGuests.RAM).withCore(core).withConsole(console)
                .withMessages(new PrintStream(OutputStream.nullOutputStream()));
        Machine m = Boot.machine(o, Sys161Config.defaults(HostileGuests.RAM));
        if (core == Core.BLOCK) {
            if (limits != null) m.blockCore().configureCache(limits);
            if (jitThreshold > 0) m.blockCore().configureJit(true, jitThreshold);
        }
        try {
            Boot.load(m, HostileGuests.image(seed), "");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        m.run(limit);
        assertEquals(PowerState.Reason.INSTRUCTION_LIMIT, m.power().reason(),
                "seed " + seed + ": " + m.power().message() + " (exit code " + m.power().exitCode() + ")");
        return new Run(MachineState.of(m, console.toString(StandardCharsets.ISO_8859_1)), m);
    }

    private static void assertWithin(BlockCore core, BlockCore.CacheLimits l, String what) {
        assertTrue(core.cachedBlocks() <= l.blocks(), what + ": " + core.cachedBlocks() + " blocks");
        assertTrue(core.cachedInstructions() <= l.instructions(), what + ": " + core.cachedInstructions() + " instructions");
        assertTrue(core.cachedPages() <= l.pages(), what + ": " + core.cachedPages() + " pages");
        assertTrue(core.cachedCompiled() <= l.compiled(), what + ": " + core.cachedCompiled() + " compiled");
    }

    @Test
    void codeSpray_smallCache_flushesAndStaysWithinItsLimits_sameStateAsTheInterpreter() {
        for (long seed = 0; seed < 2; seed++) {
            String interp = run(Core.INTERP, null, 0, seed, LIMIT).state();
            Run small = run(Core.BLOCK, SMALL, 0, seed, LIMIT);
            BlockCore core = small.machine().blockCore();
            assertWithin(core, SMALL, "seed " + seed);
            assertTrue(core.cacheFlushes() >= 10, "seed " + seed + ": only " + core.cacheFlushes() + " flushes");
            assertTrue(core.invalidations() >= 10, "seed " + seed + ": code rewritten only " + core.invalidations() + " times");
            assertTrue(core.blocksBuilt() > 4L * SMALL.blocks(), "seed " + seed + ": " + core.blocksBuilt() + " blocks built");
            assertEquals(interp, small.state(), "seed " + seed + ": the block core with a small cache disagrees");
            Run eager = run(Core.BLOCK, SMALL, 1, seed, LIMIT);
            assertWithin(eager.machine().blockCore(), SMALL, "seed " + seed + ", compiling everything");
            assertTrue(eager.machine().blockCore().blocksCompiled() > SMALL.compiled(), "seed " + seed);
            assertEquals(interp, eager.state(), "seed " + seed + ": the small cache compiling every block disagrees");
        }
    }

    @Test
    void codeSpray_defaultLimits_reachedAndKept() {
        Run block = run(Core.BLOCK, null, 0, 7, 6_000_000);
        BlockCore core = block.machine().blockCore();
        assertWithin(core, BlockCore.CacheLimits.DEFAULT, "default limits");
        assertTrue(core.cacheFlushes() >= 1, "the spray never filled the cache: " + core.blocksBuilt() + " blocks built");
    }
}
