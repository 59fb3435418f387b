package vm3000.cpu.isa;

import static vm3000.cpu.isa.Format.*;
import static vm3000.cpu.isa.Op.Flag.*;

import java.util.EnumSet;
import java.util.Set;

/**
 * The instruction table: every MIPS-I integer instruction, the MIPS-161 extras (LL, SC, SYNC,
 * WAIT) and the CP0 instructions, each as mnemonic, encoding mask/match, operand format and flags.
 * The decoder, the disassembler and the assembler are all built from this table
 * (R3000 manual, "Instruction Set Summary"; System/161 doc/mips.html for the extras).
 *
 * <p>Masks cover the opcode fields only (op, funct, the REGIMM rt field, the COP0 rs field and
 * CO/funct): the R3000 ignores unused fields, and so does vm3000. An encoding that matches no
 * entry is reserved (RI). COP1..COP3 and LWCz/SWCz are entries of their own so that they decode
 * and disassemble; executing them raises CpU because the machine has no coprocessor 1..3.
 */
public enum Op {
    // SPECIAL (op 0), keyed by funct.
    SLL("sll", 0xFC00003F, 0x00000000, RD_RT_SA),
    SRL("srl", 0xFC00003F, 0x00000002, RD_RT_SA),
    SRA("sra", 0xFC00003F, 0x00000003, RD_RT_SA),
    SLLV("sllv", 0xFC00003F, 0x00000004, RD_RT_RS),
    SRLV("srlv", 0xFC00003F, 0x00000006, RD_RT_RS),
    SRAV("srav", 0xFC00003F, 0x00000007, RD_RT_RS),
    JR("jr", 0xFC00003F, 0x00000008, RS, JUMP, DELAY_SLOT, ENDS_BLOCK),
    JALR("jalr", 0xFC00003F, 0x00000009, RD_RS, JUMP, LINK, DELAY_SLOT, ENDS_BLOCK),
    SYSCALL("syscall", 0xFC00003F, 0x0000000C, CODE20, TRAP, ENDS_BLOCK),
    BREAK("break", 0xFC00003F, 0x0000000D, CODE10, TRAP, ENDS_BLOCK),
    SYNC("sync", 0xFC00003F, 0x0000000F, NONE),
    MFHI("mfhi", 0xFC00003F, 0x00000010, RD),
    MTHI("mthi", 0xFC00003F, 0x00000011, RS),
    MFLO("mflo", 0xFC00003F, 0x00000012, RD),
    MTLO("mtlo", 0xFC00003F, 0x00000013, RS),
    MULT("mult", 0xFC00003F, 0x00000018, RS_RT),
    MULTU("multu", 0xFC00003F, 0x00000019, RS_RT),
    DIV("div", 0xFC00003F, 0x0000001A, RS_RT),
    DIVU("divu", 0xFC00003F, 0x0000001B, RS_RT),
    ADD("add", 0xFC00003F, 0x00000020, RD_RS_RT, OVERFLOW_TRAP),
    ADDU("addu", 0xFC00003F, 0x00000021, RD_RS_RT),
    SUB("sub", 0xFC00003F, 0x00000022, RD_RS_RT, OVERFLOW_TRAP),
    SUBU("subu", 0xFC00003F, 0x00000023, RD_RS_RT),
    AND("and", 0xFC00003F, 0x00000024, RD_RS_RT),
    OR("or", 0xFC00003F, 0x00000025, RD_RS_RT),
    XOR("xor", 0xFC00003F, 0x00000026, RD_RS_RT),
    NOR("nor", 0xFC00003F, 0x00000027, RD_RS_RT),
    SLT("slt", 0xFC00003F, 0x0000002A, RD_RS_RT),
    SLTU("sltu", 0xFC00003F, 0x0000002B, RD_RS_RT),

    // REGIMM (op 1), keyed by rt.
    BLTZ("bltz", 0xFC1F0000, 0x04000000, RS_OFF, BRANCH, DELAY_SLOT, ENDS_BLOCK),
    BGEZ("bgez", 0xFC1F0000, 0x04010000, RS_OFF, BRANCH, DELAY_SLOT, ENDS_BLOCK),
    BLTZAL("bltzal", 0xFC1F0000, 0x04100000, RS_OFF, BRANCH, LINK, DELAY_SLOT, ENDS_BLOCK),
    BGEZAL("bgezal", 0xFC1F0000, 0x04110000, RS_OFF, BRANCH, LINK, DELAY_SLOT, ENDS_BLOCK),

    // Primary opcodes.
    J("j", 0xFC000000, 0x08000000, TARGET, JUMP, DELAY_SLOT, ENDS_BLOCK),
    JAL("jal", 0xFC000000, 0x0C000000, TARGET, JUMP, LINK, DELAY_SLOT, ENDS_BLOCK),
    BEQ("beq", 0xFC000000, 0x10000000, RS_RT_OFF, BRANCH, DELAY_SLOT, ENDS_BLOCK),
    BNE("bne", 0xFC000000, 0x14000000, RS_RT_OFF, BRANCH, DELAY_SLOT, ENDS_BLOCK),
    BLEZ("blez", 0xFC000000, 0x18000000, RS_OFF, BRANCH, DELAY_SLOT, ENDS_BLOCK),
    BGTZ("bgtz", 0xFC000000, 0x1C000000, RS_OFF, BRANCH, DELAY_SLOT, ENDS_BLOCK),
    ADDI("addi", 0xFC000000, 0x20000000, RT_RS_SIMM, OVERFLOW_TRAP),
    ADDIU("addiu", 0xFC000000, 0x24000000, RT_RS_SIMM),
    SLTI("slti", 0xFC000000, 0x28000000, RT_RS_SIMM),
    SLTIU("sltiu", 0xFC000000, 0x2C000000, RT_RS_SIMM),
    ANDI("andi", 0xFC000000, 0x30000000, RT_RS_UIMM),
    ORI("ori", 0xFC000000, 0x34000000, RT_RS_UIMM),
    XORI("xori", 0xFC000000, 0x38000000, RT_RS_UIMM),
    LUI("lui", 0xFC000000, 0x3C000000, RT_UIMM),
    LB("lb", 0xFC000000, 0x80000000, MEM, LOAD),
    LH("lh", 0xFC000000, 0x84000000, MEM, LOAD),
    LWL("lwl", 0xFC000000, 0x88000000, MEM, LOAD),
    LW("lw", 0xFC000000, 0x8C000000, MEM, LOAD),
    LBU("lbu", 0xFC000000, 0x90000000, MEM, LOAD),
    LHU("lhu", 0xFC000000, 0x94000000, MEM, LOAD),
    LWR("lwr", 0xFC000000, 0x98000000, MEM, LOAD),
    SB("sb", 0xFC000000, 0xA0000000, MEM, STORE),
    SH("sh", 0xFC000000, 0xA4000000, MEM, STORE),
    SWL("swl", 0xFC000000, 0xA8000000, MEM, STORE),
    SW("sw", 0xFC000000, 0xAC000000, MEM, STORE),
    SWR("swr", 0xFC000000, 0xB8000000, MEM, STORE),
    LL("ll", 0xFC000000, 0xC0000000, MEM, LOAD),
    SC("sc", 0xFC000000, 0xE0000000, MEM, STORE),

    // COP0 (op 16): moves keyed by rs, CO operations (bit 25) keyed by funct.
    MFC0("mfc0", 0xFFE00000, 0x40000000, COP_MOVE, PRIVILEGED),
    MTC0("mtc0", 0xFFE00000, 0x40800000, COP_MOVE, PRIVILEGED, ENDS_BLOCK),
    TLBR("tlbr", 0xFE00003F, 0x42000001, NONE, PRIVILEGED),
    TLBWI("tlbwi", 0xFE00003F, 0x42000002, NONE, PRIVILEGED, ENDS_BLOCK),
    TLBWR("tlbwr", 0xFE00003F, 0x42000006, NONE, PRIVILEGED, ENDS_BLOCK),
    TLBP("tlbp", 0xFE00003F, 0x42000008, NONE, PRIVILEGED),
    RFE("rfe", 0xFE00003F, 0x42000010, NONE, PRIVILEGED, ENDS_BLOCK),
    WAIT("wait", 0xFE00003F, 0x42000020, NONE, PRIVILEGED, ENDS_BLOCK),
    /**
     * Load RMR (vm3000's RMR-stack extension, docs/rmr.md; RI on a machine without it): runs,
     * resumes or halts the levels above, as the block at the address in rt says. CO funct 0x38,
     * free on the R3000 and in MIPS32.
     */
    LRMR("lrmr", 0xFFE0FFFF, 0x42000038, RT, PRIVILEGED, ENDS_BLOCK),

    // Coprocessors 1..3: not present, so these raise CpU with CE = z.
    COP1("cop1", 0xFC000000, 0x44000000, COPZ, COPROCESSOR),
    COP2("cop2", 0xFC000000, 0x48000000, COPZ, COPROCESSOR),
    COP3("cop3", 0xFC000000, 0x4C000000, COPZ, COPROCESSOR),
    LWC1("lwc1", 0xFC000000, 0xC4000000, MEM, COPROCESSOR),
    LWC2("lwc2", 0xFC000000, 0xC8000000, MEM, COPROCESSOR),
    LWC3("lwc3", 0xFC000000, 0xCC000000, MEM, COPROCESSOR),
    SWC1("swc1", 0xFC000000, 0xE4000000, MEM, COPROCESSOR),
    SWC2("swc2", 0xFC000000, 0xE8000000, MEM, COPROCESSOR),
    SWC3("swc3", 0xFC000000, 0xEC000000, MEM, COPROCESSOR);

    /** Properties that the cores, the block former and the tools read from the table. */
    public enum Flag {
        /** conditional PC-relative branch */
        BRANCH,
        /** unconditional jump */
        JUMP,
        /** writes a return address ($31 or rd) */
        LINK,
        /** the next instruction is a delay slot */
        DELAY_SLOT,
        /** a basic block ends after this instruction (and its delay slot, if any) */
        ENDS_BLOCK,
        /** reads memory */
        LOAD,
        /** writes memory */
        STORE,
        /** ADD, ADDI, SUB: trap on signed overflow */
        OVERFLOW_TRAP,
        /** always raises an exception (SYSCALL, BREAK) */
        TRAP,
        /** a CP0 instruction: CpU in user mode unless Status.CU0 is set */
        PRIVILEGED,
        /** a coprocessor 1..3 instruction: always CpU on this machine */
        COPROCESSOR,
    }

    private final String mnemonic;
    private final int mask;
    private final int match;
    private final Format format;
    private final Set<Flag> flags;

    Op(String mnemonic, int mask, int match, Format format, Flag... flags) {
        this.mnemonic = mnemonic;
        this.mask = mask;
        this.match = match;
        this.format = format;
        this.flags = flags.length == 0 ? EnumSet.noneOf(Flag.class) : EnumSet.of(flags[0], flags);
    }

    public String mnemonic() { return mnemonic; }
    public int mask() { return mask; }
    public int match() { return match; }
    public Format format() { return format; }
    public boolean has(Flag flag) { return flags.contains(flag); }
    public boolean matches(int word) { return (word & mask) == match; }

    /** The coprocessor number of a COPz/LWCz/SWCz entry (bits 27..26 of the opcode). */
    public int coprocessor() { return (match >>> 26) & 3; }
}
