package vm3000.cpu.isa;

/**
 * Operand shapes of the instruction table. Each names the operands in assembler order, as the
 * R3000 manual and GNU as write them. The decoder ignores fields a format does not use, as the
 * R3000 does; the assembler writes them as zero.
 */
public enum Format {
    /** {@code op rd, rs, rt} */
    RD_RS_RT,
    /** {@code op rd, rt, sa} (shift by constant) */
    RD_RT_SA,
    /** {@code op rd, rt, rs} (shift by register) */
    RD_RT_RS,
    /** {@code op rs, rt} (MULT, DIV) */
    RS_RT,
    /** {@code op rd} (MFHI, MFLO) */
    RD,
    /** {@code op rs} (MTHI, MTLO, JR) */
    RS,
    /** {@code op rt} (LRMR) */
    RT,
    /** {@code op rd, rs} (JALR; {@code jalr rs} means rd = $31) */
    RD_RS,
    /** {@code op code} with a 20-bit code in bits 25..6 (SYSCALL) */
    CODE20,
    /** {@code op code[, code2]}: code in bits 25..16, code2 in bits 15..6 (BREAK) */
    CODE10,
    /** no operands (SYNC, RFE, TLBR, ...) */
    NONE,
    /** {@code op rs, target}: 16-bit word offset from the delay slot */
    RS_OFF,
    /** {@code op rs, rt, target}: 16-bit word offset from the delay slot */
    RS_RT_OFF,
    /** {@code op target}: 26-bit word index within the delay slot's 256 MiB region */
    TARGET,
    /** {@code op rt, rs, imm}: sign-extended 16-bit immediate */
    RT_RS_SIMM,
    /** {@code op rt, rs, imm}: zero-extended 16-bit immediate */
    RT_RS_UIMM,
    /** {@code op rt, imm} (LUI) */
    RT_UIMM,
    /** {@code op rt, offset(base)}; base is the rs field */
    MEM,
    /** {@code op rt, rd[, sel]} (MFC0, MTC0; sel in bits 2..0 as MIPS-161 has it) */
    COP_MOVE,
    /** {@code op cofun}: a 25-bit coprocessor operation (COP1..COP3) */
    COPZ,
}
