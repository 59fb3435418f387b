package vm3000.cpu.core;

import static org.objectweb.asm.Opcodes.*;
import static vm3000.cpu.core.FastOp.*;
import static vm3000.cpu.isa.Fields.*;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;

/**
 * The bytecode of the fast-path instructions, for the compilers of blocks ({@link BlockCompiler})
 * and of regions ({@link RegionCompiler}): each instruction does what its case in
 * {@link BlockCore}'s switch does, with the same checks on memory accesses (a {@link JitTlb}
 * entry that matches, else BlockCore's {@code jit*} helpers), on guest registers held in JVM
 * locals. An instruction whose fast-path check fails jumps to a <em>bail</em> label, where the compiler writes its exit: the index of
 * the instruction in its block (and which block), from where BlockCore runs it the slow way.
 *
 * <p>Loads and stores of words, halfwords and bytes go straight to the RAM's word array when the
 * {@link JitTlb} entry of their page matches; otherwise, out of line, through the helper, which
 * fills the entry. LWL, LWR, SWL and SWR always call their helpers.
 *
 * <p>The generated method's locals: those of {@code run(int[] r, Cpu cpu, BlockCore core,
 * boolean user, int vpc, int n)}, then the branch outcome, the exit index, two temporaries (TMPL
 * is a long: two slots), slot 13 for the compiler, guest register k in local REG0 + k, then the
 * RAM's words, the mode's JitTlb table, the byte-lane xor, a third temporary, HI and LO (read
 * from the CPU on entry and written back on exit, like the registers, if the code uses them), and
 * the table's index mask.
 */
class InsnEmitter {
    static final String CPU = "vm3000/cpu/core/Cpu";
    static final String CORE = "vm3000/cpu/core/BlockCore";

    static final int R = 1, CPU_ = 2, CORE_ = 3, USER = 4, VPC = 5, TAKEN = 7, TARGET = 8, EXIT = 9, TMP = 10,
            TMPL = 11, REG0 = 14, WORDS = REG0 + 32, TABLE = REG0 + 33, LANE = REG0 + 34, TMP2 = REG0 + 35,
            HI = REG0 + 36, LO = REG0 + 37, INDEX = REG0 + 38;
    /** The first local after InsnEmitter's, free for a compiler. */
    static final int FREE = REG0 + 39;

    /**
     * The operand stack a compiled method declares: more than any instruction's bytecode uses (a
     * MULTU's two unsigned longs and a sub-word store's array, index and operands are the
     * deepest), so that the class writer need not compute it.
     */
    static final int MAX_STACK = 16;

    /** The most bytecode a compiled method may have: HotSpot's HugeMethodLimit (8000), less a margin. */
    static final int MAX_CODE = 7600;

    /**
     * What {@code generate} makes of the first {@code n} instructions or blocks, else of the first
     * half of them, of the first quarter, ... down to one, the first whose method is within
     * {@link #MAX_CODE} bytes ({@code codeSize}); one over 64 KiB (ASM's MethodTooLargeException)
     * is not. Null if none is.
     */
    static <G> G largestWithin(int n, IntFunction<G> generate, ToIntFunction<G> codeSize) {
        for (int m = n; m > 0; m /= 2) {
            try {
                G g = generate.apply(m);
                if (codeSize.applyAsInt(g) <= MAX_CODE) return g;
            } catch (MethodTooLargeException e) {
                // over 64 KiB: fewer
            }
        }
        return null;
    }

    /** A bail: its label, the block (its index in the compilation) and the instruction in it. */
    record Bail(Label label, int block, int index) {}

    final MethodVisitor mv;
    final boolean[] used = new boolean[32];
    final boolean[] written = new boolean[32];
    final List<Bail> bails = new ArrayList<>();
    /** The helper calls of memory accesses whose JitTlb entry missed, emitted after the code ({@link #emitSlowPaths}). */
    final List<Runnable> slowPaths = new ArrayList<>();
    /** Whether the scanned code has loads, and stores, through the JitTlb; whether it uses HI and LO. */
    boolean loads, stores, hilo;
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
        if (loads || stores) {
            mv.visitVarInsn(ALOAD, CORE_);
            mv.visitFieldInsn(GETFIELD, CORE, "jitWords", "[I");
            mv.visitVarInsn(ASTORE, WORDS);
            mv.visitVarInsn(ALOAD, CORE_);
            mv.visitFieldInsn(GETFIELD, CORE, "jitLane", "I");
            mv.visitVarInsn(ISTORE, LANE);
        }
        if (loads || stores) {
            mv.visitVarInsn(ALOAD, CORE_);
            mv.visitVarInsn(ILOAD, USER);
            mv.visitMethodInsn(INVOKEVIRTUAL, CORE, "jitTable", "(Z)[J", false);
            mv.visitVarInsn(ASTORE, TABLE);
            mv.visitVarInsn(ALOAD, TABLE);
            mv.visitInsn(ARRAYLENGTH);
            push(1);
            mv.visitInsn(ISUB);
            mv.visitVarInsn(ISTORE, INDEX);
        }
        if (hilo) loadHiLo();
        for (int reg = 1; reg < 32; reg++) {
            if (!used[reg]) continue;
            mv.visitVarInsn(ALOAD, R);
            push(reg);
            mv.visitInsn(IALOAD);
            mv.visitVarInsn(ISTORE, REG0 + reg);
        }
    }

    /** Reads HI and LO from the CPU into their locals. */
    private void loadHiLo() {
        for (String field : new String[] {"hi", "lo"}) {
            mv.visitVarInsn(ALOAD, CPU_);
            mv.visitFieldInsn(GETFIELD, CPU, field, "I");
            mv.visitVarInsn(ISTORE, field.equals("hi") ? HI : LO);
        }
    }

    /** Stores every guest register the scanned code writes back into the register array, and HI and LO into the CPU. */
    void storeRegisters() {
        if (hilo) {
            for (String field : new String[] {"hi", "lo"}) {
                mv.visitVarInsn(ALOAD, CPU_);
                mv.visitVarInsn(ILOAD, field.equals("hi") ? HI : LO);
                mv.visitFieldInsn(PUTFIELD, CPU, field, "I");
            }
        }
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
            case MFHI: case MFLO: def(rd); hilo = true; break;
            case MTHI: case MTLO: use(rs); hilo = true; break;
            case MULT: case MULTU: case DIV: case DIVU: use(rs); use(rt); hilo = true; break;
            case BEQ: case BNE: use(rs); use(rt); break;
            case BLEZ: case BGTZ: case BLTZ: case BGEZ: case JR: use(rs); break;
            case BLTZAL: case BGEZAL: use(rs); def(31); break;
            case JAL: def(31); break;
            case JALR: use(rs); def(rd); break;
            case LW: case LB: case LBU: case LH: case LHU: use(rs); def(rt); loads = true; break;
            case LWL: case LWR: use(rs); use(rt); def(rt); break;
            case SW: case SH: case SB: use(rs); use(rt); stores = true; break;
            case SWL: case SWR: use(rs); use(rt); break;
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
    Label bail(int i) { return bail(block, i); }

    /** A new bail label for instruction {@code i} of block {@code block}. */
    Label bail(int block, int i) {
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

    /**
     * Pushes the operands of conditional branch {@code op} ({@code w}): rs, and rt for BEQ and
     * BNE; returns the jump that goes where the branch is not taken.
     */
    int condition(byte op, int w) {
        ld(rs(w));
        switch (op) {
            case BEQ: ld(rt(w)); return IF_ICMPNE;
            case BNE: ld(rt(w)); return IF_ICMPEQ;
            case BLEZ: return IFGT;
            case BGTZ: return IFLE;
            case BLTZ: case BLTZAL: return IFGE;
            case BGEZ: case BGEZAL: return IFLT;
            default: throw new IllegalArgumentException("not a conditional branch: op id " + op);
        }
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

    /** The product on the stack into HI and LO. */
    void product() {
        mv.visitVarInsn(LSTORE, TMPL);
        mv.visitVarInsn(LLOAD, TMPL);
        mv.visitInsn(L2I);
        mv.visitVarInsn(ISTORE, LO);
        mv.visitVarInsn(LLOAD, TMPL);
        push(32);
        mv.visitInsn(LUSHR);
        mv.visitInsn(L2I);
        mv.visitVarInsn(ISTORE, HI);
    }

    void unsigned(int reg) {
        ld(reg);
        mv.visitInsn(I2L);
        mv.visitLdcInsn(0xFFFFFFFFL);
        mv.visitInsn(LAND);
    }

    /**
     * LWL or LWR through {@code helper}, which takes the register's old value, merges the loaded
     * bytes into it and gives the result, or -1 (bail).
     */
    void merge(int i, int w, String helper) {
        callMerging(w, helper, "(IIZ)J");
        loaded(block, i, w);
    }

    /** Calls LWL's, LWR's, SWL's or SWR's {@code helper} with the address, rt's value and the mode. */
    private void callMerging(int w, String helper, String descriptor) {
        mv.visitVarInsn(ALOAD, CORE_);
        address(w);
        ld(rt(w));
        mv.visitVarInsn(ILOAD, USER);
        mv.visitMethodInsn(INVOKEVIRTUAL, CORE, helper, descriptor, false);
    }

    /** A load helper's result on the stack: bail if negative, else its low half into rt. */
    private void loaded(int block, int i, int w) {
        mv.visitVarInsn(LSTORE, TMPL);
        mv.visitVarInsn(LLOAD, TMPL);
        mv.visitInsn(LCONST_0);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFLT, bail(block, i));
        mv.visitVarInsn(LLOAD, TMPL);
        mv.visitInsn(L2I);
        st(rt(w));
    }

    /** Pushes the address a load or store {@code w} accesses: rs plus the offset. */
    private void address(int w) {
        ld(rs(w));
        push(simm(w));
        mv.visitInsn(IADD);
    }

    /**
     * Computes the address of {@code w} into TMP and looks up its page in the mode's JitTlb table,
     * entry in TMPL: if the entry's tag is the address masked with the page and the alignment
     * ({@code align}, the low bits that must be zero), with the mark of load-only pages cleared
     * for a load and kept for a {@code store}, pushes the RAM's word array and the index of the
     * addressed word in it; else jumps to {@code miss}. Written out rather than called (a static
     * helper was slower while the code warms up: docs/performance.md, "JitTlb"). The table index is
     * masked with the table's length less one (local INDEX, computed on entry), from which
     * HotSpot's C2 knows it is in range.
     */
    private void lookup(int w, boolean store, int align, Label miss) {
        address(w);
        mv.visitVarInsn(ISTORE, TMP);
        mv.visitVarInsn(ALOAD, TABLE);
        mv.visitVarInsn(ILOAD, TMP);
        push(12);
        mv.visitInsn(IUSHR);
        mv.visitVarInsn(ILOAD, INDEX);
        mv.visitInsn(IAND);
        mv.visitInsn(LALOAD);
        mv.visitInsn(DUP2);
        mv.visitVarInsn(LSTORE, TMPL);
        mv.visitInsn(L2I);
        if (!store) {
            push(~JitTlb.LOAD_ONLY);
            mv.visitInsn(IAND);
        }
        mv.visitVarInsn(ILOAD, TMP);
        push(~0xFFF | align);
        mv.visitInsn(IAND);
        mv.visitJumpInsn(IF_ICMPNE, miss);
        mv.visitVarInsn(ALOAD, WORDS);
        mv.visitVarInsn(LLOAD, TMPL);
        push(32);
        mv.visitInsn(LUSHR);
        mv.visitInsn(L2I);
        mv.visitVarInsn(ILOAD, TMP);
        push(2);
        mv.visitInsn(IUSHR);
        mv.visitInsn(IADD);
        // The index of a matching entry is never negative, so this changes nothing; but from it
        // C2 knows so, and addresses the array with the index as it is, where it otherwise
        // widened both terms of the sum to longs and added them again (two instructions more).
        push(0x7FFFFFFF);
        mv.visitInsn(IAND);
    }

    /**
     * At {@code miss}, calls load or store {@code helper} with the address in TMP, the value of
     * guest register {@code value} for a store (-1 for a load) and the mode; its result on the stack.
     */
    private void callHelper(Label miss, String helper, int value) {
        mv.visitLabel(miss);
        mv.visitVarInsn(ALOAD, CORE_);
        mv.visitVarInsn(ILOAD, TMP);
        if (value >= 0) ld(value);
        mv.visitVarInsn(ILOAD, USER);
        mv.visitMethodInsn(INVOKEVIRTUAL, CORE, helper, value >= 0 ? "(IIZ)I" : "(IZ)J", false);
    }

    /** Pushes the shift of the addressed byte ({@code mask} 3) or halfword (2) within its word. */
    private void lane(int mask) {
        mv.visitVarInsn(ILOAD, TMP);
        mv.visitVarInsn(ILOAD, LANE);
        mv.visitInsn(IXOR);
        push(mask);
        mv.visitInsn(IAND);
        push(3);
        mv.visitInsn(ISHL);
    }

    /**
     * A load of {@code size} bytes (sign-extended if {@code signed}): from the word array when
     * the JitTlb entry matches, else out of line through {@code helper}, which gives the value
     * or -1 (bail).
     */
    void load(int i, int w, int size, boolean signed, String helper) {
        Label miss = new Label(), done = new Label();
        lookup(w, false, size - 1, miss);
        mv.visitInsn(IALOAD);
        if (size < 4) {
            lane(size == 1 ? 3 : 2);
            mv.visitInsn(IUSHR);
            if (signed) mv.visitInsn(size == 1 ? I2B : I2S);
            else {
                push(size == 1 ? 0xFF : 0xFFFF);
                mv.visitInsn(IAND);
            }
        }
        st(rt(w));
        mv.visitLabel(done);
        int block = this.block;
        slowPaths.add(() -> {
            callHelper(miss, helper, -1);
            loaded(block, i, w);
            mv.visitJumpInsn(GOTO, done);
        });
    }

    /**
     * A store of {@code size} bytes: into the word array when the JitTlb's store entry matches
     * (a page with no decoded code), else out of line through {@code helper}, which gives 0, 1
     * (bail: run it the slow way) or 2 (it wrote over decoded code: leave after it).
     */
    void store(int i, int w, int size, String helper) {
        Label miss = new Label(), done = new Label();
        lookup(w, true, size - 1, miss);
        if (size == 4) {
            ld(rt(w));
        } else {
            int ones = size == 1 ? 0xFF : 0xFFFF;
            lane(size == 1 ? 3 : 2);
            mv.visitVarInsn(ISTORE, TMP2);
            mv.visitInsn(DUP2);
            mv.visitInsn(IALOAD);
            push(ones);
            mv.visitVarInsn(ILOAD, TMP2);
            mv.visitInsn(ISHL);
            push(-1);
            mv.visitInsn(IXOR);
            mv.visitInsn(IAND);
            ld(rt(w));
            push(ones);
            mv.visitInsn(IAND);
            mv.visitVarInsn(ILOAD, TMP2);
            mv.visitInsn(ISHL);
            mv.visitInsn(IOR);
        }
        mv.visitInsn(IASTORE);
        mv.visitLabel(done);
        int block = this.block;
        slowPaths.add(() -> {
            callHelper(miss, helper, rt(w));
            stored(block, i, done);
        });
    }

    /** SWL or SWR through {@code helper}, which gives 0, 1 or 2 as {@link #store}'s helper. */
    void storeMerged(int i, int w, String helper) {
        Label done = new Label();
        callMerging(w, helper, "(IIZ)I");
        stored(block, i, done);
        mv.visitLabel(done);
    }

    /** A store helper's result on the stack: on to {@code done} if 0, else to the bail it asks for. */
    private void stored(int block, int i, Label done) {
        Label written = new Label();
        mv.visitInsn(DUP);
        mv.visitJumpInsn(IFNE, written);
        mv.visitInsn(POP);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(written);
        push(1);
        mv.visitJumpInsn(IF_ICMPEQ, bail(block, i));     // not on the fast path: run it the slow way
        mv.visitJumpInsn(GOTO, bail(block, i + 1));      // it wrote over decoded code: stop after it
    }

    /** Emits the out-of-line helper calls of the accesses emitted so far ({@link #slowPaths}). */
    void emitSlowPaths() {
        for (int k = 0; k < slowPaths.size(); k++) slowPaths.get(k).run();
        slowPaths.clear();
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
                mv.visitVarInsn(ILOAD, op == MFHI ? HI : LO);
                st(rd(w));
                break;
            case MTHI: case MTLO:
                ld(rs(w));
                mv.visitVarInsn(ISTORE, op == MTHI ? HI : LO);
                break;
            case MULT:
                ld(rs(w));
                mv.visitInsn(I2L);
                ld(rt(w));
                mv.visitInsn(I2L);
                mv.visitInsn(LMUL);
                product();
                break;
            case MULTU:
                unsigned(rs(w));
                unsigned(rt(w));
                mv.visitInsn(LMUL);
                product();
                break;
            case DIV: case DIVU:
                // the CPU's division (its case of division by zero), then HI and LO back from it
                mv.visitVarInsn(ALOAD, CPU_);
                ld(rs(w));
                ld(rt(w));
                mv.visitMethodInsn(INVOKEVIRTUAL, CPU, op == DIV ? "div" : "divu", "(II)V", false);
                loadHiLo();
                break;

            case BEQ: case BNE: case BLEZ: case BGTZ: case BLTZ: case BGEZ: branch(i, w, condition(op, w)); break;
            case BLTZAL: case BGEZAL: branch(i, w, condition(op, w)); link(i, 31); break;
            case J: jump(i, w); break;
            case JAL: jump(i, w); link(i, 31); break;
            case JR: case JALR:
                push(1);
                mv.visitVarInsn(ISTORE, TAKEN);
                ld(rs(w));
                mv.visitVarInsn(ISTORE, TARGET);
                if (op == JALR && rd(w) != 0) link(i, rd(w)); // r[0] stays 0
                break;

            case LW: load(i, w, 4, true, "jitLw"); break;
            case LB: load(i, w, 1, true, "jitLb"); break;
            case LBU: load(i, w, 1, false, "jitLbu"); break;
            case LH: load(i, w, 2, true, "jitLh"); break;
            case LHU: load(i, w, 2, false, "jitLhu"); break;
            case SW: store(i, w, 4, "jitSw"); break;
            case SH: store(i, w, 2, "jitSh"); break;
            case SB: store(i, w, 1, "jitSb"); break;
            case LWL: merge(i, w, "jitLwl"); break;
            case LWR: merge(i, w, "jitLwr"); break;
            case SWL: storeMerged(i, w, "jitSwl"); break;
            case SWR: storeMerged(i, w, "jitSwr"); break;
            default: throw new IllegalArgumentException("no fast path for op id " + op);
        }
    }
}
