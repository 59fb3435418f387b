package vm3000.cpu.core;

import static vm3000.cpu.isa.Fields.*;

import vm3000.cpu.isa.Op;

/**
 * The block core's op ids: a small dense number for each instruction that {@link BlockCore} runs
 * itself, chosen once when a block is decoded, so that its one switch is a table jump on a byte
 * (a switch over the {@link Op} enum costs two more dependent loads per instruction). Everything
 * else is {@link #SLOW}: the interpreter's {@link Cpu#exec}.
 *
 * <p>An instruction without side effects whose only effect is to write {@code $zero} becomes
 * {@link #NOP}, and a load into {@code $zero} goes the slow way; so the fast cases never write
 * {@code $zero} (except JALR, which clears it again) and need not clear it after every instruction.
 */
final class FastOp {
    private FastOp() {}

    static final byte SLOW = 0, NOP = 1,
            SLL = 2, SRL = 3, SRA = 4, SLLV = 5, SRLV = 6, SRAV = 7,
            ADDU = 8, SUBU = 9, AND = 10, OR = 11, XOR = 12, NOR = 13, SLT = 14, SLTU = 15,
            ADDIU = 16, SLTI = 17, SLTIU = 18, ANDI = 19, ORI = 20, XORI = 21, LUI = 22,
            MFHI = 23, MFLO = 24, MTHI = 25, MTLO = 26, MULT = 27, MULTU = 28, DIV = 29, DIVU = 30,
            BEQ = 31, BNE = 32, BLEZ = 33, BGTZ = 34, BLTZ = 35, BGEZ = 36, BLTZAL = 37, BGEZAL = 38,
            J = 39, JAL = 40, JR = 41, JALR = 42,
            LW = 43, LB = 44, LBU = 45, LH = 46, LHU = 47, SW = 48, SH = 49, SB = 50,
            LWL = 51, LWR = 52, SWL = 53, SWR = 54;

    /** Whether {@code op} is a conditional branch, BEQ to BGEZAL (their ids run in a row). */
    static boolean conditionalBranch(byte op) { return op >= BEQ && op <= BGEZAL; }

    /** The op id of {@code op}, encoded as {@code w}. */
    static byte of(Op op, int w) {
        switch (op) {
            case SLL: case SRL: case SRA: case SLLV: case SRLV: case SRAV:
            case ADDU: case SUBU: case AND: case OR: case XOR: case NOR: case SLT: case SLTU:
            case MFHI: case MFLO:
                return rd(w) == 0 ? NOP : rType(op);
            case ADDIU: case SLTI: case SLTIU: case ANDI: case ORI: case XORI: case LUI:
                return rt(w) == 0 ? NOP : iType(op);
            case LW: case LB: case LBU: case LH: case LHU: case LWL: case LWR:
                return rt(w) == 0 ? SLOW : load(op);
            case SWL: return SWL;
            case SWR: return SWR;
            case SYNC: return NOP;
            case MTHI: return MTHI;
            case MTLO: return MTLO;
            case MULT: return MULT;
            case MULTU: return MULTU;
            case DIV: return DIV;
            case DIVU: return DIVU;
            case BEQ: return BEQ;
            case BNE: return BNE;
            case BLEZ: return BLEZ;
            case BGTZ: return BGTZ;
            case BLTZ: return BLTZ;
            case BGEZ: return BGEZ;
            case BLTZAL: return BLTZAL;
            case BGEZAL: return BGEZAL;
            case J: return J;
            case JAL: return JAL;
            case JR: return JR;
            case JALR: return JALR;
            case SW: return SW;
            case SH: return SH;
            case SB: return SB;
            default: return SLOW;
        }
    }

    private static byte rType(Op op) {
        switch (op) {
            case SLL: return SLL;
            case SRL: return SRL;
            case SRA: return SRA;
            case SLLV: return SLLV;
            case SRLV: return SRLV;
            case SRAV: return SRAV;
            case ADDU: return ADDU;
            case SUBU: return SUBU;
            case AND: return AND;
            case OR: return OR;
            case XOR: return XOR;
            case NOR: return NOR;
            case SLT: return SLT;
            case SLTU: return SLTU;
            case MFHI: return MFHI;
            default: return MFLO;
        }
    }

    private static byte iType(Op op) {
        switch (op) {
            case ADDIU: return ADDIU;
            case SLTI: return SLTI;
            case SLTIU: return SLTIU;
            case ANDI: return ANDI;
            case ORI: return ORI;
            case XORI: return XORI;
            default: return LUI;
        }
    }

    private static byte load(Op op) {
        switch (op) {
            case LW: return LW;
            case LB: return LB;
            case LBU: return LBU;
            case LH: return LH;
            case LWL: return LWL;
            case LWR: return LWR;
            default: return LHU;
        }
    }
}
