package vm3000.cpu.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.isa.Op;

/**
 * The same program on two fresh machines gives the same registers, HI/LO, PC, CP0 state,
 * memory and counters: nothing in the core depends on the host.
 */
class DeterminismTest {
    /**
     * A loop that sums, multiplies, stores and loads, issues a syscall each iteration (handled at
     * 0x80000080 by returning past it) and finally reads Count, Random and Cause.
     */
    static TestCpu runProgram() { return runProgram(new TestCpu()); }

    static TestCpu runProgram(TestCpu t) {
        int d = TestCpu.DATA;
        t.load(
                Enc.i(Op.ADDIU, 8, 0, 40),            // t0 = 40 iterations
                Enc.lui(9, d >>> 16),                 // t1 = DATA
                Enc.i(Op.ORI, 9, 9, d & 0xFFFF),
                Enc.r(Op.ADDU, 10, 10, 8),            // loop: t2 += t0
                Enc.rsrt(Op.MULT, 10, 8),
                Enc.rd(Op.MFLO, 11),
                Enc.mem(Op.SW, 11, 0, 9),
                Enc.mem(Op.LBU, 12, 3, 9),
                Enc.r(Op.XOR, 13, 13, 12),
                Enc.op(Op.SYSCALL),
                Enc.i(Op.ADDIU, 9, 9, 4),
                Enc.i(Op.ADDIU, 8, 8, -1),
                Enc.branch(Op.BNE, 8, 0, -10),        // back to loop
                Enc.NOP,
                Enc.mfc0(14, Cp0.COUNT),
                Enc.mfc0(15, Cp0.RANDOM),
                Enc.mfc0(16, Cp0.CAUSE),
                Enc.op(Op.BREAK));
        t.place(0x80, Enc.mfc0(26, Cp0.EPC), Enc.i(Op.ADDIU, 26, 26, 4), Enc.rs(Op.JR, 26), Enc.op(Op.RFE));
        t.cp0().setStatus(0);
        t.stepAll(3 + 40 * 15 + 4); // to the BREAK: 15 cycles per iteration with the handler
        return t;
    }

    @Test
    void sameProgramTwice_identicalStateAndCounters() {
        TestCpu a = runProgram(), b = runProgram();
        int[] ra = new int[32], rb = new int[32];
        for (int n = 0; n < 32; n++) { ra[n] = a.reg(n); rb[n] = b.reg(n); }
        assertArrayEquals(ra, rb, "registers");
        assertEquals(a.hi(), b.hi());
        assertEquals(a.lo(), b.lo());
        assertEquals(a.pc(), b.pc());
        for (int reg : new int[] {Cp0.STATUS, Cp0.CAUSE, Cp0.EPC, Cp0.COUNT, Cp0.RANDOM, Cp0.BADVADDR}) {
            assertEquals(a.cp0().read(reg, 0), b.cp0().read(reg, 0), "CP0 register " + reg);
        }
        for (int k = 0; k < 64; k++) assertEquals(a.word(TestCpu.DATA_PA + 4 * k), b.word(TestCpu.DATA_PA + 4 * k));
        assertEquals(a.machine.counters().report(), b.machine.counters().report());
        assertEquals(a.cpu.executed(), b.cpu.executed());

        // The run did what it was meant to: 40 syscalls, then the BREAK at the end.
        assertEquals(40, a.machine.counters().exceptions(vm3000.cpu.cp0.ExcCode.SYS));
        assertEquals(0, a.reg(8), "loop counter");
        assertEquals(40 * 41 / 2, a.reg(10), "sum");
        assertEquals(1, a.machine.counters().exceptions(vm3000.cpu.cp0.ExcCode.BP), a.machine.counters().report());
        assertEquals(0x80000080, a.pc(), "at the handler for the BREAK");
    }
}
