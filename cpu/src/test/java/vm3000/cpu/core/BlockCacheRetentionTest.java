package vm3000.cpu.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.testing.HostileGuests;

/**
 * Blocks that the cache dropped (a flush, a write over their code) keep no other block alive:
 * their chain links are cleared when they are dropped, so the only dropped blocks the host still
 * holds are those that live blocks link to, and through them nothing further.
 */
class BlockCacheRetentionTest {
    @Test
    void droppedBlocks_holdNoLinks_soOnlyLiveBlocksKeepThemAlive() throws Exception {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        MachineOptions o = MachineOptions.defaults().withRam(HostileGuests.RAM).withCore(MachineOptions.Core.BLOCK)
                .withConsole(OutputStream.nullOutputStream()).withMessages(quiet);
        Machine m = Boot.machine(o, Sys161Config.defaults(HostileGuests.RAM));
        m.blockCore().configureCache(new BlockCore.CacheLimits(256, 4096, 16, 16));
        Boot.load(m, HostileGuests.image(3), "");
        BlockCore core = m.blockCore();
        int dead = 0;
        for (long at = 5_000; at <= 600_000; at += 5_000) {
            core.runUntil(at);
            Set<Block> live = Collections.newSetFromMap(new IdentityHashMap<>());
            core.cache().forEachBlock(live::add);
            assertEquals(core.cachedBlocks(), live.size());
            int deadNow = 0;
            for (Block b : live) {
                for (Block n : new Block[] {b.fallNext, b.takenNext}) {
                    if (n == null || live.contains(n)) continue;
                    deadNow++;
                    assertNull(n.fallNext, "at " + at + ": a dropped block still links to its fall-through successor");
                    assertNull(n.takenNext, "at " + at + ": a dropped block still links to its taken successor");
                }
            }
            assertTrue(deadNow <= 2 * live.size());
            dead += deadNow;
        }
        assertTrue(core.cacheFlushes() > 10 && core.invalidations() > 10,
                core.cacheFlushes() + " flushes, " + core.invalidations() + " invalidations");
        assertTrue(dead > 0, "no live block ever linked to a dropped one: the test proves nothing");
    }
}
