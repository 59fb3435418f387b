package vm3000.labs;
// lab 5 answers: the reference's counts of exit multiplication; the student tree leaves this file out

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Exercise 5's grader: full marks for the reference model of exit multiplication, and a specific,
 * explained failure for each typical mistake planted in a copy of it.
 */
class Exercise5GraderTest {
    static final ExitModel REFERENCE = new ExitMultiplication();

    /** The reference, with what a test overrides changed. */
    static class Planted implements ExitModel {
        @Override public long trapAndEmulate(GuestOperation op, int depth, int level) {
            return REFERENCE.trapAndEmulate(op, depth, level);
        }
        @Override public long rmr(GuestOperation op, int depth, int level) { return REFERENCE.rmr(op, depth, level); }
    }

    static List<Grader.Result> grade(ExitModel m) {
        return Grader.grade(Exercises.EX5, LabParts.TREE.withExits(m));
    }

    static Grader.Result result(List<Grader.Result> rs, String checkStart) {
        return rs.stream().filter(r -> r.check().startsWith(checkStart)).findFirst().orElseThrow();
    }

    static void failsWith(List<Grader.Result> rs, String check, String... words) {
        Grader.Result r = result(rs, check);
        assertFalse(r.passed(), check);
        for (String w : words) assertTrue(r.failure().contains(w), r.failure());
    }

    static long passed(List<Grader.Result> rs) { return rs.stream().filter(Grader.Result::passed).count(); }

    @Test
    void theReference_getsFullMarks() {
        List<Grader.Result> rs = grade(REFERENCE);
        for (Grader.Result r : rs) assertNull(r.failure(), r.check());
        assertEquals(5, rs.size());
    }

    @Test
    void eachLevelPayingForEveryLevelAboveIt_failsTheLowerLevelsCheck_atDepthThree() {
        List<Grader.Result> rs = grade(new Planted() {
            @Override public long trapAndEmulate(GuestOperation op, int depth, int level) {
                if (op == GuestOperation.SYSCALL && level < depth - 1) return 9L * (depth - 1 - level);
                return super.trapAndEmulate(op, depth, level);
            }
        });
        failsWith(rs, "one system call under 2 to 4", "at depth 3, level 0 (the VMM on the machine itself)",
                "your model says 18 entries, the VMM counted 9", "One direct run of that VMM");
        assertEquals(4, passed(rs));
    }

    @Test
    void theSameCountAtEveryLevel_failsTheLowerLevelsCheck() {
        List<Grader.Result> rs = grade(new Planted() {
            @Override public long trapAndEmulate(GuestOperation op, int depth, int level) {
                return op == GuestOperation.SYSCALL ? 4 : super.trapAndEmulate(op, depth, level);
            }
        });
        failsWith(rs, "one system call under 2 to 4", "at depth 2, level 0", "says 4 entries", "counted 9");
        assertTrue(result(rs, "one system call under one VMM").passed());
    }

    @Test
    void guestCp0MovesTrappingAtEveryLevel_failsTheCp0Check() {
        List<Grader.Result> rs = grade(new Planted() {
            @Override public long trapAndEmulate(GuestOperation op, int depth, int level) {
                return op == GuestOperation.CP0_MOVE ? 1 : super.trapAndEmulate(op, depth, level);
            }
        });
        failsWith(rs, "MFC0 and MTC0", "at depth 2, level 0", "says 1 entry, the VMM counted 0", "interprets");
        assertEquals(4, passed(rs));
    }

    @Test
    void aTimerInterruptAsOneEntry_failsTheTimerCheck() {
        List<Grader.Result> rs = grade(new Planted() {
            @Override public long trapAndEmulate(GuestOperation op, int depth, int level) {
                if (op == GuestOperation.TIMER_INTERRUPT) return level == depth - 1 ? 1 : 0;
                return super.trapAndEmulate(op, depth, level);
            }
        });
        failsWith(rs, "a timer interrupt", "at depth 1, level 0 (the only VMM)", "says 1 entry, the VMM counted 5",
                "Compare is a shadow register");
    }

    @Test
    void deviceLoadsTrappingToTheTopVmm_failTheDeviceCheck() {
        List<Grader.Result> rs = grade(new Planted() {
            @Override public long trapAndEmulate(GuestOperation op, int depth, int level) {
                if (op == GuestOperation.DEVICE_LOAD) return level == depth - 1 ? 1 : 0;
                return super.trapAndEmulate(op, depth, level);
            }
        });
        failsWith(rs, "a load of a device register", "says 1 entry, the VMM counted 0", "VmBus");
        assertEquals(4, passed(rs));
    }

    @Test
    void aModelNotWrittenYet_saysSo() {
        List<Grader.Result> rs = grade(new Planted() {
            @Override public long trapAndEmulate(GuestOperation op, int depth, int level) {
                throw new UnsupportedOperationException("exercise 5: the trap-and-emulate VMM's entries");
            }
        });
        for (Grader.Result r : rs) assertTrue(r.failure().contains("not written yet (exercise 5"), r.failure());
    }
}
