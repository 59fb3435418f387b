package vm3000.cpu.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vm3000.cpu.core.TestCpu.CODE;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vm3000.cpu.bus.PowerState;
import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.cp0.ExcCode;
import vm3000.cpu.isa.Op;

/**
 * CP0 registers through MFC0/MTC0 (kernel mode): reset values, the writable bits of each
 * register (Index.P, Random, BadVAddr, Context.BadVPN, EPC and PRId read-only; Cause writable
 * only in its two software interrupt bits; Status.TS clearable, not settable), the MIPS-161
 * timer (Count advances per cycle, Count == Compare raises IP7, writing Compare clears it; the
 * System/161 rules in detail are TimerTest's), RFE, SYNC and WAIT (WaitTest), and the machine
 * check for Status.SwC/IsC.
 */
class Cop0Test {
    /** {@code mfc0 $3, reg} after {@code setup}: $3 = expected. */
    static Case read(String name, int reg, Consumer<TestCpu> setup, int expected) {
        return Case.of(name, Op.MFC0, new int[] {Enc.mfc0(3, reg)}, setup,
                t -> { Case.noTrap(t); assertEquals(expected, t.reg(3), "mfc0"); });
    }

    /** {@code mtc0 $2, reg; mfc0 $3, reg} with $2 = value: $3 = expected. */
    static Case write(String name, int reg, int value, Consumer<TestCpu> setup, int expected) {
        return Case.of(name, Op.MTC0, new int[] {Enc.mtc0(2, reg), Enc.mfc0(3, reg)},
                t -> { t.set(2, value); setup.accept(t); },
                t -> { Case.noTrap(t); assertEquals(expected, t.reg(3), "read back"); });
    }

    private static final Consumer<TestCpu> NONE = t -> {};

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(read("mfc0_prid_is0xa1", Cp0.PRID, NONE, 0xa1));
        c.add(read("mfc0_status_resetIsBevKernel", Cp0.STATUS, NONE, Cp0.SR_BEV));
        c.add(read("mfc0_cause_resetIsZero", Cp0.CAUSE, NONE, 0));
        c.add(read("mfc0_count_resetIsOne", Cp0.COUNT, NONE, 1));
        c.add(read("mfc0_compare_resetIsZero", Cp0.COMPARE, NONE, 0));
        c.add(read("mfc0_entryHi_resetIs0x81040000", Cp0.ENTRYHI, NONE, 0x8104_0000));
        c.add(read("mfc0_random_resetIs63", Cp0.RANDOM, NONE, 63 << 8));
        c.add(read("mfc0_index", Cp0.INDEX, t -> t.cp0().write(Cp0.INDEX, 0, 17 << 8), 17 << 8));
        c.add(read("mfc0_entryLo", Cp0.ENTRYLO, t -> t.cp0().write(Cp0.ENTRYLO, 0, 0x1234_5600), 0x1234_5600));
        c.add(read("mfc0_entryHi", Cp0.ENTRYHI, t -> t.cp0().write(Cp0.ENTRYHI, 0, 0x7654_3FC0), 0x7654_3FC0));
        c.add(read("mfc0_badVAddr_afterFaultRecord", Cp0.BADVADDR, t -> t.cp0().recordBadAddress(0x1234_5678, false), 0x1234_5678));
        c.add(read("mfc0_context_badVpnFromFault", Cp0.CONTEXT, t -> t.cp0().recordBadAddress(0x1234_5678, true), 0x0004_8D14));
        c.add(read("mfc0_unimplementedRegister_readsZero", 7, NONE, 0));
        c.add(Case.of("mfc0_prid_select1_readsZero", Op.MFC0, new int[] {Enc.cop0(Op.MFC0, 3, Cp0.PRID, 1)},
                t -> t.set(3, Case.POISON), t -> assertEquals(0, t.reg(3))));
        c.add(Case.of("mfc0_random_inRange8to63", Op.MFC0, new int[] {Enc.mfc0(3, Cp0.RANDOM)}, NONE, t -> {
            int slot = t.reg(3) >>> 8;
            assertEquals(0, t.reg(3) & ~0x3F00, "only the slot field");
            assertTrue(slot >= 8 && slot <= 63, "Random slot " + slot);
        }));
        c.add(Case.of("mfc0_count_advancesOnePerInstruction", Op.MFC0,
                new int[] {Enc.mfc0(3, Cp0.COUNT), Enc.NOP, Enc.NOP, Enc.mfc0(4, Cp0.COUNT)}, NONE,
                t -> assertEquals(3, t.reg(4) - t.reg(3), "Count delta over three cycles")));

        c.add(write("mtc0_index_pNotWritable", Cp0.INDEX, -1, NONE, 0x0000_3F00));
        c.add(write("mtc0_index_pKeptAfterProbeMiss", Cp0.INDEX, 5 << 8, t -> t.cp0().tlbp(), Cp0.INDEX_P | (5 << 8)));
        c.add(write("mtc0_entryLo_lowByteReadsZero", Cp0.ENTRYLO, -1, NONE, 0xFFFF_FF00));
        c.add(write("mtc0_entryHi_lowSixBitsReadZero", Cp0.ENTRYHI, -1, NONE, 0xFFFF_FFC0));
        c.add(write("mtc0_context_onlyPteBaseWritable", Cp0.CONTEXT, -1, NONE, 0xFFE0_0000));
        c.add(write("mtc0_context_badVpnKept", Cp0.CONTEXT, 0, t -> t.cp0().recordBadAddress(0x1234_5678, true), 0x0004_8D14));
        c.add(write("mtc0_badVAddr_notWritable", Cp0.BADVADDR, -1, t -> t.cp0().recordBadAddress(0x1234, false), 0x1234));
        c.add(write("mtc0_epc_notWritable", Cp0.EPC, -1, NONE, 0));
        c.add(write("mtc0_prid_notWritable", Cp0.PRID, -1, NONE, 0xa1));
        c.add(write("mtc0_cause_onlySoftwareBits", Cp0.CAUSE, -1, NONE, 0x0000_0300));
        c.add(write("mtc0_cause_clearsSoftwareBits", Cp0.CAUSE, 0, t -> t.cp0().write(Cp0.CAUSE, 0, 0x100), 0));
        c.add(write("mtc0_compare_readsBack", Cp0.COMPARE, 0xDEAD_BEEF, NONE, 0xDEAD_BEEF));
        c.add(write("mtc0_count_thenAdvancesByOne", Cp0.COUNT, 1000, NONE, 1001));
        c.add(write("mtc0_status_kuIeImCuBev", Cp0.STATUS, 0xF040_FF3C, NONE, 0xF040_FF3C));
        c.add(write("mtc0_status_tsNotSettable", Cp0.STATUS, Cp0.SR_BEV | Cp0.SR_TS, NONE, Cp0.SR_BEV));
        c.add(write("mtc0_status_tsClearable", Cp0.STATUS, Cp0.SR_BEV, t -> t.cp0().setTlbShutdown(), Cp0.SR_BEV));

        c.add(Case.of("rfe_popsKuIeStack", Op.RFE, new int[] {Enc.op(Op.RFE)},
                t -> t.cp0().setStatus(Cp0.SR_BEV | 0x2C),
                t -> { Case.noTrap(t); assertEquals(Cp0.SR_BEV | 0x2B, t.cp0().status()); }));
        c.add(Case.of("sync_isANop", Op.SYNC, new int[] {Enc.op(Op.SYNC)}, t -> t.set(3, 42),
                t -> { Case.noTrap(t); assertEquals(CODE + 4, t.pc()); t.assertRegistersUnchanged(); }));
        c.add(Case.of("wait_timerLinePending_retiresAtOnce", Op.WAIT, new int[] {Enc.op(Op.WAIT)},
                t -> { t.cp0().write(Cp0.COMPARE, 0, 1); t.cp0().write(Cp0.COUNT, 0, 0); t.machine.clock().advanceTo(1);
                       t.machine.clock().runDue(); },
                t -> {
                    Case.noTrap(t);
                    assertEquals(CODE + 4, t.pc(), "past the WAIT");
                    assertTrue(!t.cpu.waiting(), "not idle: a line was active");
                }));
        c.add(Case.of("lrmr_withoutRmrStack_isReserved", Op.LRMR, new int[] {Op.LRMR.match() | 8 << 16}, NONE,
                t -> {
                    assertEquals(ExcCode.RI, t.trap(), "RI: the encoding is reserved on a plain R3000");
                    assertEquals(CODE, t.epc());
                }));
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void vector(Case c) { c.run(); }

    @Test
    void mtc0_selectNonZero_isIgnored() {
        TestCpu t = new TestCpu().load(Enc.cop0(Op.MTC0, 2, Cp0.ENTRYHI, 1)).set(2, -1);
        t.run(1);
        assertEquals(Cp0.ENTRYHI_RESET, t.cp0().entryHi());
    }

    @Test
    void compareWrite_clearsTimerInterrupt() {
        TestCpu t = new TestCpu().load(Enc.NOP, Enc.NOP, Enc.NOP, Enc.NOP, Enc.NOP, Enc.NOP,
                Enc.mfc0(3, Cp0.CAUSE), Enc.mtc0(2, Cp0.COMPARE), Enc.mfc0(4, Cp0.CAUSE)).set(2, 500);
        t.cp0().write(Cp0.COMPARE, 0, 4);
        t.run(9);
        assertEquals(-1, t.trap(), "interrupts are disabled");
        assertEquals(Cp0.IP_TIMER, t.reg(3) & Cp0.IP_TIMER, "Count passed Compare: IP7 pending");
        assertEquals(0, t.reg(4) & Cp0.IP_TIMER, "writing Compare clears it");
    }

    @Test
    void countEqualsCompare_deliversInterruptWhenEnabled() {
        TestCpu t = new TestCpu().load(Enc.NOP, Enc.NOP, Enc.NOP, Enc.NOP, Enc.NOP, Enc.NOP, Enc.NOP, Enc.NOP);
        t.cp0().write(Cp0.COMPARE, 0, 3);
        t.cp0().setStatus(Cp0.SR_BEV | Cp0.IP_TIMER | Cp0.SR_IEC);
        t.run(8);
        assertEquals(ExcCode.INT, t.trap());
        // Count is 1 at reset: the first two instructions see 1 and 2, the third would see 3.
        assertEquals(CODE + 8, t.epc(), "taken before the third instruction");
        assertEquals(1, t.cp0().count(), "Count became 0 at the match, and the interrupt's cycle counted");
        assertEquals(0xbfc00180, t.pc(), "BEV general vector");
        assertEquals(0, t.cp0().status() & 3, "KUc/IEc pushed to zero");
        assertEquals(1, (t.cp0().status() >>> 2) & 1, "IEp = old IEc");
    }

    @Test
    void mtc0StatusSwC_stopsWithMachineCheck() {
        TestCpu t = new TestCpu().load(Enc.mtc0(2, Cp0.STATUS), Enc.NOP).set(2, Cp0.SR_SWC);
        t.run(2);
        assertEquals(PowerState.Reason.MACHINE_CHECK, t.machine.power().reason());
        assertEquals(CODE, t.pc(), "stopped at the MTC0");
        assertEquals(Cp0.SR_BEV, t.cp0().status(), "Status not written");
    }

    @Test
    void mtc0StatusIsC_stopsWithMachineCheck() {
        TestCpu t = new TestCpu().load(Enc.mtc0(2, Cp0.STATUS)).set(2, Cp0.SR_BEV | Cp0.SR_ISC);
        t.run(1);
        assertEquals(PowerState.Reason.MACHINE_CHECK, t.machine.power().reason());
        assertTrue(t.machine.power().message().contains("0x80001000"), t.machine.power().message());
    }

    @Test
    void nonAddressException_keepsBadVAddrAndContext() {
        TestCpu t = new TestCpu().load(Enc.op(Op.SYSCALL));
        t.cp0().recordBadAddress(0x0040_1234, true);
        int context = t.cp0().context();
        t.run(1);
        assertEquals(ExcCode.SYS, t.trap());
        assertEquals(0x0040_1234, t.badVAddr());
        assertEquals(context, t.cp0().context());
    }
}
