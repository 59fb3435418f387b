package vm3000.cpu.core;

import vm3000.cpu.isa.Op;

/**
 * A test-only instruction encoder: builds words from an {@link Op}'s match bits and its operand
 * fields, so tests can write programs without an assembler. Field values are masked to their
 * widths; nothing here checks that the operands suit the op's format.
 */
final class Enc {
    private Enc() {}

    static final int NOP = 0;

    private static int f(int value, int bits, int shift) { return (value & ((1 << bits) - 1)) << shift; }

    /** The op with every operand field zero (SYSCALL, SYNC, TLBWI, RFE, ...). */
    static int op(Op op) { return op.match(); }

    /** {@code op rd, rs, rt}. */
    static int r(Op op, int rd, int rs, int rt) { return op.match() | f(rs, 5, 21) | f(rt, 5, 16) | f(rd, 5, 11); }

    /** {@code op rt, rs, imm} (16-bit immediate, sign or zero extended by the op). */
    static int i(Op op, int rt, int rs, int imm) { return op.match() | f(rs, 5, 21) | f(rt, 5, 16) | f(imm, 16, 0); }

    /** {@code lui rt, imm}. */
    static int lui(int rt, int imm) { return i(Op.LUI, rt, 0, imm); }

    /** {@code op rt, off(base)}. */
    static int mem(Op op, int rt, int off, int base) { return i(op, rt, base, off); }

    /** {@code op rd, rt, sa} (SLL, SRL, SRA). */
    static int shift(Op op, int rd, int rt, int sa) { return op.match() | f(rt, 5, 16) | f(rd, 5, 11) | f(sa, 5, 6); }

    /** {@code op rd, rt, rs} (SLLV, SRLV, SRAV). */
    static int shiftv(Op op, int rd, int rt, int rs) { return r(op, rd, rs, rt); }

    /** {@code op rs, rt} (MULT, MULTU, DIV, DIVU). */
    static int rsrt(Op op, int rs, int rt) { return r(op, 0, rs, rt); }

    /** {@code op rd} (MFHI, MFLO). */
    static int rd(Op op, int rd) { return r(op, rd, 0, 0); }

    /** {@code op rs} (MTHI, MTLO, JR). */
    static int rs(Op op, int rs) { return r(op, 0, rs, 0); }

    /** {@code jalr rd, rs}. */
    static int jalr(int rd, int rs) { return r(Op.JALR, rd, rs, 0); }

    /** {@code op rs, rt, off} (BEQ, BNE) or {@code op rs, off} (BLEZ, BGTZ, REGIMM): off in words from the delay slot. */
    static int branch(Op op, int rs, int rt, int off) { return i(op, rt, rs, off); }

    static int branch(Op op, int rs, int off) { return op.match() | f(rs, 5, 21) | f(off, 16, 0); }

    /** {@code j}/{@code jal} with a raw 26-bit word index. */
    static int jump(Op op, int target26) { return op.match() | f(target26, 26, 0); }

    /** {@code j}/{@code jal} to {@code address} (only its bits 27..2 are encoded). */
    static int jumpTo(Op op, int address) { return jump(op, address >>> 2); }

    /** {@code mfc0 rt, rd, sel} / {@code mtc0 rt, rd, sel}. */
    static int cop0(Op op, int rt, int rd, int sel) { return op.match() | f(rt, 5, 16) | f(rd, 5, 11) | f(sel, 3, 0); }

    static int mfc0(int rt, int rd) { return cop0(Op.MFC0, rt, rd, 0); }

    static int mtc0(int rt, int rd) { return cop0(Op.MTC0, rt, rd, 0); }
}
