package vm3000.cpu.rmr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import vm3000.cpu.asm.Assembler;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.core.Counters;
import vm3000.cpu.cores.CoreDifferentialTest.Case;
import vm3000.cpu.cores.SelfLoopTest;
import vm3000.cpu.elf.ElfFile;
import vm3000.cpu.rmr.RmrCoreDifferentialTest.Config;
import vm3000.cpu.rmr.RmrCoreDifferentialTest.Run;

/**
 * Loops that are one block run inside their compiled region at a nested level of the RMR stack as
 * on the bare machine ({@link SelfLoopTest} for the same loops compiled as blocks): the guest's own timer interrupts, under Java
 * monitors; and under two rmrmons, whose own blocks share the call site of compiled code and
 * whose time slices (level 0's timer) preempt the guest's loops, a level switch in the middle
 * of a run of iterations.
 */
class RmrSelfLoopTest {
    static final Case CASE = new Case("self-looping blocks", 1, SelfLoopTest.selfLoops(), 2_000_000, 1 << 20);

    @Test
    void selfLoopingBlocks_atEveryLevel_asOnTheBareMachine() {
        Run bare = RmrCoreDifferentialTest.bare(CASE);
        assertEquals(PowerState.Reason.POWER_OFF, bare.end().reason(), bare.guest());
        for (int k : RmrCoreDifferentialTest.LEVELS) {
            Run block = RmrCoreDifferentialTest.assertSameOnAllCores(k, CASE);
            assertEquals(0, block.top().busErrors, "level " + k + ": used a device the monitor does not emulate");
            assertEquals(bare.guest(), block.guest(), "level " + k + ": not as on the bare machine");
            long inside = block.machine().blockCore().regionInstructions(), runs = block.machine().blockCore().regionRuns();
            assertTrue(inside > 40_000 && inside > 20 * runs, "level " + k + ": " + runs + " region runs for " + inside
                    + " instructions: the loops did not run inside compiled regions");
        }
    }

    @Test
    void selfLoopingBlocks_underTwoMipsMonitors_sameOnAllCoresAndAsBare() throws Exception {
        byte[] bytes = Assembler.assembleElf(SelfLoopTest.SOURCE, "self-loops", Assembler.Options.defaults());
        ElfFile guest = ElfFile.parse(bytes, "self-loops");
        Run interp = RmrCoreDifferentialTest.underRmrmon(2, Config.INTERP, guest, bytes);
        assertNotNull(interp.machine().rmr().level(2), "rmrmon launched no guest: " + interp.state());
        Run block = RmrCoreDifferentialTest.underRmrmon(2, Config.BLOCK, guest, bytes);
        assertEquals(interp.state(), block.state(), "the cores disagree");
        Run eager = RmrCoreDifferentialTest.underRmrmon(2, Config.EAGER, guest, bytes);
        assertEquals(interp.state(), eager.state(), "the block core with every block compiled disagrees");
        int ram = (int) interp.machine().rmr().level(2).bound();
        Run bare = RmrCoreDifferentialTest.bare(new Case("self-loops", 1, SelfLoopTest.selfLoops(), 2_000_000, ram));
        assertEquals(bare.guest(), interp.guest(), "not as on the bare machine");
        for (int h = 0; h < 2; h++) {
            Counters monitor = interp.machine().rmr().level(h).counters();
            assertTrue(monitor.entries(RmrTrap.Kind.INTERRUPT.ordinal()) > 3, "level " + h
                    + ": rmrmon's time slices preempted the levels above it: " + monitor.report());
        }
        for (Run r : new Run[] {block, eager}) {
            long inside = r.machine().blockCore().regionInstructions(), runs = r.machine().blockCore().regionRuns();
            assertTrue(inside > 40_000 && inside > 20 * runs, runs + " region runs for " + inside
                    + " instructions: the loops did not run inside compiled regions");
        }
    }
}
