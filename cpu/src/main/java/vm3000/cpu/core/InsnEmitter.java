package vm3000.cpu.core;

import static org.objectweb.asm.Opcodes.*;
import static vm3000.cpu.core.FastOp.*;
import static vm3000.cpu.isa.Fields.*;

import java.util.ArrayList;
import java.util.List;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * The bytecode of the fast-path instructions, for the compilers of blocks ({@link BlockCompiler})
 * and of regions ({@link RegionCompiler}): each instruction does what its case in
 * {@link BlockCore}'s switch does, with the same checks on memory accesses (through BlockCore's
 * {@code jit*} helpers), on guest registers held in JVM locals. An instruction whose fast-path
 * check fails jumps to a <em>bail</em> label, where the compiler writes its exit: the index of
 * the instruction in its block (and which block), from where BlockCore runs it the slow way.
 *
 * <p>The generated method's locals: those of {@code run(int[] r, Cpu cpu, BlockCore core,
 * boolean user, int vpc, int n)}, then the branch outcome, the exit index, two temporaries (TMPL
 * is a long: two slots), slot 13 for the compiler, and guest register k in local REG0 + k.
 */
class InsnEmitter {
    static final String CPU = "vm3000/cpu/core/Cpu";
    static final String CORE = "vm3000/cpu/core/BlockCore";

    static final int R = 1, CPU_ = 2, CORE_ = 3, USER = 4, VPC = 5, TAKEN = 7, TARGET = 8, EXIT = 9, TMP = 10,
            TMPL = 11, REG0 = 14;
    /** The first local after the guest registers, free for a compiler. */
    static final int FREE = REG0 + 32;

    /** A bail: its label, the block (its index in the compilation) and the instruction in it. */
    record Bail(Label label, int block, int index) {}

    final MethodVisitor mv;
    final boolean[] used = new boolean[32];
    final boolean[] written = new boolean[32];
    final List<Bail> bails = new ArrayList<>();
    /** Where the block being emitted starts: bytes from {@code vpc}. */
    int base;
    /** The index of the block being emitted, for its bails. */
    int block;

    InsnEmitter(MethodVisitor mv) { this.mv = mv; }

    /**
     * Loads every guest register the scanned code uses into its local, and gives the scratch
     * locals (TAKEN, TARGET, EXIT, TMP, TMPL) a value of their type, so that every path to the
     * exit, which reads some of them, finds them set (a region may leave at its first block's
     * budget check, before its body sets them).
     */
    void loadRegisters() {
        for (int local : new int[] {TAKEN, TARGET, EXIT, TMP}) {
            push(0);
            mv.visitVarInsn(ISTORE, local);
        }
        mv.visitInsn(LCONST_0);
        mv.visitVarInsn(LSTORE, TMPL);
        for (int reg = 1; reg < 32; reg++) {
            if (!used[reg]) continue;
            mv.visitVarInsn(ALOAD, R);
            push(reg);
            mv.visitInsn(IALOAD);
            mv.visitVarInsn(ISTORE, REG0 + reg);
        }
    }

    /** Stores every guest register the scanned code writes back into the register array. */
    void storeRegisters() {
        for (int reg = 1; reg < 32; reg++) {
            if (!written[reg]) continue;
            mv.visitVarInsn(ALOAD, R);
            push(reg);
            mv.visitVarInsn(ILOAD, REG0 + reg);
            mv.visitInsn(IASTORE);
        }
    }

    /** Notes the registers instruction {@code w} reads and writes. */
    void scan(byte op, int w) {
        int rs = rs(w), rt = rt(w), rd = rd(w);
        switch (op) {
            case SLL: case SRL: case SRA: use(rt); def(rd); break;
            case SLLV: case SRLV: case SRAV: case ADDU: case SUBU: case AND: case OR: case XOR: case NOR:
            case SLT: case SLTU:
                use(rs); use(rt); def(rd); break;
            case ADDIU: case SLTI: case SLTIU: case ANDI: case ORI: case XORI: use(rs); def(rt); break;
            case LUI: def(rt); break;
            case MFHI: case MFLO: def(rd); break;
            case MTHI: case MTLO: use(rs); break;
            case MULT: case MULTU: case DIV: case DIVU: case BEQ: case BNE: use(rs); use(rt); break;
            case BLEZ: case BGTZ: case BLTZ: case BGEZ: case JR: use(rs); break;
            case BLTZAL: case BGEZAL: use(rs); def(31); break;
            case JAL: def(31); break;
            case JALR: use(rs); def(rd); break;
            case LW: case LB: case LBU: case LH: case LHU: use(rs); def(rt); break;
            case LWL: case LWR: use(rs); use(rt); def(rt); break;
            case SW: case SH: case SB: case SWL: case SWR: use(rs); use(rt); break;
            default: break;
        }
    }

    void use(int reg) { if (reg != 0) used[reg] = true; }

    void def(int reg) {
        if (reg == 0) return;
        used[reg] = true; // loaded on entry: an exit before the write writes back the old value
        written[reg] = true;
    }

    void push(int v) {
        if (v >= -1 && v <= 5) mv.visitInsn(ICONST_0 + v);
        else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) mv.visitIntInsn(BIPUSH, v);
        else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) mv.visitIntInsn(SIPUSH, v);
        else mv.visitLdcInsn(v);
    }

    void ld(int reg) {
        if (reg == 0) push(0);
        else mv.visitVarInsn(ILOAD, REG0 + reg);
    }

    /** Stores the top of the stack into guest register {@code reg} ($zero: drops it). */
    void st(int reg) {
        if (reg == 0) mv.visitInsn(POP);
        else mv.visitVarInsn(ISTORE, REG0 + reg);
    }

    /** Pushes the virtual address of instruction {@code i} of the current block plus {@code plus}. */
    void pc(int i, int plus) {
        mv.visitVarInsn(ILOAD, VPC);
        push(base + (i << 2) + plus);
        mv.visitInsn(IADD);
    }

    /** A new bail label for instruction {@code i} of the current block. */
    Label bail(int i) {
        Label l = new Label();
        bails.add(new Bail(l, block, i));
        return l;
    }

    void binary(int w, int opcode) {
        ld(rs(w));
        ld(rt(w));
        mv.visitInsn(opcode);
        st(rd(w));
    }

    void shift(int w, int opcode) {
        ld(rt(w));
        push(sa(w));
        mv.visitInsn(opcode);
        st(rd(w));
    }

    void shiftv(int w, int opcode) {
        ld(rt(w));
        ld(rs(w));
        mv.visitInsn(opcode);
        st(rd(w));
    }

    void immediate(int w, int imm, int opcode) {
        ld(rs(w));
        push(imm);
        mv.visitInsn(opcode);
        st(rt(w));
    }

    /** Consumes an int condition test ({@code jumpIfFalse} on the stack's operands) into 0 or 1. */
    void bool(int jumpIfFalse) {
        Label no = new Label(), done = new Label();
        mv.visitJumpInsn(jumpIfFalse, no);
        push(1);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(no);
        push(0);
        mv.visitLabel(done);
    }

    void branch(int i, int w, int jumpIfNotTaken) {
        bool(jumpIfNotTaken);
        mv.visitVarInsn(ISTORE, TAKEN);
        pc(i, 4 + (simm(w) << 2));
        mv.visitVarInsn(ISTORE, TARGET);
    }

    void jump(int i, int w) {
        push(1);
        mv.visitVarInsn(ISTORE, TAKEN);
        pc(i, 4);
        push(0xF0000000);
        mv.visitInsn(IAND);
        push(target(w) << 2);
        mv.visitInsn(IOR);
        mv.visitVarInsn(ISTORE, TARGET);
    }

    void link(int i, int reg) {
        pc(i, 8);
        st(reg);
    }

    void hilo(String field) {
        // the product is in TMPL
        mv.visitVarInsn(ALOAD, CPU_);
        mv.visitVarInsn(LLOAD, TMPL);
        if (field.equals("hi")) {
            push(32);
            mv.visitInsn(LUSHR);
        }
        mv.visitInsn(L2I);
        mv.visitFieldInsn(PUTFIELD, CPU, field, "I");
    }

    void unsigned(int reg) {
        ld(reg);
        mv.visitInsn(I2L);
        mv.visitLdcInsn(0xFFFFFFFFL);
        mv.visitInsn(LAND);
    }

    void load(int i, int w, String helper) { load(i, w, helper, false); }

    /**
     * A load through {@code helper}, which gives the value or -1 (bail); for LWL and LWR
     * ({@code merge}) the helper also takes the register's old value, which the loaded bytes
     * merge into.
     */
    void load(int i, int w, String helper, boolean merge) {
        mv.visitVarInsn(ALOAD, CORE_);
        ld(rs(w));
        push(simm(w));
        mv.visitInsn(IADD);
        if (merge) ld(rt(w));
        mv.visitVarInsn(ILOAD, USER);
        mv.visitMethodInsn(INVOKEVIRTUAL, CORE, helper, merge ? "(IIZ)J" : "(IZ)J", false);
        mv.visitVarInsn(LSTORE, TMPL);
        mv.visitVarInsn(LLOAD, TMPL);
        mv.visitInsn(LCONST_0);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFLT, bail(i));
        mv.visitVarInsn(LLOAD, TMPL);
        mv.visitInsn(L2I);
        st(rt(w));
    }

    void store(int i, int w, String helper) {
        mv.visitVarInsn(ALOAD, CORE_);
        ld(rs(w));
        push(simm(w));
        mv.visitInsn(IADD);
        ld(rt(w));
        mv.visitVarInsn(ILOAD, USER);
        mv.visitMethodInsn(INVOKEVIRTUAL, CORE, helper, "(IIZ)I", false);
        mv.visitVarInsn(ISTORE, TMP);
        mv.visitVarInsn(ILOAD, TMP);
        Label ok = new Label();
        mv.visitJumpInsn(IFEQ, ok);
        mv.visitVarInsn(ILOAD, TMP);
        push(1);
        mv.visitJumpInsn(IF_ICMPEQ, bail(i));     // not on the fast path: run it the slow way
        mv.visitJumpInsn(GOTO, bail(i + 1));      // it wrote over decoded code: stop after it
        mv.visitLabel(ok);
    }

    void insn(int i, byte op, int w) {
        switch (op) {
            case FastOp.NOP: break;
            case SLL: shift(w, ISHL); break;
            case SRL: shift(w, IUSHR); break;
            case SRA: shift(w, ISHR); break;
            case SLLV: shiftv(w, ISHL); break;
            case SRLV: shiftv(w, IUSHR); break;
            case SRAV: shiftv(w, ISHR); break;
            case ADDU: binary(w, IADD); break;
            case SUBU: binary(w, ISUB); break;
            case AND: binary(w, IAND); break;
            case OR: binary(w, IOR); break;
            case XOR: binary(w, IXOR); break;
            case NOR:
                ld(rs(w));
                ld(rt(w));
                mv.visitInsn(IOR);
                push(-1);
                mv.visitInsn(IXOR);
                st(rd(w));
                break;
            case SLT:
                ld(rs(w));
                ld(rt(w));
                bool(IF_ICMPGE);
                st(rd(w));
                break;
            case SLTU:
                ld(rs(w));
                ld(rt(w));
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "compareUnsigned", "(II)I", false);
                bool(IFGE);
                st(rd(w));
                break;
            case ADDIU: immediate(w, simm(w), IADD); break;
            case SLTI:
                ld(rs(w));
                push(simm(w));
                bool(IF_ICMPGE);
                st(rt(w));
                break;
            case SLTIU:
                ld(rs(w));
                push(simm(w));
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/Integer", "compareUnsigned", "(II)I", false);
                bool(IFGE);
                st(rt(w));
                break;
            case ANDI: immediate(w, uimm(w), IAND); break;
            case ORI: immediate(w, uimm(w), IOR); break;
            case XORI: immediate(w, uimm(w), IXOR); break;
            case LUI: push(uimm(w) << 16); st(rt(w)); break;
            case MFHI: case MFLO:
                mv.visitVarInsn(ALOAD, CPU_);
                mv.visitFieldInsn(GETFIELD, CPU, op == MFHI ? "hi" : "lo", "I");
                st(rd(w));
                break;
            case MTHI: case MTLO:
                mv.visitVarInsn(ALOAD, CPU_);
                ld(rs(w));
                mv.visitFieldInsn(PUTFIELD, CPU, op == MTHI ? "hi" : "lo", "I");
                break;
            case MULT:
                ld(rs(w));
                mv.visitInsn(I2L);
                ld(rt(w));
                mv.visitInsn(I2L);
                mv.visitInsn(LMUL);
                mv.visitVarInsn(LSTORE, TMPL);
                hilo("lo");
                hilo("hi");
                break;
            case MULTU:
                unsigned(rs(w));
                unsigned(rt(w));
                mv.visitInsn(LMUL);
                mv.visitVarInsn(LSTORE, TMPL);
                hilo("lo");
                hilo("hi");
                break;
            case DIV: case DIVU:
                mv.visitVarInsn(ALOAD, CPU_);
                ld(rs(w));
                ld(rt(w));
                mv.visitMethodInsn(INVOKEVIRTUAL, CPU, op == DIV ? "div" : "divu", "(II)V", false);
                break;

            case BEQ: ld(rs(w)); ld(rt(w)); branch(i, w, IF_ICMPNE); break;
            case BNE: ld(rs(w)); ld(rt(w)); branch(i, w, IF_ICMPEQ); break;
            case BLEZ: ld(rs(w)); branch(i, w, IFGT); break;
            case BGTZ: ld(rs(w)); branch(i, w, IFLE); break;
            case BLTZ: ld(rs(w)); branch(i, w, IFGE); break;
            case BGEZ: ld(rs(w)); branch(i, w, IFLT); break;
            case BLTZAL: ld(rs(w)); branch(i, w, IFGE); link(i, 31); break;
            case BGEZAL: ld(rs(w)); branch(i, w, IFLT); link(i, 31); break;
            case J: jump(i, w); break;
            case JAL: jump(i, w); link(i, 31); break;
            case JR: case JALR:
                push(1);
                mv.visitVarInsn(ISTORE, TAKEN);
                ld(rs(w));
                mv.visitVarInsn(ISTORE, TARGET);
                if (op == JALR && rd(w) != 0) link(i, rd(w)); // r[0] stays 0
                break;

            case LW: load(i, w, "jitLw"); break;
            case LB: load(i, w, "jitLb"); break;
            case LBU: load(i, w, "jitLbu"); break;
            case LH: load(i, w, "jitLh"); break;
            case LHU: load(i, w, "jitLhu"); break;
            case SW: store(i, w, "jitSw"); break;
            case SH: store(i, w, "jitSh"); break;
            case SB: store(i, w, "jitSb"); break;
            case LWL: load(i, w, "jitLwl", true); break;
            case LWR: load(i, w, "jitLwr", true); break;
            case SWL: store(i, w, "jitSwl"); break;
            case SWR: store(i, w, "jitSwr"); break;
            default: throw new IllegalArgumentException("no fast path for op id " + op);
        }
    }
}
