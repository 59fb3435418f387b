package vm3000.cpu.asm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vm3000.cpu.isa.Format;
import vm3000.cpu.isa.Op;

/**
 * Encodes the instructions of the table from their operands, in the syntax of each
 * {@link Format}, with the GNU as conveniences: {@code jalr rs} (rd = $31), optional
 * {@code sel} of {@code mfc0}/{@code mtc0}, optional codes of {@code syscall} and {@code break},
 * an empty offset in {@code lw $t0, ($a0)}, an immediate third operand of {@code addu} and its
 * kin (the I-type instruction), and a register shift amount of {@code sll} and its kin (the
 * V form). Immediates out of range are errors, not expanded.
 */
final class Encoder {
    private Encoder() {}

    private static final Map<String, Op> BY_MNEMONIC = new HashMap<>();
    /** R-type instructions whose immediate form GNU as substitutes for a constant operand. */
    private static final Map<Op, Op> IMMEDIATE_FORM = Map.of(
            Op.ADD, Op.ADDI, Op.ADDU, Op.ADDIU, Op.AND, Op.ANDI, Op.OR, Op.ORI,
            Op.XOR, Op.XORI, Op.SLT, Op.SLTI, Op.SLTU, Op.SLTIU);
    private static final Map<Op, Op> VARIABLE_SHIFT = Map.of(Op.SLL, Op.SLLV, Op.SRL, Op.SRLV, Op.SRA, Op.SRAV);

    static {
        for (Op op : Op.values()) BY_MNEMONIC.put(op.mnemonic(), op);
    }

    static Op lookup(String mnemonic) { return BY_MNEMONIC.get(mnemonic); }

    static String syntax(Format f) {
        switch (f) {
            case RD_RS_RT: return "rd, rs, rt";
            case RD_RT_SA: return "rd, rt, sa";
            case RD_RT_RS: return "rd, rt, rs";
            case RS_RT: return "rs, rt";
            case RD: return "rd";
            case RS: return "rs";
            case RT: return "rt";
            case RD_RS: return "[rd,] rs";
            case CODE20: return "[code]";
            case CODE10: return "[code[, code2]]";
            case NONE: return "no operands";
            case RS_OFF: return "rs, target";
            case RS_RT_OFF: return "rs, rt, target";
            case TARGET: return "target";
            case RT_RS_SIMM:
            case RT_RS_UIMM: return "rt, rs, immediate";
            case RT_UIMM: return "rt, immediate";
            case MEM: return "rt, offset(base)";
            case COP_MOVE: return "rt, rd[, sel]";
            case COPZ: return "cofun";
            default: return f.name();
        }
    }

    /** Assembles {@code op} with {@code ops} at the current location of {@code pass}. */
    static void assemble(Pass pass, Op op, List<String> ops) throws BadInput {
        Format f = op.format();
        int n = ops.size();
        switch (f) {
            case RD_RS_RT:
                count(op, ops, 3, 3);
                if (!Pass.isRegister(ops.get(2)) && IMMEDIATE_FORM.containsKey(op)) {
                    Op imm = IMMEDIATE_FORM.get(op);
                    pass.instruction(imm, iType(pass, imm, pass.register(ops.get(1)), pass.register(ops.get(0)), ops.get(2)));
                    return;
                }
                pass.instruction(op, r(op, pass.register(ops.get(1)), pass.register(ops.get(2)), pass.register(ops.get(0)), 0));
                return;
            case RD_RT_SA:
                count(op, ops, 3, 3);
                if (Pass.isRegister(ops.get(2))) {
                    Op v = VARIABLE_SHIFT.get(op);
                    pass.instruction(v, r(v, pass.register(ops.get(2)), pass.register(ops.get(1)), pass.register(ops.get(0)), 0));
                    return;
                }
                pass.instruction(op, r(op, 0, pass.register(ops.get(1)), pass.register(ops.get(0)),
                        (int) range(pass, ops.get(2), 0, 31, "shift amount")));
                return;
            case RD_RT_RS:
                count(op, ops, 3, 3);
                pass.instruction(op, r(op, pass.register(ops.get(2)), pass.register(ops.get(1)), pass.register(ops.get(0)), 0));
                return;
            case RS_RT:
                // GNU as (and objdump) spell the bare DIV and DIVU "div $zero, rs, rt"; with another
                // first register GNU as means its checked macro, which vm3000 does not have.
                if (n == 3 && (op == Op.DIV || op == Op.DIVU)) {
                    if (pass.register(ops.get(0)) != 0) {
                        throw new BadInput("'" + op.mnemonic() + "' with a destination is a GNU as macro vm3000 does not have; "
                                + "write '" + op.mnemonic() + " $zero, rs, rt' and mflo");
                    }
                    pass.instruction(op, r(op, pass.register(ops.get(1)), pass.register(ops.get(2)), 0, 0));
                    return;
                }
                count(op, ops, 2, 2);
                pass.instruction(op, r(op, pass.register(ops.get(0)), pass.register(ops.get(1)), 0, 0));
                return;
            case RD:
                count(op, ops, 1, 1);
                pass.instruction(op, r(op, 0, 0, pass.register(ops.get(0)), 0));
                return;
            case RS:
                count(op, ops, 1, 1);
                pass.instruction(op, r(op, pass.register(ops.get(0)), 0, 0, 0));
                return;
            case RT:
                count(op, ops, 1, 1);
                pass.instruction(op, r(op, 0, pass.register(ops.get(0)), 0, 0));
                return;
            case RD_RS:
                count(op, ops, 1, 2);
                if (n == 1) pass.instruction(op, r(op, pass.register(ops.get(0)), 0, 31, 0));
                else pass.instruction(op, r(op, pass.register(ops.get(1)), 0, pass.register(ops.get(0)), 0));
                return;
            case CODE20:
                count(op, ops, 0, 1);
                pass.instruction(op, op.match() | (n == 0 ? 0 : (int) range(pass, ops.get(0), 0, 0xFFFFF, "code") << 6));
                return;
            case CODE10: {
                count(op, ops, 0, 2);
                int code = n == 0 ? 0 : (int) range(pass, ops.get(0), 0, 0x3FF, "code");
                int code2 = n < 2 ? 0 : (int) range(pass, ops.get(1), 0, 0x3FF, "code");
                pass.instruction(op, op.match() | code << 16 | code2 << 6);
                return;
            }
            case NONE:
                count(op, ops, 0, 0);
                pass.instruction(op, op.match());
                return;
            case RS_OFF:
                count(op, ops, 2, 2);
                branch(pass, op, pass.register(ops.get(0)), 0, ops.get(1));
                return;
            case RS_RT_OFF:
                count(op, ops, 3, 3);
                branch(pass, op, pass.register(ops.get(0)), pass.register(ops.get(1)), ops.get(2));
                return;
            case TARGET:
                count(op, ops, 1, 1);
                pass.instruction(op, jump(pass, op, ops.get(0)));
                return;
            case RT_RS_SIMM:
            case RT_RS_UIMM:
                count(op, ops, 3, 3);
                pass.instruction(op, iType(pass, op, pass.register(ops.get(1)), pass.register(ops.get(0)), ops.get(2)));
                return;
            case RT_UIMM:
                count(op, ops, 2, 2);
                pass.instruction(op, op.match() | pass.register(ops.get(0)) << 16 | immediate(pass, ops.get(1), false));
                return;
            case MEM:
                count(op, ops, 2, 2);
                Pseudo.memory(pass, op, coprocessorAware(pass, op, ops.get(0)), ops.get(1));
                return;
            case COP_MOVE: {
                count(op, ops, 2, 3);
                int sel = n < 3 ? 0 : (int) range(pass, ops.get(2), 0, 7, "select");
                pass.instruction(op, op.match() | pass.register(ops.get(0)) << 16 | pass.register(ops.get(1)) << 11 | sel);
                return;
            }
            case COPZ:
                count(op, ops, 1, 1);
                pass.instruction(op, op.match() | (int) range(pass, ops.get(0), 0, 0x1FFFFFF, "coprocessor operation"));
                return;
            default:
                throw new IllegalStateException("format " + f);
        }
    }

    private static int coprocessorAware(Pass pass, Op op, String reg) throws BadInput {
        String t = reg.trim();
        if (op.has(Op.Flag.COPROCESSOR) && t.startsWith("$f")) t = "$" + t.substring(2);
        return pass.register(t);
    }

    static int r(Op op, int rs, int rt, int rd, int sa) {
        return op.match() | rs << 21 | rt << 16 | rd << 11 | sa << 6;
    }

    static int iType(Pass pass, Op op, int rs, int rt, String imm) throws BadInput {
        boolean signed = op.format() == Format.RT_RS_SIMM;
        return op.match() | rs << 21 | rt << 16 | immediate(pass, imm, signed);
    }

    /** A 16-bit immediate field: %hi/%lo parts are taken as they are, other values range-checked. */
    static int immediate(Pass pass, String text, boolean signed) throws BadInput {
        Expression.Result r = pass.eval(text);
        long v = r.value();
        if (r.part() || !pass.finalPass) return (int) v & 0xFFFF;
        long lo = signed ? -0x8000 : 0;
        long hi = signed ? 0x7FFF : 0xFFFF;
        if (v < lo || v > hi) {
            throw new BadInput("immediate out of range: " + v + " (must be " + lo + ".." + hi + ")");
        }
        return (int) v & 0xFFFF;
    }

    static long range(Pass pass, String text, long lo, long hi, String what) throws BadInput {
        long v = pass.eval(text).value();
        if (pass.finalPass && (v < lo || v > hi)) {
            throw new BadInput(what + " out of range: " + v + " (must be " + lo + ".." + hi + ")");
        }
        return v;
    }

    static void branch(Pass pass, Op op, int rs, int rt, String target) throws BadInput {
        pass.instruction(op, branchWord(pass, op, rs, rt, target));
    }

    static int branchWord(Pass pass, Op op, int rs, int rt, String target) throws BadInput {
        long to = pass.eval(target).value() & 0xFFFFFFFFL;
        int offset = 0;
        if (pass.finalPass) {
            long delta = to - ((pass.pc() + 4L) & 0xFFFFFFFFL);
            if ((delta & 3) != 0) throw new BadInput("branch target 0x" + Long.toHexString(to) + " is not word aligned");
            if (delta < -0x20000 || delta > 0x1FFFC) {
                throw new BadInput("branch out of range: target 0x" + Long.toHexString(to) + " is " + delta + " bytes away");
            }
            offset = (int) (delta >> 2) & 0xFFFF;
        }
        return op.match() | rs << 21 | rt << 16 | offset;
    }

    static int jump(Pass pass, Op op, String target) throws BadInput {
        long to = pass.eval(target).value() & 0xFFFFFFFFL;
        if (!pass.finalPass) return op.match();
        if ((to & 3) != 0) throw new BadInput("jump target 0x" + Long.toHexString(to) + " is not word aligned");
        long region = (pass.pc() + 4L) & 0xF0000000L;
        if ((to & 0xF0000000L) != region) {
            throw new BadInput("jump target 0x" + Long.toHexString(to) + " is outside the 256 MiB region of the jump");
        }
        return op.match() | (int) ((to >>> 2) & 0x03FFFFFF);
    }

    private static void count(Op op, List<String> ops, int min, int max) throws BadInput {
        if (ops.size() < min || ops.size() > max) {
            throw new BadInput("'" + op.mnemonic() + "' takes " + syntax(op.format()) + ", got " + ops.size() + " operand"
                    + (ops.size() == 1 ? "" : "s"));
        }
    }
}
