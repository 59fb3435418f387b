package vm3000.cpu.core;

import static org.objectweb.asm.Opcodes.*;
import static vm3000.cpu.core.FastOp.*;
import static vm3000.cpu.isa.Fields.*;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Translates a hot {@link Block} to a JVM class implementing {@link CompiledBlock}, loaded as a
 * hidden class in this package (so it reaches {@link Cpu}'s and {@link BlockCore}'s package-private
 * state, and is unloaded with its block). The translation covers the block up to its first
 * instruction without a fast path ({@link FastOp#SLOW}); each instruction does what its case in
 * {@link BlockCore}'s switch does, with the same checks on memory accesses ({@link InsnEmitter}).
 * The guest registers the block uses live in JVM locals, read from the register array on entry
 * and written back on every exit, which makes HotSpot's register allocator the guest's. What is gone is the dispatch per instruction and the field decoding.
 *
 * <p>A block that is a whole loop (its branch, at the end, goes back to its first instruction)
 * also loops inside the generated method, as many times as the caller's budget allows
 * ({@link CompiledBlock#run}): the dispatcher's one call site for all compiled blocks is
 * megamorphic as soon as a few hot blocks have passed through it, and a call per iteration of
 * a short loop costs more than the iteration.
 */
final class BlockCompiler {
    private BlockCompiler() {}

    private static final String CPU = InsnEmitter.CPU, CORE = InsnEmitter.CORE;

    // Locals of run(int[] r, Cpu cpu, BlockCore core, boolean user, int vpc, int loops) beyond
    // InsnEmitter's: LOOPS, the argument; DONE counts the runs looped back inside the method.
    private static final int LOOPS = 6, DONE = 13;

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
        c = load(generateWithin(b, n).bytes());
        synchronized (SHARED) {
            CompiledBlock first = SHARED.putIfAbsent(key, c);
            return first != null ? first : c;
        }
    }

    private static CompiledBlock load(byte[] bytes) { return (CompiledBlock) instantiate(bytes); }

    /** Loads {@code bytes} as a hidden class of this package and makes an instance of it. */
    static Object instantiate(byte[] bytes) {
        try {
            MethodHandles.Lookup hidden = LOOKUP.defineHiddenClass(bytes, true);
            return hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot load compiled code", e);
        }
    }

    /** A new class name for compiled code of {@code kind} (CompiledBlock, CompiledRegion). */
    private static String name(String kind) {
        synchronized (BlockCompiler.class) {
            return "vm3000/cpu/core/" + kind + "$" + (serial++);
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

    /** A generated class, the length of its run method's bytecode, and the instructions it covers. */
    record Generated(byte[] bytes, int codeSize, int covered) {}

    /**
     * The class {@link #compile} makes of the first {@code n} instructions of {@code b}, else of
     * the first half of them, of the first quarter, ... until its method is within
     * {@link InsnEmitter#MAX_CODE} bytes (the instructions left out run in BlockCore's loop).
     */
    static Generated generateWithin(Block b, int n) {
        Generated g = InsnEmitter.largestWithin(n, m -> generate(b, m), Generated::codeSize);
        return g != null ? g : generate(b, 1);
    }

    /**
     * A class writer with the header and constructor of a new class implementing {@code kind}
     * (CompiledBlock, CompiledRegion), named by {@link #name}; the caller adds {@code run}. The
     * class file is of version 49 (Java 5), which the JVM verifies by type inference, so that
     * it needs no stack-map frames: the writer computes neither frames nor maximums (the run
     * method declares {@link InsnEmitter#MAX_STACK}). Computing frames, in ASM's code still cold
     * in the bytecode interpreter, was half the time spent compiling a program's first regions
     * (docs/performance.md, "JitTlb").
     */
    static ClassWriter newClass(String kind) {
        ClassWriter cw = new ClassWriter(0);
        cw.visit(V1_5, ACC_FINAL | ACC_SUPER, name(kind), null, "java/lang/Object",
                new String[] {"vm3000/cpu/core/" + kind});
        MethodVisitor init = cw.visitMethod(0, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(1, 1);
        init.visitEnd();
        return cw;
    }

    static Generated generate(Block b, int n) {
        ClassWriter cw = newClass("CompiledBlock");
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "run", "([IL" + CPU + ";L" + CORE + ";ZII)I", null, null);
        mv.visitCode();
        Gen gen = new Gen(mv, b, n);
        gen.emit();
        mv.visitMaxs(InsnEmitter.MAX_STACK, InsnEmitter.FREE);
        mv.visitEnd();
        cw.visitEnd();
        byte[] bytes = cw.toByteArray();
        return new Generated(bytes, gen.end.getOffset(), n);
    }

    private static final class Gen extends InsnEmitter {
        final Block b;
        final int n;
        final Label exit = new Label(), end = new Label();

        Gen(MethodVisitor mv, Block b, int n) {
            super(mv);
            this.b = b;
            this.n = n;
        }

        void emit() {
            for (int i = 0; i < n; i++) scan(b.fast[i], b.words[i]);
            loadRegisters();
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
            storeRegisters();
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
            emitSlowPaths();
            for (Bail k : bails) {
                mv.visitLabel(k.label());
                push(k.index());
                mv.visitVarInsn(ISTORE, EXIT);
                mv.visitJumpInsn(GOTO, exit);
            }
            mv.visitLabel(end);
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

    }
}
