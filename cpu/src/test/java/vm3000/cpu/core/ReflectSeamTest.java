package vm3000.cpu.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.cp0.ExcCode;
import vm3000.cpu.isa.Op;

/** The two seams a monitor uses to reflect an exception into a virtual CPU. */
class ReflectSeamTest {
    @Test
    void raiseException_inDelaySlot_reportsBranchAndBd() {
        TestCpu t = new TestCpu();
        t.cp0().setStatus(Cp0.SR_KUC | Cp0.SR_IEC);
        t.cpu.setPc(0x00400104, 0x00400200, true);
        t.cpu.raiseException(ExcCode.SYS, 0, false);
        assertEquals(0x00400100, t.cp0().epc(), "EPC = the branch");
        assertEquals(Cp0.CAUSE_BD | (ExcCode.SYS << 2), t.cp0().cause() & ~Cp0.SR_IM_MASK, "Cause");
        assertEquals(Cp0.SR_KUC << 2 | Cp0.SR_IEC << 2, t.cp0().status() & 0x3F, "KU/IE pushed");
        assertEquals(0x80000080, t.cpu.pc(), "general vector");
        assertEquals(ExcCode.SYS, t.trap(), "the monitor saw it");
    }

    @Test
    void raiseException_utlb_goesToRefillVector() {
        TestCpu t = new TestCpu();
        t.cp0().setStatus(Cp0.SR_KUC);
        t.cpu.setPc(0x00400000);
        t.cp0().recordBadAddress(0x00401234, true);
        t.cpu.raiseException(ExcCode.TLBL, 0, true);
        assertEquals(0x80000000, t.cpu.pc(), "UTLB vector");
        assertEquals(0x00400000, t.cp0().epc(), "EPC");
        assertEquals(0x00401234, t.cp0().badVAddr(), "BadVAddr");
    }

    @Test
    void setPc_inDelaySlot_continuesAtNext() {
        TestCpu t = new TestCpu();
        t.load(Enc.op(Op.SYNC), Enc.op(Op.SYNC));
        t.cpu.setPc(TestCpu.CODE, TestCpu.CODE + 0x40, true);
        t.cpu.step();
        assertEquals(TestCpu.CODE + 0x40, t.cpu.pc(), "pc = the branch outcome after the slot");
    }
}
