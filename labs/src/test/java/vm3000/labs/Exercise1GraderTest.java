package vm3000.labs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.cp0.ExcCode;
import vm3000.vmm.trap.VirtualMachine;
import vm3000.vmm.trap.VmmParts;
import vm3000.vmm.trap.interp.Cp0Instructions;
import vm3000.vmm.trap.interp.Cp0Interpreter;

/**
 * Exercise 1's grader: full marks for the VMM's own interpreters, and a specific, explained
 * failure for each of the typical mistakes planted in a copy of them.
 */
class Exercise1GraderTest {
    static final Cp0Interpreter REFERENCE = new Cp0Instructions();

    /** The reference with one method replaced: how each mistake is planted. */
    static class Planted implements Cp0Interpreter {
        @Override public boolean privileged(VirtualMachine vm) { return REFERENCE.privileged(vm); }
        @Override public int mfc0(VirtualMachine vm, int rd, int sel) { return REFERENCE.mfc0(vm, rd, sel); }
        @Override public boolean mtc0(VirtualMachine vm, int rd, int sel, int value) { return REFERENCE.mtc0(vm, rd, sel, value); }
    }

    static List<Grader.Result> grade(Cp0Interpreter c) {
        return Grader.grade(Exercises.EX1, VmmParts.REFERENCE.withCp0(c));
    }

    static Grader.Result result(List<Grader.Result> rs, String checkStart) {
        return rs.stream().filter(r -> r.check().startsWith(checkStart)).findFirst().orElseThrow();
    }

    @Test
    void theReference_getsFullMarks() {
        List<Grader.Result> rs = grade(REFERENCE);
        for (Grader.Result r : rs) assertNull(r.failure(), r.check());
        assertEquals(8, rs.size());
    }

    @Test
    void noGuard_failsTheGuardCheck_sayingWhatCpUIs() {
        List<Grader.Result> rs = grade(new Planted() {
            @Override public boolean privileged(VirtualMachine vm) { return true; }
        });
        Grader.Result guard = result(rs, "the guard: MFC0 and MTC0 in user mode without");
        assertFalse(guard.passed());
        assertTrue(guard.failure().contains("`user mode: CpU at 0x00002000`") && guard.failure().contains("Coprocessor Unusable"),
                guard.failure());
        assertTrue(result(rs, "MFC0 reads back").passed(), "kernel mode is not affected");
        // nested, exercise 3's part is left out: the upper VMM interprets its guest's user mode,
        // and its own missing guard lets the guest's MTC0 run
        Grader.Result nested = result(rs, "nesting");
        assertFalse(nested.passed());
        assertTrue(nested.failure().contains("`user mode: CpU at 0x00002000`"), nested.failure());
    }

    @Test
    void aGuardThatIgnoresCu0_failsTheCu0Check() {
        List<Grader.Result> rs = grade(new Planted() {
            @Override public boolean privileged(VirtualMachine vm) {
                if (!vm.cp0().userMode()) return true;
                vm.cpu().raiseException(ExcCode.CPU, 0, false);
                return false;
            }
        });
        Grader.Result cu0 = result(rs, "the guard: with Status.CU0 set");
        assertFalse(cu0.passed());
        assertTrue(cu0.failure().contains("user mode with CU0: MFC0 Status read 0x10000002"), cu0.failure());
        assertTrue(result(rs, "MFC0 reads back").passed(), "kernel mode is not affected");
    }

    @Test
    void aGuardThatReflectsTheWrongException_showsTheCauseItGave() {
        List<Grader.Result> rs = grade(new Planted() {
            @Override public boolean privileged(VirtualMachine vm) {
                Cp0 cp0 = vm.cp0();
                if (!cp0.userMode() || (cp0.status() & Cp0.SR_CU0) != 0) return true;
                vm.cpu().raiseException(ExcCode.RI, 0, false); // reserved instruction instead of CpU
                return false;
            }
        });
        Grader.Result guard = result(rs, "the guard: MFC0 and MTC0 in user mode without");
        assertFalse(guard.passed());
        assertTrue(guard.failure().contains("ExcCode CpU (11)"), guard.failure());
    }

    @Test
    void mtc0ThatOnlyWritesStatus_failsTheRegisterCheck_atTheFirstRegister() {
        List<Grader.Result> rs = grade(new Planted() {
            @Override public boolean mtc0(VirtualMachine vm, int rd, int sel, int value) {
                return rd != Cp0.STATUS || REFERENCE.mtc0(vm, rd, sel, value);
            }
        });
        Grader.Result regs = result(rs, "MFC0 reads back");
        assertFalse(regs.passed());
        assertTrue(regs.failure().contains("`Index    0x00003f00`") && regs.failure().contains("shadow CP0"), regs.failure());
    }

    @Test
    void mfc0OfCountFromTheWrongClock_failsTheCountCheck() {
        List<Grader.Result> rs = grade(new Planted() {
            @Override public int mfc0(VirtualMachine vm, int rd, int sel) {
                return rd == Cp0.COUNT ? (int) (vm.clock().now() * 2) : REFERENCE.mfc0(vm, rd, sel);
            }
        });
        Grader.Result count = result(rs, "Count, read twice");
        assertFalse(count.passed());
        assertTrue(count.failure().contains("Count, 3 instructions later"), count.failure());
    }

    @Test
    void theStarter_isNotWrittenYet_saysSo() {
        List<Grader.Result> rs = grade(new Planted() {
            @Override public boolean privileged(VirtualMachine vm) {
                throw new UnsupportedOperationException("exercise 1: the guard");
            }
        });
        for (Grader.Result r : rs) {
            assertFalse(r.passed(), r.check());
            assertTrue(r.failure().contains("not written yet (exercise 1: the guard)"), r.failure());
        }
    }
}
