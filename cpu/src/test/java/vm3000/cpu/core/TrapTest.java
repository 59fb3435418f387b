package vm3000.cpu.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vm3000.cpu.core.TestCpu.CODE;
import static vm3000.cpu.core.TestCpu.CODE_PA;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.cp0.ExcCode;
import vm3000.cpu.cp0.Tlb;
import vm3000.cpu.isa.Decoder;
import vm3000.cpu.isa.Op;

/**
 * Instructions that always trap, reserved encodings, and coprocessor usability: SYSCALL (Sys),
 * BREAK (Bp), reserved encodings (RI), COP1..3 and LWCz/SWCz (CpU with CE = z, in any mode), and
 * CP0 instructions in user mode without Status.CU0 (CpU with CE = 0). Exception entry pushes the
 * KU/IE stack and goes to the BEV or normal general vector.
 */
class TrapTest {
    /** Where user-mode code runs: a kuseg page mapped onto the test program's physical page. */
    static final int USER_CODE = 0x0040_0000;

    static void userMode(TestCpu t, boolean cu0) {
        t.map(0, USER_CODE, 0, CODE_PA, Tlb.V | Tlb.G);
        t.cpu.setPc(USER_CODE);
        t.cp0().setStatus(Cp0.SR_BEV | Cp0.SR_KUC | (cu0 ? Cp0.SR_CU0 : 0));
    }

    /** {@code word} raises CpU with Cause.CE = ce, in kernel or user mode. */
    static Case cpu(String name, Op op, int word, int ce, boolean user) {
        Case c = Case.of(name, op, new int[] {word}, t -> { if (user) userMode(t, false); }, t -> {
            assertEquals(ExcCode.CPU, t.trap(), "ExcCode");
            assertEquals(ce, t.ce(), "Cause.CE");
            assertEquals(user ? USER_CODE : CODE, t.epc(), "EPC");
            assertEquals(user ? Cp0.SR_BEV | 0x08 : Cp0.SR_BEV, t.cp0().status(), "KU/IE pushed");
            t.assertRegistersUnchanged();
        });
        return c;
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(Case.traps("syscall_raisesSys", Op.SYSCALL, Enc.op(Op.SYSCALL), ExcCode.SYS, t -> {}));
        c.add(Case.traps("syscall_withCode_raisesSys", Op.SYSCALL, Enc.op(Op.SYSCALL) | (0xABCDE << 6), ExcCode.SYS, t -> {}));
        c.add(Case.traps("break_raisesBp", Op.BREAK, Enc.op(Op.BREAK), ExcCode.BP, t -> {}));
        c.add(Case.traps("break_withCode_raisesBp", Op.BREAK, Enc.op(Op.BREAK) | (7 << 16), ExcCode.BP, t -> {}));
        Op[] cops = {Op.COP1, Op.COP2, Op.COP3, Op.LWC1, Op.LWC2, Op.LWC3, Op.SWC1, Op.SWC2, Op.SWC3};
        for (Op op : cops) {
            int word = op.format() == vm3000.cpu.isa.Format.MEM ? Enc.mem(op, 2, 0, 1) : Enc.op(op) | 0x123;
            c.add(cpu(op.mnemonic() + "_kernel_cpuCe" + op.coprocessor(), op, word, op.coprocessor(), false));
            c.add(cpu(op.mnemonic() + "_user_cpuCe" + op.coprocessor(), op, word, op.coprocessor(), true));
        }
        Op[] cp0Ops = {Op.MFC0, Op.MTC0, Op.TLBR, Op.TLBWI, Op.TLBWR, Op.TLBP, Op.RFE, Op.WAIT};
        for (Op op : cp0Ops) {
            int word = op.format() == vm3000.cpu.isa.Format.COP_MOVE ? Enc.cop0(op, 3, Cp0.STATUS, 0) : Enc.op(op);
            c.add(cpu(op.mnemonic() + "_userWithoutCu0_cpuCe0", op, word, 0, true));
        }
        c.add(Case.of("mfc0_userWithCu0_works", Op.MFC0, new int[] {Enc.mfc0(3, Cp0.PRID)}, t -> userMode(t, true),
                t -> { Case.noTrap(t); assertEquals(0xa1, t.reg(3)); assertEquals(USER_CODE + 4, t.pc()); }));
        c.add(Case.of("mtc0_userWithCu0_works", Op.MTC0, new int[] {Enc.mtc0(2, Cp0.ENTRYHI)},
                t -> { userMode(t, true); t.set(2, 0x1234_5000); },
                t -> { Case.noTrap(t); assertEquals(0x1234_5000, t.cp0().entryHi()); }));
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void vector(Case c) { c.run(); }

    /** Opcode 0x3f, SPECIAL funct 0x01, REGIMM rt 0x05, COP0 CO funct 0x3f, COP0 rs 0x02 (no CFC0). */
    @ParameterizedTest(name = "reserved_0x{0}_raisesRi")
    @ValueSource(ints = {0xFC000000, 0x00000001, 0x04050000, 0x4200003F, 0x40400000, 0x0000003F})
    void reserved_raisesRi(int word) {
        assertEquals(null, Decoder.decode(word), "the encoding is reserved");
        TestCpu t = new TestCpu().load(word);
        t.snapshotRegisters();
        t.run(1);
        assertEquals(ExcCode.RI, t.trap());
        assertEquals(CODE, t.epc());
        assertEquals(0xbfc00180, t.pc());
        t.assertRegistersUnchanged();
    }

    @Test
    void exception_withBevClear_goesToKseg0Vector() {
        TestCpu t = new TestCpu().load(Enc.op(Op.SYSCALL));
        t.cp0().setStatus(Cp0.SR_IEC);
        t.run(1);
        assertEquals(0x80000080, t.pc());
        assertEquals(0x04, t.cp0().status() & 0x3F, "IEp = 1, KUc = IEc = 0");
    }

    @Test
    void syscall_handlerRfeReturn_resumesAfterSyscall() {
        // Handler at 0x80000080: mfc0 k0, EPC; addiu k0, k0, 4; jr k0; rfe.
        TestCpu t = new TestCpu().load(Enc.op(Op.SYSCALL), Enc.i(Op.ADDIU, 9, 0, 9));
        t.place(0x80, Enc.mfc0(26, Cp0.EPC), Enc.i(Op.ADDIU, 26, 26, 4), Enc.rs(Op.JR, 26), Enc.op(Op.RFE));
        t.cp0().setStatus(Cp0.SR_IEC);
        t.stepAll(6);
        assertEquals(9, t.reg(9), "returned past the syscall");
        assertEquals(Cp0.SR_IEC, t.cp0().status() & 0x3F, "RFE restored IEc");
        assertEquals(CODE + 8, t.pc());
    }
}
