package vm3000.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.cp0.ExceptionEntry;
import vm3000.vmm.trap.VmmParts;
import vm3000.vmm.trap.interp.Reflection;

/**
 * Exercise 2's grader: full marks for the VMM's own reflection, and a specific, explained failure
 * for each typical mistake planted in a copy of it.
 */
class Exercise2GraderTest {
    static final ExceptionEntry REFERENCE = new Reflection();

    /** The reference, with what a test overrides changed. */
    static class Planted implements ExceptionEntry {
        @Override public int enter(Cp0 cp0, int excCode, int ce, int pc, boolean inDelaySlot, boolean utlb) {
            return REFERENCE.enter(cp0, excCode, ce, pc, inDelaySlot, utlb);
        }
        @Override public void rfe(Cp0 cp0) { REFERENCE.rfe(cp0); }
    }

    static List<Grader.Result> grade(ExceptionEntry e) {
        return Grader.grade(Exercises.EX2, VmmParts.REFERENCE.withExceptions(e));
    }

    static Grader.Result result(List<Grader.Result> rs, String checkStart) {
        return rs.stream().filter(r -> r.check().startsWith(checkStart)).findFirst().orElseThrow();
    }

    static void failsWith(List<Grader.Result> rs, String check, String... words) {
        Grader.Result r = result(rs, check);
        assertFalse(r.passed(), check);
        for (String w : words) assertTrue(r.failure().contains(w), r.failure());
    }

    @Test
    void theReference_getsFullMarks() {
        List<Grader.Result> rs = grade(REFERENCE);
        for (Grader.Result r : rs) assertNull(r.failure(), r.check());
        assertEquals(9, rs.size());
    }

    @Test
    void epcOfTheFaultingInstructionInADelaySlot_failsTheEpcCheck() {
        List<Grader.Result> rs = grade(new Planted() {
            @Override public int enter(Cp0 cp0, int excCode, int ce, int pc, boolean inDelaySlot, boolean utlb) {
                int v = REFERENCE.enter(cp0, excCode, ce, pc, inDelaySlot, utlb);
                cp0.setEpc(pc); // forgets that a delay slot's exception returns to the branch
                return v;
            }
        });
        failsWith(rs, "EPC:", "`  EPC      0x8000102c`", "the branch before it");
        assertTrue(result(rs, "the vector").passed(), "the vectors are right");
    }

    @Test
    void noBd_failsTheCauseCheck() {
        List<Grader.Result> rs = grade(new Planted() {
            @Override public int enter(Cp0 cp0, int excCode, int ce, int pc, boolean inDelaySlot, boolean utlb) {
                int v = REFERENCE.enter(cp0, excCode, ce, pc, inDelaySlot, utlb);
                cp0.setCauseFields(cp0.cause() & ~Cp0.CAUSE_BD);
                return v;
            }
        });
        failsWith(rs, "Cause:", "`  Cause    0x80000024`", "Cause.BD");
        assertTrue(result(rs, "EPC:").passed(), "EPC is right");
    }

    @Test
    void noCe_failsTheCauseCheck_atTheCoprocessorOneInstruction() {
        List<Grader.Result> rs = grade(new Planted() {
            @Override public int enter(Cp0 cp0, int excCode, int ce, int pc, boolean inDelaySlot, boolean utlb) {
                return REFERENCE.enter(cp0, excCode, 0, pc, inDelaySlot, utlb);
            }
        });
        failsWith(rs, "Cause:", "`  Cause    0x1000002c`", "CE");
    }

    @Test
    void aPushByOnePlace_failsTheKuIeCheck() {
        List<Grader.Result> rs = grade(new Planted() {
            @Override public int enter(Cp0 cp0, int excCode, int ce, int pc, boolean inDelaySlot, boolean utlb) {
                int status = cp0.status();
                int v = REFERENCE.enter(cp0, excCode, ce, pc, inDelaySlot, utlb);
                cp0.setStatus((status & ~0x3F) | ((status << 1) & 0x3E));
                return v;
            }
        });
        failsWith(rs, "the KU/IE stack", "KU/IE", "move up two places");
    }

    @Test
    void alwaysTheGeneralVector_failsTheVectorCheck_atTheUtlbRefill() {
        List<Grader.Result> rs = grade(new Planted() {
            @Override public int enter(Cp0 cp0, int excCode, int ce, int pc, boolean inDelaySlot, boolean utlb) {
                return REFERENCE.enter(cp0, excCode, ce, pc, inDelaySlot, false);
            }
        });
        failsWith(rs, "the vector", "`UTLB refill vector`", "0x80000000 for a UTLB refill");
    }

    @Test
    void anRfeThatClearsTheOldPair_failsTheRfeCheck() {
        List<Grader.Result> rs = grade(new Planted() {
            @Override public void rfe(Cp0 cp0) {
                int status = cp0.status();
                cp0.setStatus((status & ~0x3F) | ((status >>> 2) & 0xF));
            }
        });
        failsWith(rs, "RFE pops", "`  after the nested handler's RFE, Status 0x0000003c`", "the old pair itself stays");
    }

    @Test
    void callingTheHardwaresEntry_isEndlessRecursion_andSaysSo() {
        List<Grader.Result> rs = grade(new Planted() {
            @Override public int enter(Cp0 cp0, int excCode, int ce, int pc, boolean inDelaySlot, boolean utlb) {
                return cp0.enterException(excCode, ce, inDelaySlot ? pc - 4 : pc, inDelaySlot, utlb);
            }
        });
        failsWith(rs, "EPC:", "endless recursion", "must not call Cp0.enterException");
    }

    @Test
    void theStarter_isNotWrittenYet_saysSo() {
        List<Grader.Result> rs = grade(new Planted() {
            @Override public int enter(Cp0 cp0, int excCode, int ce, int pc, boolean inDelaySlot, boolean utlb) {
                throw new UnsupportedOperationException("exercise 2: exception entry");
            }
        });
        for (Grader.Result r : rs) {
            assertFalse(r.passed(), r.check());
            assertTrue(r.failure().contains("not written yet (exercise 2: exception entry)"), r.failure());
        }
    }
}
