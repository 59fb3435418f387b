package vm3000.cpu.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vm3000.cpu.core.TestCpu.CODE;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vm3000.cpu.cp0.ExcCode;
import vm3000.cpu.cp0.Tlb;
import vm3000.cpu.isa.Op;

/**
 * Branches and jumps. Every branch and jump has a delay slot that executes whether or not the
 * branch is taken. Branch offsets count words from the delay slot; J/JAL keep the delay slot's
 * top four address bits; the link is pc + 8, and BLTZAL/BGEZAL link even when not taken. An
 * exception in a delay slot reports EPC = the branch and Cause.BD = 1, taken or not.
 */
class JumpTest {
    private static final int SLOT = 10, FALL = 11, TARGET = 12;

    private static int mark(int reg) { return Enc.i(Op.ADDIU, reg, 0, 1); }

    /**
     * {@code branch +2; slot: mark $10; fall: mark $11; target: mark $12}, three steps.
     * Taken ends at target + 4 with $12 set; not taken at fall + 4 with $11 set; the slot always runs.
     */
    static Case branch(String name, Op op, int a, int b, boolean taken) {
        int word = op.format() == vm3000.cpu.isa.Format.RS_RT_OFF ? Enc.branch(op, 1, 2, 2) : Enc.branch(op, 1, 2);
        boolean links = op.has(Op.Flag.LINK);
        return Case.of(name, op, new int[] {word, mark(SLOT), mark(FALL), mark(TARGET), mark(13)},
                t -> t.set(1, a).set(2, b).set(31, Case.POISON),
                t -> {
                    Case.noTrap(t);
                    assertEquals(1, t.reg(SLOT), "delay slot executed");
                    assertEquals(taken ? 0 : 1, t.reg(FALL), "fall-through executed");
                    assertEquals(taken ? 1 : 0, t.reg(TARGET), "target executed");
                    assertEquals(taken ? CODE + 16 : CODE + 12, t.pc(), "pc");
                    assertEquals(links ? CODE + 8 : Case.POISON, t.reg(31), "$31");
                }).steps(3);
    }

    /** A jump from CODE to CODE + 12 (slot at CODE + 4), checking the slot, the target and the link. */
    static Case jump(String name, Op op, int word, int linkReg, int link, java.util.function.Consumer<TestCpu> setup) {
        return Case.of(name, op, new int[] {word, mark(SLOT), mark(FALL), mark(TARGET), mark(13)},
                t -> { t.set(31, Case.POISON).set(5, Case.POISON); setup.accept(t); },
                t -> {
                    Case.noTrap(t);
                    assertEquals(1, t.reg(SLOT), "delay slot executed");
                    assertEquals(0, t.reg(FALL), "skipped instruction");
                    assertEquals(1, t.reg(TARGET), "target executed");
                    assertEquals(CODE + 16, t.pc(), "pc");
                    if (linkReg != 0) assertEquals(link, t.reg(linkReg), "link register");
                    if (linkReg != 31) assertEquals(Case.POISON, t.reg(31), "$31 untouched");
                }).steps(3);
    }

    static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        c.add(branch("beq_equal_taken", Op.BEQ, 5, 5, true));
        c.add(branch("beq_notEqual_notTaken", Op.BEQ, 5, 6, false));
        c.add(branch("bne_notEqual_taken", Op.BNE, -1, 1, true));
        c.add(branch("bne_equal_notTaken", Op.BNE, 7, 7, false));
        c.add(branch("blez_zero_taken", Op.BLEZ, 0, 0, true));
        c.add(branch("blez_negative_taken", Op.BLEZ, Integer.MIN_VALUE, 0, true));
        c.add(branch("blez_positive_notTaken", Op.BLEZ, 1, 0, false));
        c.add(branch("bgtz_positive_taken", Op.BGTZ, 1, 0, true));
        c.add(branch("bgtz_zero_notTaken", Op.BGTZ, 0, 0, false));
        c.add(branch("bgtz_negative_notTaken", Op.BGTZ, -1, 0, false));
        c.add(branch("bltz_negative_taken", Op.BLTZ, -1, 0, true));
        c.add(branch("bltz_zero_notTaken", Op.BLTZ, 0, 0, false));
        c.add(branch("bgez_zero_taken", Op.BGEZ, 0, 0, true));
        c.add(branch("bgez_negative_notTaken", Op.BGEZ, Integer.MIN_VALUE, 0, false));
        c.add(branch("bltzal_negative_takenAndLinks", Op.BLTZAL, -5, 0, true));
        c.add(branch("bltzal_positive_notTakenStillLinks", Op.BLTZAL, 5, 0, false));
        c.add(branch("bgezal_zero_takenAndLinks", Op.BGEZAL, 0, 0, true));
        c.add(branch("bgezal_negative_notTakenStillLinks", Op.BGEZAL, -5, 0, false));

        c.add(Case.of("beq_negativeOffset_branchesBack", Op.BEQ,
                new int[] {mark(TARGET), Enc.branch(Op.BEQ, 0, 0, -2), mark(SLOT)},
                t -> t.cpu.setPc(CODE + 4),
                t -> {
                    assertEquals(1, t.reg(SLOT), "delay slot");
                    assertEquals(1, t.reg(TARGET), "target behind the branch");
                    assertEquals(CODE + 4, t.pc(), "back at the branch");
                }).steps(3));

        c.add(jump("j_forward", Op.J, Enc.jumpTo(Op.J, CODE + 12), 0, 0, t -> {}));
        c.add(jump("jal_linksPcPlus8", Op.JAL, Enc.jumpTo(Op.JAL, CODE + 12), 31, CODE + 8, t -> {}));
        c.add(jump("jr_toRegister", Op.JR, Enc.rs(Op.JR, 4), 0, 0, t -> t.set(4, CODE + 12)));
        c.add(jump("jalr_defaultRd31", Op.JALR, Enc.jalr(31, 4), 31, CODE + 8, t -> t.set(4, CODE + 12)));
        c.add(jump("jalr_explicitRd_leaves31", Op.JALR, Enc.jalr(5, 4), 5, CODE + 8, t -> t.set(4, CODE + 12)));
        c.add(Case.of("jalr_rdEqualsRs_jumpsToOldValue", Op.JALR, new int[] {Enc.jalr(4, 4), mark(SLOT), mark(FALL), mark(TARGET)},
                t -> t.set(4, CODE + 12),
                t -> {
                    assertEquals(0, t.reg(FALL));
                    assertEquals(1, t.reg(TARGET));
                    assertEquals(CODE + 8, t.reg(4));
                }).steps(3));
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void vector(Case c) { c.run(); }

    /**
     * J at the last word of a 256 MiB region: its delay slot is in the next region, and the target
     * takes the slot's top four bits (0x1...), not the jump's (0x0...). Both pages are mapped kuseg.
     */
    @Test
    void j_atRegionEnd_usesDelaySlotTopBits() {
        TestCpu t = new TestCpu();
        int flags = Tlb.V | Tlb.D | Tlb.G;
        t.map(0, 0x0FFFF000, 0, 0x20000, flags).map(1, 0x10000000, 0, 0x21000, flags).map(2, 0x00000000, 0, 0x22000, flags);
        t.place(0x20FFC, Enc.jumpTo(Op.J, 0x00000400));      // 0x0ffffffc
        t.place(0x21000, mark(SLOT));                         // 0x10000000, the delay slot
        t.place(0x21400, mark(TARGET));                       // 0x10000400
        t.place(0x22400, mark(FALL));                         // 0x00000400: wrong region
        t.cpu.setPc(0x0FFFFFFC);
        t.run(3);
        assertEquals(-1, t.trap());
        assertEquals(1, t.reg(SLOT));
        assertEquals(1, t.reg(TARGET));
        assertEquals(0, t.reg(FALL));
        assertEquals(0x10000404, t.pc());
    }

    /** J's 26-bit index reaches the whole region: the top index bits land in address bits 27..2. */
    @Test
    void j_fullIndex_keepsTopFourBitsOfSlot() {
        TestCpu t = new TestCpu();
        t.load(Enc.jump(Op.J, 0x3FFFFFF), Enc.NOP);
        t.run(2);
        assertEquals(0x8FFFFFFC, t.pc());
    }

    // --- Exceptions in delay slots --------------------------------------------------------------

    private static void assertInDelaySlot(TestCpu t, int excCode, int branchPc) {
        assertEquals(excCode, t.trap(), "ExcCode");
        assertEquals(1, t.traps());
        assertTrue(t.bd(), "Cause.BD");
        assertEquals(branchPc, t.epc(), "EPC = the branch");
    }

    @Test
    void syscallInSlotOfNotTakenBranch_reportsBdAndBranchPc() {
        TestCpu t = new TestCpu().load(Enc.NOP, Enc.branch(Op.BNE, 0, 0, 5), Enc.op(Op.SYSCALL));
        t.run(3);
        assertInDelaySlot(t, ExcCode.SYS, CODE + 4);
    }

    @Test
    void syscallInSlotOfTakenBranch_reportsBdAndBranchPc() {
        TestCpu t = new TestCpu().load(Enc.branch(Op.BEQ, 0, 0, 5), Enc.op(Op.SYSCALL));
        t.run(2);
        assertInDelaySlot(t, ExcCode.SYS, CODE);
    }

    @Test
    void overflowInSlotOfJump_reportsBdAndJumpPc() {
        TestCpu t = new TestCpu().load(Enc.jumpTo(Op.J, CODE + 64), Enc.r(Op.ADD, 3, 1, 1)).set(1, Integer.MAX_VALUE);
        t.run(2);
        assertInDelaySlot(t, ExcCode.OV, CODE);
        assertEquals(0, t.reg(3), "destination unchanged");
    }

    @Test
    void loadFaultInSlotOfJr_reportsBdAndJumpPc() {
        TestCpu t = new TestCpu().load(Enc.rs(Op.JR, 4), Enc.mem(Op.LW, 3, 1, 5)).set(4, CODE + 64).set(5, TestCpu.DATA);
        t.run(2);
        assertInDelaySlot(t, ExcCode.ADEL, CODE);
        assertEquals(TestCpu.DATA + 1, t.badVAddr());
    }

    @Test
    void notTakenBranchLinkInSlot_bltzalLinksThenSlotTraps() {
        TestCpu t = new TestCpu().load(Enc.branch(Op.BLTZAL, 1, 4), Enc.op(Op.BREAK)).set(1, 1);
        t.run(2);
        assertInDelaySlot(t, ExcCode.BP, CODE);
        assertEquals(CODE + 8, t.reg(31));
    }

    @Test
    void instructionAfterSlot_isNotInDelaySlot() {
        TestCpu t = new TestCpu().load(Enc.branch(Op.BNE, 0, 0, 5), Enc.NOP, Enc.op(Op.SYSCALL));
        t.run(3);
        assertEquals(ExcCode.SYS, t.trap());
        assertEquals(false, t.bd());
        assertEquals(CODE + 8, t.epc());
    }

    /** A jump to a misaligned address faults at the fetch of the target, not at the jump. */
    @Test
    void jr_misalignedTarget_faultsAtFetchWithTargetAsEpc() {
        TestCpu t = new TestCpu().load(Enc.rs(Op.JR, 4), mark(SLOT)).set(4, CODE + 0x102);
        t.run(3);
        assertEquals(ExcCode.ADEL, t.trap());
        assertEquals(1, t.reg(SLOT), "the delay slot ran first");
        assertEquals(CODE + 0x102, t.epc());
        assertEquals(CODE + 0x102, t.badVAddr());
        assertEquals(false, t.bd());
    }
}
