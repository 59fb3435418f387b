package vm3000.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import vm3000.cpu.cp0.Cp0;
import vm3000.vmm.trap.VirtualMachine;
import vm3000.vmm.trap.VmmParts;
import vm3000.vmm.trap.time.CountCompare;
import vm3000.vmm.trap.time.OneStep;
import vm3000.vmm.trap.time.VirtualTime;

/**
 * Exercise 4's grader: full marks for the VMM's own virtual time, and a specific, explained
 * failure for each typical mistake planted in a copy of it.
 */
class Exercise4GraderTest {
    static final VirtualTime REFERENCE = new CountCompare();

    /** The reference, with what a test overrides changed. */
    static class Planted implements VirtualTime {
        @Override public long budget(VirtualMachine vm, long sliceEnd) { return REFERENCE.budget(vm, sliceEnd); }
        @Override public long ranFor(long budget, int count, int cause) { return REFERENCE.ranFor(budget, count, cause); }
        @Override public long charge(Ending ending, long cycles) { return REFERENCE.charge(ending, cycles); }
    }

    static List<Grader.Result> grade(VirtualTime t) {
        return Grader.grade(Exercises.EX4, VmmParts.REFERENCE.withTime(t));
    }

    static Grader.Result result(List<Grader.Result> rs, String checkStart) {
        return rs.stream().filter(r -> r.check().startsWith(checkStart)).findFirst().orElseThrow();
    }

    static void failsWith(List<Grader.Result> rs, String check, String... words) {
        Grader.Result r = result(rs, check);
        assertFalse(r.passed(), check);
        for (String w : words) assertTrue(r.failure().contains(w), r.failure());
    }

    static void passes(List<Grader.Result> rs, String... checks) {
        for (String c : checks) assertTrue(result(rs, c).passed(), c + ": " + result(rs, c).failure());
    }

    static final String SHORT = "Count around a user-mode loop", CUT = "direct runs cut", TIMER = "the VM's timer interrupt",
            CARD = "the timer card's interrupt", LIMIT = "the instruction limit", DIRECT = "user mode runs directly";

    @Test
    void theReference_getsFullMarks() {
        List<Grader.Result> rs = grade(REFERENCE);
        for (Grader.Result r : rs) assertNull(r.failure(), r.check());
        assertEquals(9, rs.size());
    }

    @Test
    void chargingTheVmmsOwnTimerInterrupt_isOneCyclePerSliceEnd() {
        List<Grader.Result> rs = grade(new Planted() {
            @Override public long charge(Ending ending, long cycles) {
                return ending == Ending.TIMER ? cycles : REFERENCE.charge(ending, cycles);
            }
        });
        // three slice ends in the loop of 60000 cycles: three cycles too many
        failsWith(rs, CUT, "`Count around a loop of 20000 iterations               0x0000ea62`",
                "`Count around a loop of 20000 iterations               0x0000ea65`", "the VMM's (TIMER)");
        failsWith(rs, TIMER, "`timer interrupt: Count 0x00000003`", "`timer interrupt: Count 0x00000004`");
        passes(rs, SHORT);
    }

    @Test
    void ranForIgnoringTheWrap_losesTheBudgetAtEverySliceEnd() {
        List<Grader.Result> rs = grade(new Planted() {
            @Override public long ranFor(long budget, int count, int cause) { return count & 0xFFFFFFFFL; }
        });
        failsWith(rs, CUT, "`Count around a loop of 20000 iterations               0x0000ea62`",
                "becomes 0 instead and raises Cause.IP7", "took the budget plus what Count shows");
        failsWith(rs, "a whole kernel: tinyos", "after 895367 cycles", "ranFor");
        passes(rs, SHORT);
    }

    @Test
    void aBudgetThatIgnoresTheNextEvent_takesTheTimerInterruptLate() {
        List<Grader.Result> rs = grade(new Planted() {
            @Override public long budget(VirtualMachine vm, long sliceEnd) {
                return Math.min(sliceEnd, vm.limit()) - vm.clock().now();
            }
        });
        failsWith(rs, TIMER, "`timer interrupt: EPC   0x00002130`", "`timer interrupt: EPC   0x00002148`",
                "vm.clock().nextEvent()", "interrupt late");
        failsWith(rs, CARD, "`card interrupt: EPC    0x00002150`");
        passes(rs, SHORT, CUT, LIMIT);
    }

    @Test
    void aBudgetThatKnowsOnlyCompare_takesTheCardsInterruptLate() {
        List<Grader.Result> rs = grade(new Planted() {
            @Override public long budget(VirtualMachine vm, long sliceEnd) {
                long now = vm.clock().now();
                long toMatch = (vm.cp0().read(Cp0.COMPARE, 0) - vm.cp0().count()) & 0xFFFFFFFFL;
                if (toMatch == 0) toMatch = 1L << 32;
                return Math.min(Math.min(sliceEnd, now + toMatch), vm.limit()) - now;
            }
        });
        failsWith(rs, CARD, "`card interrupt: EPC    0x00002150`", "`card interrupt: EPC    0x0000214c`",
                "its devices' events are on its clock too");
        passes(rs, SHORT, CUT, TIMER, LIMIT);
    }

    @Test
    void chargingNothingForAReflectedException_losesTheSystemCallsCycle() {
        List<Grader.Result> rs = grade(new Planted() {
            @Override public long charge(Ending ending, long cycles) { return cycles - 1; }
        });
        failsWith(rs, SHORT, "`Count around a system call                            0x0000001c`",
                "`Count around a system call                            0x0000001b`", "REFLECT: a system call");
        passes(rs, CUT, TIMER);
    }

    @Test
    void chargingTheStepOfARestartedInstruction_addsACycleAtEveryCountRead() {
        List<Grader.Result> rs = grade(new Planted() {
            @Override public long charge(Ending ending, long cycles) {
                return ending == Ending.RESTART ? cycles : REFERENCE.charge(ending, cycles);
            }
        });
        failsWith(rs, SHORT, "`Count around a loop of 100 iterations                 0x0000012e`",
                "`Count around a loop of 100 iterations                 0x0000012f`", "a CP0 instruction handed to the interpreter");
    }

    @Test
    void aBudgetThatIgnoresTheSliceEnd_isExact_butKeepsTheMachine() {
        List<Grader.Result> rs = grade(new Planted() {
            @Override public long budget(VirtualMachine vm, long sliceEnd) {
                return Math.min(vm.clock().nextEvent(), vm.limit()) - vm.clock().now();
            }
        });
        failsWith(rs, DIRECT, "0 of the VMM's direct runs ended at its own timer, fewer than the 5 slice ends",
                "past the end of its time slice");
        for (Grader.Result r : rs) if (!r.check().startsWith(DIRECT)) assertTrue(r.passed(), r.check() + ": " + r.failure());
    }

    @Test
    void aBudgetThatIgnoresTheLimit_stopsTheVmLate() {
        List<Grader.Result> rs = grade(new Planted() {
            @Override public long budget(VirtualMachine vm, long sliceEnd) {
                return Math.min(vm.clock().nextEvent(), sliceEnd) - vm.clock().now();
            }
        });
        // the limit falls in a direct run: the run goes on to its slice end
        failsWith(rs, LIMIT, "the bare machine stopped at cycle 200001, the VM at cycle 216115", "stops the VM late");
        for (Grader.Result r : rs) if (!r.check().startsWith(LIMIT)) assertTrue(r.passed(), r.check() + ": " + r.failure());
    }

    @Test
    void oneInstructionPerRun_isExact_butTrapsOnEveryInstruction() {
        List<Grader.Result> rs = grade(new OneStep());
        failsWith(rs, DIRECT, "in 100007 direct runs, more than 20", "traps on every instruction");
        for (Grader.Result r : rs) if (!r.check().startsWith(DIRECT)) assertTrue(r.passed(), r.check() + ": " + r.failure());
    }

    @Test
    void aBudgetOfZero_isRefusedByTheVmm_andSaysSo() {
        List<Grader.Result> rs = grade(new Planted() {
            @Override public long budget(VirtualMachine vm, long sliceEnd) { return 0; }
        });
        failsWith(rs, SHORT, "the budget of a direct run must be at least one cycle, not 0");
    }

    @Test
    void theStarter_isNotWrittenYet_saysSo() {
        List<Grader.Result> rs = grade(new Planted() {
            @Override public long budget(VirtualMachine vm, long sliceEnd) {
                throw new UnsupportedOperationException("exercise 4: the budget of a direct run");
            }
        });
        for (Grader.Result r : rs) {
            assertFalse(r.passed(), r.check());
            assertTrue(r.failure().contains("not written yet (exercise 4: the budget of a direct run)"), r.failure());
        }
    }
}
