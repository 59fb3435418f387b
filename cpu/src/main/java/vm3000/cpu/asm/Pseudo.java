package vm3000.cpu.asm;

import java.util.List;
import vm3000.cpu.isa.Op;

/**
 * The macro instructions of GNU as that vm3000 supports, expanded as GNU as expands them for
 * MIPS I, 32-bit, non-PIC code. Expansions that need a scratch register use {@code $at} and are
 * errors under {@code .set noat}.
 */
final class Pseudo {
    private Pseudo() {}

    private static final int AT = 1;
    private static final int LI_ADDIU = 0;
    private static final int LI_ORI = 1;
    private static final int LI_LUI = 2;
    private static final int LI_LUI_ORI = 3;
    private static final int LA_LUI_ADDIU = 4;

    /** Assembles {@code name} if it is a macro; returns false if it is not one. */
    static boolean assemble(Pass pass, String name, List<String> ops) throws BadInput {
        switch (name) {
            case "nop": count(name, ops, 0, 0); pass.instruction(null, 0); return true;
            case "li": count(name, ops, 2, 2); li(pass, pass.register(ops.get(0)), ops.get(1)); return true;
            case "la": count(name, ops, 2, 2); la(pass, pass.register(ops.get(0)), ops.get(1)); return true;
            case "move":
                // GNU as (binutils 2.40) assembles move as "or rd, rs, $zero" for 32-bit code.
                count(name, ops, 2, 2);
                pass.instruction(Op.OR, Encoder.r(Op.OR, pass.register(ops.get(1)), 0, pass.register(ops.get(0)), 0));
                return true;
            case "not":
                count(name, ops, 1, 2);
                pass.instruction(Op.NOR, Encoder.r(Op.NOR, pass.register(ops.get(ops.size() - 1)), 0, pass.register(ops.get(0)), 0));
                return true;
            case "neg":
            case "negu": {
                count(name, ops, 1, 2);
                Op op = name.equals("neg") ? Op.SUB : Op.SUBU;
                pass.instruction(op, Encoder.r(op, 0, pass.register(ops.get(ops.size() - 1)), pass.register(ops.get(0)), 0));
                return true;
            }
            case "abs": count(name, ops, 1, 2); abs(pass, pass.register(ops.get(0)), pass.register(ops.get(ops.size() - 1))); return true;
            case "mul": {
                // GNU as uses multu for MIPS I: the low word is the same either way, and HI is
                // left as multu sets it.
                count(name, ops, 3, 3);
                int rd = pass.register(ops.get(0));
                pass.instruction(Op.MULTU, Encoder.r(Op.MULTU, pass.register(ops.get(1)), pass.register(ops.get(2)), 0, 0));
                pass.instruction(Op.MFLO, Encoder.r(Op.MFLO, 0, 0, rd, 0));
                return true;
            }
            case "b": count(name, ops, 1, 1); Encoder.branch(pass, Op.BEQ, 0, 0, ops.get(0)); return true;
            case "bal": count(name, ops, 1, 1); Encoder.branch(pass, Op.BGEZAL, 0, 0, ops.get(0)); return true;
            case "beqz": count(name, ops, 2, 2); Encoder.branch(pass, Op.BEQ, pass.register(ops.get(0)), 0, ops.get(1)); return true;
            case "bnez": count(name, ops, 2, 2); Encoder.branch(pass, Op.BNE, pass.register(ops.get(0)), 0, ops.get(1)); return true;
            case "blt": case "bge": case "bgt": case "ble":
            case "bltu": case "bgeu": case "bgtu": case "bleu":
                count(name, ops, 3, 3);
                compareBranch(pass, name, ops);
                return true;
            case "j":
            case "jal":
                // GNU as reads "j $reg" as jr and "jal $reg" as jalr.
                if (ops.size() == 1 && Pass.isRegister(ops.get(0))) {
                    Op op = name.equals("j") ? Op.JR : Op.JALR;
                    pass.instruction(op, Encoder.r(op, pass.register(ops.get(0)), 0, name.equals("j") ? 0 : 31, 0));
                    return true;
                }
                return false;
            default:
                return false;
        }
    }

    static void li(Pass pass, int rd, String text) throws BadInput {
        Expression.Result r = pass.eval(text);
        long v = r.value();
        if (pass.finalPass && (v < Integer.MIN_VALUE || v > 0xFFFFFFFFL)) {
            throw new BadInput("value out of 32-bit range: " + text);
        }
        loadConstant(pass, rd, (int) v, pass.decide(r.known() ? liChoice((int) v) : LI_LUI_ORI));
    }

    private static int liChoice(int v) {
        if (v >= -0x8000 && v <= 0x7FFF) return LI_ADDIU;
        if (v >= 0 && v <= 0xFFFF) return LI_ORI;
        if ((v & 0xFFFF) == 0) return LI_LUI;
        return LI_LUI_ORI;
    }

    private static void loadConstant(Pass pass, int rd, int v, int choice) throws BadInput {
        switch (choice) {
            case LI_ADDIU: pass.instruction(Op.ADDIU, Op.ADDIU.match() | rd << 16 | (v & 0xFFFF)); return;
            case LI_ORI: pass.instruction(Op.ORI, Op.ORI.match() | rd << 16 | (v & 0xFFFF)); return;
            case LI_LUI: pass.instruction(Op.LUI, Op.LUI.match() | rd << 16 | (v >>> 16)); return;
            case LI_LUI_ORI:
                pass.instruction(Op.LUI, Op.LUI.match() | rd << 16 | (v >>> 16));
                pass.instruction(Op.ORI, Op.ORI.match() | rd << 21 | rd << 16 | (v & 0xFFFF));
                return;
            case LA_LUI_ADDIU:
                pass.instruction(Op.LUI, Op.LUI.match() | rd << 16 | hi(v));
                pass.instruction(Op.ADDIU, Op.ADDIU.match() | rd << 21 | rd << 16 | (v & 0xFFFF));
                return;
            default: throw new IllegalStateException("choice " + choice);
        }
    }

    /** %hi: the upper half, adjusted for the sign of the lower half that is added to it. */
    static int hi(int v) { return ((v + 0x8000) >>> 16) & 0xFFFF; }

    static void la(Pass pass, int rd, String text) throws BadInput {
        Address a = Address.parse(pass, text);
        if (a.base() < 0) {
            int v = (int) a.offset().value();
            loadConstant(pass, rd, v, pass.decide(a.offset().known() ? liChoice(v) : LA_LUI_ADDIU));
            return;
        }
        int v = (int) a.offset().value();
        if (pass.decide(a.fits() ? 0 : 1) == 0) {
            pass.instruction(Op.ADDIU, Op.ADDIU.match() | a.base() << 21 | rd << 16 | (v & 0xFFFF));
            return;
        }
        int tmp = rd == a.base() ? AT : rd;
        if (tmp == AT) pass.requireAt("la with a large offset from its own register");
        loadConstant(pass, tmp, v, LA_LUI_ADDIU);
        pass.instruction(Op.ADDU, Encoder.r(Op.ADDU, tmp, a.base(), rd, 0));
    }

    /** A load or store: {@code offset(base)}, or any address through {@code lui $at}. */
    static void memory(Pass pass, Op op, int rt, String text) throws BadInput {
        Address a = Address.parse(pass, text);
        int base = Math.max(a.base(), 0);
        int v = (int) a.offset().value();
        if (pass.decide(a.fits() ? 0 : 1) == 0) {
            int field = a.offset().part() || !pass.finalPass ? v & 0xFFFF : checkedOffset(a.offset().value());
            pass.instruction(op, op.match() | base << 21 | rt << 16 | field);
            return;
        }
        // As GNU as does, a load that replaces all of rt builds the address in rt itself, unless
        // rt is $zero or the base; stores, LWL and LWR (which keep part of rt) use $at.
        int tmp = replacesRt(op) && rt != 0 && rt != base ? rt : AT;
        if (tmp == AT) pass.requireAt("'" + op.mnemonic() + "' with address '" + text + "'");
        pass.instruction(Op.LUI, Op.LUI.match() | tmp << 16 | hi(v));
        if (base != 0) pass.instruction(Op.ADDU, Encoder.r(Op.ADDU, tmp, base, tmp, 0));
        pass.instruction(op, op.match() | tmp << 21 | rt << 16 | (v & 0xFFFF));
    }

    private static boolean replacesRt(Op op) {
        return op == Op.LB || op == Op.LBU || op == Op.LH || op == Op.LHU || op == Op.LW || op == Op.LL;
    }

    private static int checkedOffset(long v) throws BadInput {
        if (v < -0x8000 || v > 0x7FFF) throw new BadInput("offset out of range: " + v);
        return (int) v & 0xFFFF;
    }

    /** GNU as: bgez rs, 1f; move rd, rs (or; nop if rd == rs); sub rd, $zero, rs; 1: (never reordered). */
    private static void abs(Pass pass, int rd, int rs) throws BadInput {
        pass.word(Op.BGEZ.match() | rs << 21 | 2);
        pass.word(rd == rs ? 0 : Encoder.r(Op.OR, rs, 0, rd, 0));
        pass.word(Encoder.r(Op.SUB, 0, rs, rd, 0));
    }

    private static void compareBranch(Pass pass, String name, List<String> ops) throws BadInput {
        boolean unsigned = name.endsWith("u");
        String kind = name.substring(1, 3);
        int rs = pass.register(ops.get(0));
        String target = ops.get(2);
        if (Pass.isRegister(ops.get(1))) {
            int rt = pass.register(ops.get(1));
            if (!unsigned && (rt == 0 || rs == 0)) {
                zeroBranch(pass, kind, rs, rt, target);
                return;
            }
            pass.requireAt("'" + name + "'");
            boolean swap = kind.equals("gt") || kind.equals("le");
            Op slt = unsigned ? Op.SLTU : Op.SLT;
            pass.instruction(slt, Encoder.r(slt, swap ? rt : rs, swap ? rs : rt, AT, 0));
        } else {
            pass.requireAt("'" + name + "'");
            long imm = pass.eval(ops.get(1)).value();
            boolean plusOne = kind.equals("gt") || kind.equals("le");
            long v = plusOne ? imm + 1 : imm;
            if (pass.finalPass && (v < -0x8000 || v > 0x7FFF)) throw new BadInput("immediate out of range for '" + name + "': " + imm);
            Op slti = unsigned ? Op.SLTIU : Op.SLTI;
            pass.instruction(slti, slti.match() | rs << 21 | AT << 16 | ((int) v & 0xFFFF));
        }
        boolean taken = kind.equals("lt") || kind.equals("le") && !Pass.isRegister(ops.get(1))
                || kind.equals("gt") && Pass.isRegister(ops.get(1));
        Encoder.branch(pass, taken ? Op.BNE : Op.BEQ, AT, 0, target);
    }

    /** Signed comparisons with $zero use the compare-with-zero branches, as GNU as does. */
    private static void zeroBranch(Pass pass, String kind, int rs, int rt, String target) throws BadInput {
        Op op;
        int reg;
        if (rt == 0) {
            reg = rs;
            op = kind.equals("lt") ? Op.BLTZ : kind.equals("ge") ? Op.BGEZ : kind.equals("gt") ? Op.BGTZ : Op.BLEZ;
        } else {
            reg = rt;
            op = kind.equals("lt") ? Op.BGTZ : kind.equals("ge") ? Op.BLEZ : kind.equals("gt") ? Op.BLTZ : Op.BGEZ;
        }
        Encoder.branch(pass, op, reg, 0, target);
    }

    private static void count(String name, List<String> ops, int min, int max) throws BadInput {
        if (ops.size() < min || ops.size() > max) {
            String want = min == max ? String.valueOf(min) : min + " to " + max;
            throw new BadInput("'" + name + "' takes " + want + " operands, got " + ops.size());
        }
    }
}
