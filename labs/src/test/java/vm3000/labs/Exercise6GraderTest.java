package vm3000.labs;
// lab 5 answers: it builds on Exercise5GraderTest, which states exercise 5's counts; the student tree leaves this file out
// lab 6 answers: the RMR VMM's counts; the student tree leaves this file out

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import vm3000.cpu.bus.PhysicalBus;
import vm3000.cpu.mmu.Access;
import vm3000.cpu.rmr.RmrTrap;
import vm3000.vmm.rmr.DeviceAccess;
import vm3000.vmm.rmr.DeviceInterpreter;
import vm3000.vmm.rmr.RmrVm;

/**
 * Exercise 6's grader: full marks for the RMR VMM's own interpreter of device accesses and the
 * reference model, and a specific, explained failure for each typical mistake planted in a copy.
 */
class Exercise6GraderTest {
    static final DeviceAccess REFERENCE = new DeviceInterpreter();

    /** The reference interpreter, with what a test overrides changed. */
    static class Planted implements DeviceAccess {
        @Override public boolean isDevice(RmrVm vm, RmrTrap t) { return REFERENCE.isDevice(vm, t); }
        @Override public long perform(RmrVm vm, RmrTrap t) { return REFERENCE.perform(vm, t); }
    }

    static List<Grader.Result> grade(DeviceAccess d) {
        return Grader.grade(Exercises.EX6, LabParts.TREE.withDevices(d));
    }

    static List<Grader.Result> grade(ExitModel m) {
        return Grader.grade(Exercises.EX6, LabParts.TREE.withExits(m));
    }

    static void failsWith(List<Grader.Result> rs, String check, String... words) {
        Grader.Result r = Exercise5GraderTest.result(rs, check);
        assertFalse(r.passed(), check);
        for (String w : words) assertTrue(r.failure().contains(w), r.failure());
    }

    static boolean passes(List<Grader.Result> rs, String check) { return Exercise5GraderTest.result(rs, check).passed(); }

    @Test
    void theReference_getsFullMarks() {
        List<Grader.Result> rs = grade(REFERENCE);
        for (Grader.Result r : rs) assertNull(r.failure(), r.check());
        assertEquals(10, rs.size());
    }

    @Test
    void loadsAlwaysAWord_failTheRegisterCheck_atTheByteLoad() {
        List<Grader.Result> rs = grade(new Planted() {
            @Override public long perform(RmrVm vm, RmrTrap t) {
                if (t.access() == Access.STORE) return super.perform(vm, t);
                return vm.devices().bus().load(t.paddr() & -4, 4);
            }
        });
        failsWith(rs, "device registers", "`its first byte (lbu)         0x00000001`", "aligned address");
        assertTrue(passes(rs, "the console"), "stores are right");
    }

    @Test
    void nothingThereReadAsZero_failsTheBusErrorCheck() {
        List<Grader.Result> rs = grade(new Planted() {
            @Override public long perform(RmrVm vm, RmrTrap t) {
                long v = super.perform(vm, t);
                return v == PhysicalBus.BUS_ERROR ? 0 : v;
            }
        });
        failsWith(rs, "bus errors", "the bare machine printed `  EPC   0x80001094`", "BUS_ERROR");
        assertTrue(passes(rs, "device registers"), "the registers that are there read right");
    }

    @Test
    void storesDropped_failTheConsoleCheck() {
        List<Grader.Result> rs = grade(new Planted() {
            @Override public long perform(RmrVm vm, RmrTrap t) {
                return t.access() == Access.STORE ? 0 : super.perform(vm, t);
            }
        });
        failsWith(rs, "the console", "A store writes size() bytes");
        assertTrue(passes(rs, "which memory traps"));
    }

    @Test
    void trapsOfTheLevelsAbove_takenForDeviceAccesses_failTheRulesCheck() {
        List<Grader.Result> rs = grade(new Planted() {
            @Override public boolean isDevice(RmrVm vm, RmrTrap t) {
                return !vm.isMonitorVm() && vm3000.cpu.bus.Lamebus.contains(t.paddr());
            }
        });
        failsWith(rs, "which memory traps", "isDevice says true for a trap of depth 2", "from the VM's own level (depth 1)");
        assertTrue(passes(rs, "the whole run of lab6 under 3 RMR VMMs"), "honest guests never make such a trap");
    }

    @Test
    void theTrapAndEmulateCountsForTheRmrStack_failTheRmrModelCheck() {
        List<Grader.Result> rs = grade(new Exercise5GraderTest.Planted() {
            @Override public long rmr(GuestOperation op, int depth, int level) {
                return REFERENCE_MODEL.trapAndEmulate(op, depth, level);
            }
        });
        failsWith(rs, "your model on the RMR stack: system calls", "one system call from user mode",
                "at depth 1, level 0 (the only VMM): your model says 4 entries, the RMR VMM counted 0", "own CP0");
        assertTrue(passes(rs, "the console"), "the interpreter is the reference");
    }

    @Test
    void aDeviceTrapPassingThroughEveryLevel_failsTheRmrDeviceCheck() {
        List<Grader.Result> rs = grade(new Exercise5GraderTest.Planted() {
            @Override public long rmr(GuestOperation op, int depth, int level) {
                return op == GuestOperation.DEVICE_LOAD ? 1 : 0;
            }
        });
        failsWith(rs, "your model on the RMR stack: a load", "at depth 2, level 0 (the VMM on the machine itself)",
                "says 1 entry, the RMR VMM counted 0", "first window");
        assertTrue(passes(rs, "your model on the RMR stack: system calls"));
    }

    static final ExitModel REFERENCE_MODEL = new ExitMultiplication();
}
