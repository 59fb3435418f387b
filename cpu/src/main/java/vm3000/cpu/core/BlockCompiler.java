package vm3000.cpu.core;

import static org.objectweb.asm.Opcodes.*;
import static vm3000.cpu.core.FastOp.*;
import static vm3000.cpu.isa.Fields.*;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Translates a hot {@link Block} to a JVM class implementing {@link CompiledBlock}, loaded as a
 * hidden class in this package (so it reaches {@link Cpu}'s and {@link BlockCore}'s package-private
 * state, and is unloaded with its block). The translation covers the block up to its first
 * instruction without a fast path ({@link FastOp#SLOW}); each instruction does what its case in
 * {@link BlockCore}'s switch does, with the same checks on memory accesses (through BlockCore's
 * {@code jit*} helpers). The guest registers the block uses live in JVM locals, read from the
 * register array on entry and written back on every exit, which makes HotSpot's register
 * allocator the guest's. What is gone is the dispatch per instruction and the field decoding.
 *
 * <p>A block that is a whole loop (its branch, at the end, goes back to its first instruction)
 * also loops inside the generated method, as many times as the caller's budget allows
 * ({@link CompiledBlock#run}): the dispatcher's one call site for all compiled blocks is
 * megamorphic as soon as a few hot blocks have passed through it, and a call per iteration of
 * a short loop costs more than the iteration.
 */
final class BlockCompiler {
    private BlockCompiler() {}

    private static final String CPU = "vm3000/cpu/core/Cpu";
    private static final String CORE = "vm3000/cpu/core/BlockCore";

    // Locals of run(int[] r, Cpu cpu, BlockCore core, boolean user, int vpc, int loops); TMPL is a
    // long (two slots); DONE counts the runs looped back inside the method; guest register k is
    // local REG0 + k.
    private static final int R = 1, CPU_ = 2, CORE_ = 3, USER = 4, VPC = 5, LOOPS = 6,
            TAKEN = 7, TARGET = 8, EXIT = 9, TMP = 10, TMPL = 11, DONE = 13, REG0 = 14;

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static int serial;

    /** The number of leading instructions of {@code b} a compilation covers: up to the first slow one. */
    static int coverage(Block b) {
        int n = 0;
        while (n < b.fast.length && b.fast[n] != SLOW) n++;
        return n;
    }

    /**
     * Compiled code by the words it was compiled from (the translation depends on nothing else),
     * shared by all machines: a machine that boots the same code again (a benchmark, the VMM's
     * guests, the tests) finds its blocks compiled, and compiled by HotSpot, already.
     *
     * <p>Bounded, least recently used first out: at most {@link #SHARED_MAX} entries, so that
     * guests that compile ever new code (any guest, over time; a hostile one quickly) cannot
     * make the JVM hold ever more classes. Compiled blocks are hidden classes, not strongly
     * bound to their loader, so a class is unloaded once neither this table nor a block of a
     * cache refers to it; the caches are bounded too ({@link BlockCore.CacheLimits}). Eviction
     * costs only a compilation: a block finds no shared code and is compiled again.
     */
    static final int SHARED_MAX = 1 << 11;
    private static final Map<Code, CompiledBlock> SHARED = new LinkedHashMap<>(SHARED_MAX * 4 / 3 + 1, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Code, CompiledBlock> eldest) { return size() > SHARED_MAX; }
    };

    private record Code(int[] words) {
        @Override public boolean equals(Object o) { return o instanceof Code c && Arrays.equals(words, c.words); }
        @Override public int hashCode() { return Arrays.hashCode(words); }
    }

    /** Entries in the shared table now (at most {@link #SHARED_MAX}). */
    static int sharedSize() {
        synchronized (SHARED) {
            return SHARED.size();
        }
    }

    /** {@code b} compiled, or null if it has nothing to compile. */
    static CompiledBlock compile(Block b) {
        int n = coverage(b);
        if (n == 0) return null;
        Code key = new Code(Arrays.copyOf(b.words, n));
        CompiledBlock c;
        synchronized (SHARED) {
            c = SHARED.get(key);
        }
        if (c != null) return c;
        c = load(generate(b, n));
        synchronized (SHARED) {
            CompiledBlock first = SHARED.putIfAbsent(key, c);
            return first != null ? first : c;
        }
    }

    private static CompiledBlock load(byte[] bytes) {
        try {
            MethodHandles.Lookup hidden = LOOKUP.defineHiddenClass(bytes, true);
            return (CompiledBlock) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot load a compiled block", e);
        }
    }

    private static String name() {
        synchronized (BlockCompiler.class) {
            return "vm3000/cpu/core/CompiledBlock$" + (serial++);
        }
    }

    /**
     * Whether compiled code covering the first {@code n} instructions of {@code b} can branch back
     * to the block's own entry: it covers the whole block, which ends with a branch or jump and
     * its delay slot. A PC-relative branch reaches the entry only with the offset that leads back
     * to instruction 0 (the target is then the entry whatever the pc); a jump (J, JAL, JR, JALR)
     * is checked at run time.
     */
    static boolean mayLoop(Block b, int n) {
        if (n != b.length() || b.branchAt < 0 || b.branchAt != n - 2) return false;
        int w = b.words[b.branchAt];
        switch (b.fast[b.branchAt]) {
            case J: case JAL: case JR: case JALR: return true;
            case BEQ: case BNE: case BLEZ: case BGTZ: case BLTZ: case BGEZ: case BLTZAL: case BGEZAL:
                return simm(w) == -(b.branchAt + 1);
            default: return false;
        }
    }

    static byte[] generate(Block b, int n) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String a, String c) { return "java/lang/Object"; }
        };
        cw.visit(V17, ACC_FINAL | ACC_SUPER, name(), null, "java/lang/Object",
                new String[] {"vm3000/cpu/core/CompiledBlock"});
        MethodVisitor init = cw.visitMethod(0, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "run", "([IL" + CPU + ";L" + CORE + ";ZII)I", null, null);
        mv.visitCode();
        new Gen(mv, b, n).emit();
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static final class Gen {
        final MethodVisitor mv;
        final Block b;
        final int n;
        final boolean[] used = new boolean[32];
        final boolean[] written = new boolean[32];
        final Label exit = new Label();
        final List<Label> bailLabels = new ArrayList<>();
        final List<Integer> bailAt = new ArrayList<>();

        Gen(MethodVisitor mv, Block b, int n) {
            this.mv = mv;
            this.b = b;
            this.n = n;
        }

        void emit() {
            for (int i = 0; i < n; i++) scan(b.fast[i], b.words[i]);
            for (int reg = 1; reg < 32; reg++) {
                if (!used[reg]) continue;
                mv.visitVarInsn(ALOAD, R);
                push(reg);
                mv.visitInsn(IALOAD);
                mv.visitVarInsn(ISTORE, REG0 + reg);
            }
            push(0);
            mv.visitVarInsn(ISTORE, DONE);
            Label head = new Label();
            mv.visitLabel(head);
            push(0);
            mv.visitVarInsn(ISTORE, TAKEN);
            push(0);
            mv.visitVarInsn(ISTORE, TARGET);
            for (int i = 0; i < n; i++) insn(i, b.fast[i], b.words[i]);
            if (mayLoop(b, n)) loopBack(head);
            push(n);
            mv.visitVarInsn(ISTORE, EXIT);
            mv.visitLabel(exit);
            for (int reg = 1; reg < 32; reg++) {
                if (!written[reg]) continue;
                mv.visitVarInsn(ALOAD, R);
                push(reg);
                mv.visitVarInsn(ILOAD, REG0 + reg);
                mv.visitInsn(IASTORE);
            }
            mv.visitVarInsn(ALOAD, CORE_);
            mv.visitVarInsn(ILOAD, TAKEN);
            mv.visitFieldInsn(PUTFIELD, CORE, "jitTaken", "Z");
            mv.visitVarInsn(ALOAD, CORE_);
            mv.visitVarInsn(ILOAD, TARGET);
            mv.visitFieldInsn(PUTFIELD, CORE, "jitTarget", "I");
            mv.visitVarInsn(ALOAD, CORE_);
            mv.visitVarInsn(ILOAD, DONE);
            mv.visitFieldInsn(PUTFIELD, CORE, "jitLoops", "I");
            mv.visitVarInsn(ILOAD, EXIT);
            mv.visitInsn(IRETURN);
            for (int k = 0; k < bailLabels.size(); k++) {
                mv.visitLabel(bailLabels.get(k));
                push(bailAt.get(k));
                mv.visitVarInsn(ISTORE, EXIT);
                mv.visitJumpInsn(GOTO, exit);
            }
        }

        /**
         * After the block's last instruction (the delay slot of its branch), runs it again from
         * the first, with the registers still in locals, when the branch was taken to the block's
         * own entry {@code vpc}, the caller's budget allows another whole run ({@code DONE <
         * LOOPS}) and {@link Cpu#blockExit} is clear: exactly when the dispatcher's chain would
         * have run this block again through its compiled code (BlockCore#runFrom returns the taken
         * successor, the same block, and the budget still covers all of it). A store that wrote
         * over decoded code and a failed fast-path check have left the method already; blockExit
         * is tested too because it is the chain's own condition. Nothing else that ends a chain
         * can happen here: a level switch (Cpu#levelSwitched), a change of the translation stamp
         * (TLB, mode, ASID), a new deliverable interrupt or the machine's stop come only from
         * slow-path instructions, which compiled code does not contain, and from device events,
         * which the budget stops short of.
         */
        void loopBack(Label head) {
            Label out = new Label();
            mv.visitVarInsn(ILOAD, TAKEN);
            mv.visitJumpInsn(IFEQ, out);
            mv.visitVarInsn(ILOAD, TARGET);
            mv.visitVarInsn(ILOAD, VPC);
            mv.visitJumpInsn(IF_ICMPNE, out);
            mv.visitVarInsn(ILOAD, DONE);
            mv.visitVarInsn(ILOAD, LOOPS);
            mv.visitJumpInsn(IF_ICMPGE, out);
            mv.visitVarInsn(ALOAD, CPU_);
            mv.visitFieldInsn(GETFIELD, CPU, "blockExit", "Z");
            mv.visitJumpInsn(IFNE, out);
            mv.visitIincInsn(DONE, 1);
            mv.visitJumpInsn(GOTO, head);
            mv.visitLabel(out);
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
                case SW: case SH: case SB: use(rs); use(rt); break;
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

        /** Pushes the virtual address of instruction {@code i} plus {@code plus}. */
        void pc(int i, int plus) {
            mv.visitVarInsn(ILOAD, VPC);
            push((i << 2) + plus);
            mv.visitInsn(IADD);
        }

        Label bail(int i) {
            Label l = new Label();
            bailLabels.add(l);
            bailAt.add(i);
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

        void load(int i, int w, String helper) {
            mv.visitVarInsn(ALOAD, CORE_);
            ld(rs(w));
            push(simm(w));
            mv.visitInsn(IADD);
            mv.visitVarInsn(ILOAD, USER);
            mv.visitMethodInsn(INVOKEVIRTUAL, CORE, helper, "(IZ)J", false);
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
                default: throw new IllegalArgumentException("no fast path for op id " + op);
            }
        }
    }
}
