package vm3000.cpu.core;

import static org.objectweb.asm.Opcodes.*;
import static vm3000.cpu.core.FastOp.*;
import static vm3000.cpu.isa.Fields.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Compiles a hot block together with the hot blocks it leads to in the same physical page into
 * one JVM method ({@link CompiledRegion}): the guest registers stay in locals for the whole run,
 * a branch from one block of the region to another is a jump inside the method, so a guest loop
 * of several blocks is a JVM loop that HotSpot sees whole, and the instruction budget is checked
 * at the entry and at loops' heads, against all that can run until the next check ({@link
 * Gen#reach}). The dispatcher is called once per region run instead of once per block.
 *
 * <p>Exactness is the block core's: a block is entered only if the budget (up to the next device
 * event and the instruction limit) covers it whole, as the dispatcher's chain enters it (where the
 * budget does not cover all the region could run before its next check, the region leaves, and
 * the dispatcher's chain goes on block by block); each
 * instruction is what its compiled-block translation is ({@link InsnEmitter}); and everything
 * that ends a chain ends the region: an instruction with no fast path or a failed fast-path check,
 * a store over decoded code, a branch out of the region. The region then returns the block and
 * instruction it stopped at, and the dispatcher finishes that block as it finishes a compiled one.
 *
 * <p>The method's control flow is reducible, as HotSpot's C1 needs to compile it: where a loop of
 * the region could be entered at more than one of its blocks, the jumps to all but one of them
 * leave the region ({@link RegionLoops}).
 *
 * <p>Only blocks that are hot themselves join a region: a block that has run fewer times than
 * make a block hot is left out, and the way to it leaves the region. Code that ran once (set-up,
 * the way out of a loop nest) would make the method larger for nothing: HotSpot compiles a
 * region's method, and the loop inside it again on stack replacement, with one C2 thread on a
 * small machine, so the smaller the methods the sooner the hot loops run compiled
 * (docs/performance.md, "Hot blocks only"). A block that grows hot later is entered from the
 * dispatcher and forms a region of its own, with the hot blocks around it.
 *
 * <p>A region lies in one physical page, so it is dropped with the page's blocks when one of its
 * words is written, and its offsets are the same in virtual and physical addresses. A
 * PC-relative branch's target is known from the code; a J or JAL is followed only if its target
 * was in the entry's virtual page when the region was formed, and checked at run time (the same
 * physical page may be entered at another virtual address). JR and JALR leave the region.
 *
 * <p>Size: a region has at most {@link #MAX_BLOCKS} blocks and {@link #MAX_INSTRUCTIONS}
 * instructions, and its method stays under {@link InsnEmitter#MAX_CODE} bytes of bytecode (HotSpot compiles no
 * method over 8000 bytes): a region that comes out larger is formed again with fewer blocks.
 */
final class RegionCompiler {
    private RegionCompiler() {}

    static final int MAX_BLOCKS = 48;
    static final int MAX_INSTRUCTIONS = 768;
    /** The most instructions a region runs between two checks of its budget (a block's length more, at most). */
    static final int REACH = 128;

    /**
     * Locals beyond {@link InsnEmitter}'s: the budget argument (less the blocks entered), the budget
     * on entry and the exit block. The instructions retired in whole blocks are what the budget
     * lost, less the exit block's. For an exit that may link ({@link #MAX_LINKS}): its link slot
     * (-1 for any other exit), the virtual pc it goes on at, the exit block's length, which the
     * budget gives back if no link is followed, and the linked region.
     */
    private static final int BUDGET = 6, START = InsnEmitter.FREE, BLK = InsnEmitter.FREE + 1, LINK = InsnEmitter.FREE + 2,
            NEXT = InsnEmitter.FREE + 3, GIVE = InsnEmitter.FREE + 4, TO = InsnEmitter.FREE + 5;

    /**
     * How many regions a chain of direct links may nest (each a call inside the one before); at
     * the bound the region returns to the dispatcher, which goes on from there.
     */
    static final int MAX_LINKS = 16;
    static final String REGION = "vm3000/cpu/core/Region";

    /**
     * Compiled regions by the code of the blocks they were formed from, shared by all machines as
     * compiled blocks are ({@link BlockCompiler}'s table; bounded the same way): the code, and how
     * many of the blocks it covers.
     */
    private static final Map<Code, Shared> SHARED = new LinkedHashMap<>(BlockCompiler.SHARED_MAX * 4 / 3 + 1, 0.75f,
            true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Code, Shared> eldest) { return size() > BlockCompiler.SHARED_MAX; }
    };

    private record Shared(int blocks, CompiledRegion code) {}

    private record Code(int[] key) {
        @Override public boolean equals(Object o) { return o instanceof Code c && Arrays.equals(key, c.key); }
        @Override public int hashCode() { return Arrays.hashCode(key); }
    }

    /**
     * The region of {@code head}, entered at virtual {@code vpc}, compiled, with the blocks it leads
     * to that have run at least {@code hot} times; or null if it has nothing to compile, or if the
     * cache was flushed while its blocks were looked up (they would not be watched for writes: the
     * block is then run as it is).
     */
    static Region compile(BlockCache cache, Block head, int vpc, int hot, boolean links) {
        long flushes = cache.flushes();
        if (BlockCompiler.coverage(head) == 0) return null;
        List<Block> blocks = form(cache, head, vpc, MAX_BLOCKS, hot);
        if (cache.flushes() != flushes) return null;
        Block[] all = blocks.toArray(new Block[0]);
        Code key = key(all, offsets(all), links);
        Shared e;
        synchronized (SHARED) {
            e = SHARED.get(key);
        }
        if (e == null) {
            Generated g = generateWithin(blocks, vpc, links);
            if (g == null) return null;
            e = new Shared(g.blocks(), (CompiledRegion) BlockCompiler.instantiate(g.bytes()));
            synchronized (SHARED) {
                Shared first = SHARED.putIfAbsent(key, e);
                if (first != null) e = first;
            }
        }
        Block[] bs = Arrays.copyOf(all, e.blocks());
        return new Region(bs, offsets(bs), e.code());
    }

    /**
     * The class {@link #compile} makes of {@code blocks} (a region as {@link #form} gives it),
     * entered at {@code vpc}: of all of them, else of the first half, of the first quarter, ...
     * until its method is within {@link InsnEmitter#MAX_CODE}; null if the first block alone is
     * larger (it is then compiled alone, in part: {@link BlockCompiler#generateWithin}).
     */
    static Generated generateWithin(List<Block> blocks, int vpc, boolean links) {
        return InsnEmitter.largestWithin(blocks.size(), max -> {
            Block[] bs = blocks.subList(0, max).toArray(new Block[0]);
            return generate(bs, offsets(bs), vpc, links);
        }, Generated::codeSize);
    }

    private static int[] offsets(Block[] bs) {
        int[] offsets = new int[bs.length];
        for (int k = 0; k < bs.length; k++) offsets[k] = bs[k].pa - bs[0].pa;
        return offsets;
    }

    private static Code key(Block[] bs, int[] offsets, boolean links) {
        int n = 1;
        for (Block b : bs) n += 2 + b.length();
        int[] key = new int[n];
        key[0] = links ? 1 : 0;
        int at = 1;
        for (int k = 0; k < bs.length; k++) {
            key[at++] = offsets[k];
            key[at++] = bs[k].length();
            System.arraycopy(bs[k].words, 0, key, at, bs[k].length());
            at += bs[k].length();
        }
        return new Code(key);
    }

    /**
     * The blocks of the region of {@code head} entered at {@code vpc}: head first, then the
     * blocks its successors in the page lead to, breadth first, at most {@code maxBlocks} of them and
     * {@link #MAX_INSTRUCTIONS} instructions, each of them run at least {@code hot} times (a
     * block not, and what only it leads to, is left out).
     */
    static List<Block> form(BlockCache cache, Block head, int vpc, int maxBlocks, int hot) {
        Map<Integer, Block> byPa = new LinkedHashMap<>();
        ArrayDeque<Block> queue = new ArrayDeque<>();
        byPa.put(head.pa, head);
        queue.add(head);
        int instructions = head.length();
        while (!queue.isEmpty()) {
            Block b = queue.poll();
            for (int pa : successors(b, vpc + (b.pa - head.pa), head.pa, vpc)) {
                if (byPa.containsKey(pa)) continue;
                if (byPa.size() >= maxBlocks) return new ArrayList<>(byPa.values());
                Block s = cache.get(pa);
                if (s == null || s.runs < hot) continue;
                if (instructions + s.length() > MAX_INSTRUCTIONS) return new ArrayList<>(byPa.values());
                instructions += s.length();
                byPa.put(pa, s);
                queue.add(s);
            }
        }
        return new ArrayList<>(byPa.values());
    }

    /**
     * The physical addresses, in {@code b}'s page, where control goes after {@code b} (at virtual
     * {@code bvpc}) runs whole on the fast path: none if it cannot (an instruction with no fast
     * path), the taken target and the fall-through of a branch, a J's or JAL's target if it is in
     * the virtual page of the entry ({@code headVpc}), the next instruction after a block cut
     * without a branch; none for JR and JALR.
     */
    static int[] successors(Block b, int bvpc, int headPa, int headVpc) {
        int n = b.length();
        if (BlockCompiler.coverage(b) != n) return new int[0];
        int end = b.pa + (n << 2);
        int page = b.pa >>> 12;
        if (b.branchAt < 0) return (end >>> 12) == page ? new int[] {end} : new int[0];
        int w = b.words[b.branchAt];
        int at = b.pa + (b.branchAt << 2);
        int[] out;
        switch (b.fast[b.branchAt]) {
            case BEQ: case BNE: case BLEZ: case BGTZ: case BLTZ: case BGEZ: case BLTZAL: case BGEZAL:
                out = new int[] {at + 4 + (simm(w) << 2), end};
                break;
            case J: case JAL: {
                int tv = ((bvpc + (b.branchAt << 2) + 4) & 0xF0000000) | (target(w) << 2);
                out = (tv >>> 12) == (headVpc >>> 12) ? new int[] {(headPa & ~0xFFF) | (tv & 0xFFF)} : new int[0];
                break;
            }
            default: out = new int[0];
        }
        return Arrays.stream(out).filter(pa -> (pa >>> 12) == page).toArray();
    }

    /** A generated class, the length of its run method's bytecode, and the number of blocks it covers. */
    record Generated(byte[] bytes, int codeSize, int blocks) {}

    static Generated generate(Block[] blocks, int[] offsets, int vpc, boolean links) {
        ClassWriter cw = BlockCompiler.newClass("CompiledRegion");
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "run",
                "([IL" + InsnEmitter.CPU + ";L" + InsnEmitter.CORE + ";ZII)I", null, null);
        mv.visitCode();
        Gen gen = new Gen(mv, blocks, offsets, vpc, links);
        gen.emit();
        mv.visitMaxs(InsnEmitter.MAX_STACK, InsnEmitter.FREE + 6);
        mv.visitEnd();
        cw.visitEnd();
        byte[] bytes = cw.toByteArray();
        return new Generated(bytes, gen.end.getOffset(), blocks.length);
    }

    private static final class Gen extends InsnEmitter {
        final Block[] blocks;
        final int[] offsets;
        final int vpc;
        final Label[] check;
        final Label exit = new Label(), end = new Label();
        /** Where each block goes ({@link #exits}), and the blocks it may jump to inside the region (RegionLoops). */
        final int[][] exits, kept;
        /** Whether its whole-block exits out of the region may follow direct links ({@link #follow}). */
        final boolean links;

        Gen(MethodVisitor mv, Block[] blocks, int[] offsets, int vpc, boolean links) {
            super(mv);
            this.links = links;
            this.blocks = blocks;
            this.offsets = offsets;
            this.vpc = vpc;
            check = new Label[blocks.length];
            exits = new int[blocks.length][];
            int[][] targets = new int[blocks.length][];
            for (int k = 0; k < blocks.length; k++) {
                check[k] = new Label();
                exits[k] = exits(k);
                targets[k] = Arrays.stream(exits[k]).filter(t -> t >= 0).distinct().toArray();
            }
            kept = RegionLoops.kept(targets);
        }

        /**
         * Where block {@code k} goes in the region when it runs whole: {taken, fall-through}, each
         * the index of a block of the region or -1 (out of the region, or no such way). A block cut
         * without a branch has only the fall-through; a J or JAL only the taken (checked at run time).
         */
        private int[] exits(int k) {
            Block b = blocks[k];
            int len = b.length();
            if (BlockCompiler.coverage(b) < len) return new int[] {-1, -1};
            int[] succ = successors(b, vpc + offsets[k], blocks[0].pa, vpc);
            int only = succ.length == 1 ? indexOf(succ[0]) : -1;
            if (b.branchAt < 0) return new int[] {-1, only};
            int w = b.words[b.branchAt];
            int at = b.pa + (b.branchAt << 2);
            switch (b.fast[b.branchAt]) {
                case BEQ: case BNE: case BLEZ: case BGTZ: case BLTZ: case BGEZ: case BLTZAL: case BGEZAL:
                    return new int[] {indexOf(at + 4 + (simm(w) << 2)), indexOf(b.pa + (len << 2))};
                case J: case JAL: return new int[] {only, -1};
                default: return new int[] {-1, -1};
            }
        }

        /** The index of the region's block at physical {@code pa}, or -1. */
        int indexOf(int pa) {
            for (int k = 0; k < blocks.length; k++) if (blocks[k].pa == pa) return k;
            return -1;
        }

        void emit() {
            for (Block b : blocks) {
                int n = BlockCompiler.coverage(b);
                for (int i = 0; i < n; i++) scan(b.fast[i], b.words[i]);
            }
            loadRegisters();
            mv.visitVarInsn(ILOAD, BUDGET);
            mv.visitVarInsn(ISTORE, START);
            push(0);
            mv.visitVarInsn(ISTORE, BLK);
            for (int local : links ? new int[] {LINK, NEXT, GIVE} : new int[0]) {
                push(local == LINK ? -1 : 0);
                mv.visitVarInsn(ISTORE, local);
            }
            mv.visitJumpInsn(GOTO, check[0]);
            int[] reach = reach();
            Label[] noRoom = new Label[blocks.length];
            for (int k = 0; k < blocks.length; k++) {
                Block b = blocks[k];
                int len = b.length();
                mv.visitLabel(check[k]);
                if (reach[k] > 0) {
                    noRoom[k] = new Label();
                    mv.visitVarInsn(ILOAD, BUDGET);
                    push(reach[k]);
                    mv.visitJumpInsn(IF_ICMPLT, noRoom[k]);
                }
                mv.visitIincInsn(BUDGET, -len);
                if (b.branchAt < 0) {
                    // run whole, it leaves with no branch taken; a block with a branch sets the
                    // outcome there, and an exit before it does not read it (BlockCore.runFrom)
                    push(0);
                    mv.visitVarInsn(ISTORE, TAKEN);
                }
                base = offsets[k];
                block = k;
                int n = BlockCompiler.coverage(b);
                boolean split = n == len && conditional(b);
                for (int i = 0; i < (split ? b.branchAt : n); i++) insn(i, b.fast[i], b.words[i]);
                if (split) split(k);
                else if (n < len) exitAt(k, n, true);
                else next(k);
            }
            emitSlowPaths();
            for (int k = 0; k < blocks.length; k++) {
                if (noRoom[k] == null) continue;
                mv.visitLabel(noRoom[k]);
                exitAt(k, 0, false);
            }
            for (Bail bail : bails) {
                mv.visitLabel(bail.label());
                exitAt(bail.block(), bail.index(), true);
            }
            mv.visitLabel(exit);
            storeRegisters();
            if (links) follow();
            mv.visitVarInsn(ALOAD, CORE_);
            mv.visitVarInsn(ILOAD, TAKEN);
            mv.visitFieldInsn(PUTFIELD, CORE, "jitTaken", "Z");
            mv.visitVarInsn(ALOAD, CORE_);
            mv.visitVarInsn(ILOAD, TARGET);
            mv.visitFieldInsn(PUTFIELD, CORE, "jitTarget", "I");
            retired();
            if (links) {
                mv.visitVarInsn(ALOAD, CORE_);
                mv.visitVarInsn(ILOAD, LINK);
                mv.visitFieldInsn(PUTFIELD, CORE, "jitLink", "I");
            }
            mv.visitVarInsn(ILOAD, BLK);
            push(8);
            mv.visitInsn(ISHL);
            mv.visitVarInsn(ILOAD, EXIT);
            mv.visitInsn(IOR);
            mv.visitInsn(IRETURN);
            mv.visitLabel(end);
        }

        /** Adds what this region retired in whole blocks (START less BUDGET) to BlockCore's jitRetired. */
        private void retired() {
            mv.visitVarInsn(ALOAD, CORE_);
            mv.visitInsn(DUP);
            mv.visitFieldInsn(GETFIELD, CORE, "jitRetired", "I");
            mv.visitVarInsn(ILOAD, START);
            mv.visitVarInsn(ILOAD, BUDGET);
            mv.visitInsn(ISUB);
            mv.visitInsn(IADD);
            mv.visitFieldInsn(PUTFIELD, CORE, "jitRetired", "I");
        }

        /**
         * At the exit, the registers stored: for an exit that may link (LINK not negative), the
         * region linked in this machine's {@link Region} (BlockCore's jitSelf) at that slot, if
         * it was linked at this exit's pc under the chain's current key and the chain of links
         * is not at its bound. Then this region's part is accounted, and the linked region runs
         * from NEXT with the budget left, as the dispatcher would have run it next; its exit is
         * this one's. Every link nests a call, and none returns before the last region's exit,
         * so BlockCore's jitDepth counts both the nesting and the links followed. Otherwise the
         * exit block's length goes back to the budget (BlockCore finishes that block), and the
         * region returns as any exit does.
         */
        private void follow() {
            Label noLink = new Label(), done = new Label();
            mv.visitVarInsn(ILOAD, LINK);
            mv.visitJumpInsn(IFLT, done);
            self("linked", "[L" + REGION + ";");
            mv.visitInsn(AALOAD);
            mv.visitVarInsn(ASTORE, TO);
            mv.visitVarInsn(ALOAD, TO);
            mv.visitJumpInsn(IFNULL, noLink);
            self("linkedPc", "[I");
            mv.visitInsn(IALOAD);
            mv.visitVarInsn(ILOAD, NEXT);
            mv.visitJumpInsn(IF_ICMPNE, noLink);
            self("linkedKey", "[J");
            mv.visitInsn(LALOAD);
            mv.visitVarInsn(ALOAD, CORE_);
            mv.visitFieldInsn(GETFIELD, CORE, "linkKey", "J");
            mv.visitInsn(LCMP);
            mv.visitJumpInsn(IFNE, noLink);
            mv.visitVarInsn(ALOAD, CORE_);
            mv.visitFieldInsn(GETFIELD, CORE, "jitDepth", "I");
            push(MAX_LINKS);
            mv.visitJumpInsn(IF_ICMPGE, noLink);
            retired();
            mv.visitVarInsn(ALOAD, CORE_);
            mv.visitInsn(DUP);
            mv.visitFieldInsn(GETFIELD, CORE, "jitDepth", "I");
            push(1);
            mv.visitInsn(IADD);
            mv.visitFieldInsn(PUTFIELD, CORE, "jitDepth", "I");
            mv.visitVarInsn(ALOAD, CORE_);
            mv.visitVarInsn(ALOAD, TO);
            mv.visitFieldInsn(PUTFIELD, CORE, "jitSelf", "L" + REGION + ";");
            mv.visitVarInsn(ALOAD, CORE_);
            mv.visitVarInsn(ILOAD, NEXT);
            mv.visitFieldInsn(PUTFIELD, CORE, "jitVpc", "I");
            mv.visitVarInsn(ALOAD, TO);
            mv.visitFieldInsn(GETFIELD, REGION, "code", "Lvm3000/cpu/core/CompiledRegion;");
            mv.visitVarInsn(ALOAD, R);
            mv.visitVarInsn(ALOAD, CPU_);
            mv.visitVarInsn(ALOAD, CORE_);
            mv.visitVarInsn(ILOAD, USER);
            mv.visitVarInsn(ILOAD, NEXT);
            mv.visitVarInsn(ILOAD, BUDGET);
            mv.visitMethodInsn(INVOKEINTERFACE, "vm3000/cpu/core/CompiledRegion", "run",
                    "([IL" + CPU + ";L" + CORE + ";ZII)I", true);
            mv.visitInsn(IRETURN);
            mv.visitLabel(noLink);
            mv.visitVarInsn(ILOAD, BUDGET);
            mv.visitVarInsn(ILOAD, GIVE);
            mv.visitInsn(IADD);
            mv.visitVarInsn(ISTORE, BUDGET);
            mv.visitLabel(done);
        }

        /** Pushes this machine's Region's array {@code field}, then the link slot. */
        private void self(String field, String type) {
            mv.visitVarInsn(ALOAD, CORE_);
            mv.visitFieldInsn(GETFIELD, CORE, "jitSelf", "L" + REGION + ";");
            mv.visitFieldInsn(GETFIELD, REGION, field, type);
            mv.visitVarInsn(ILOAD, LINK);
        }

        /**
         * Leaves the region after whole block {@code k}, at link slot {@code slot}, to go on at
         * the pc that {@code next} pushes: the exit block's length is not given back yet (GIVE),
         * since a link that is followed retires the block here.
         */
        void leave(int k, int slot, Runnable next) {
            if (!links) {
                exitAt(k, blocks[k].length(), true);
                return;
            }
            next.run();
            mv.visitVarInsn(ISTORE, NEXT);
            push(slot);
            mv.visitVarInsn(ISTORE, LINK);
            push(blocks[k].length());
            mv.visitVarInsn(ISTORE, GIVE);
            push(k);
            mv.visitVarInsn(ISTORE, BLK);
            push(blocks[k].length());
            mv.visitVarInsn(ISTORE, EXIT);
            mv.visitJumpInsn(GOTO, exit);
        }

        /**
         * Where the budget is checked, and against what: for each block, 0 if it is entered
         * unchecked, else the most instructions the region can run from the block's entry before
         * it reaches the next checked block or leaves. Checked are the entry block, every block
         * a jump goes back to (a loop's head, in a depth-first walk from the entry: without the
         * jumps to checked blocks the blocks form no loop), and any block from which more than
         * {@link #REACH} instructions could run unchecked. A block is entered only if the budget
         * covers it whole, as the dispatcher's chain enters it: a checked block whose reach the
         * budget does not cover leaves the region, and the dispatcher runs on from there, block by
         * block, up to the event.
         */
        int[] reach() {
            int n = blocks.length;
            boolean[] checked = RegionLoops.heads(kept);
            int[] memo = new int[n];
            Arrays.fill(memo, -1);
            int[] reach = new int[n];
            for (int k = 0; k < n; k++) {
                unchecked(k, checked, memo);
                reach[k] = checked[k] ? memo[k] : 0;
            }
            return reach;
        }

        /** The most instructions from block {@code k}'s entry to the next checked block or an exit (memoized). */
        private int unchecked(int k, boolean[] checked, int[] memo) {
            if (memo[k] >= 0) return memo[k];
            int most = 0;
            for (int t : kept[k]) {
                if (checked[t]) continue; // a loop's head, or known to be checked
                int r = unchecked(t, checked, memo);
                if (!checked[t]) most = Math.max(most, r);
            }
            memo[k] = blocks[k].length() + most;
            if (memo[k] > REACH) checked[k] = true;
            return memo[k];
        }

        /**
         * Leaves the region at instruction {@code i} of block {@code k}; if the block was
         * {@code entered} (its length taken from the budget), its length is given back, since
         * BlockCore accounts the exit block itself.
         */
        void exitAt(int k, int i, boolean entered) {
            if (entered) mv.visitIincInsn(BUDGET, blocks[k].length());
            push(k);
            mv.visitVarInsn(ISTORE, BLK);
            push(i);
            mv.visitVarInsn(ISTORE, EXIT);
            mv.visitJumpInsn(GOTO, exit);
        }

        /**
         * Block {@code k}, which does not end with a conditional branch ({@link #split}), ran whole:
         * on to its successor if the region has it, else out.
         */
        void next(int k) {
            Block b = blocks[k];
            int taken = exits[k][0], fallThrough = exits[k][1];
            if (b.branchAt < 0) {
                to(k, fallThrough, 2 * k + 1, fallThrough(k));
                return;
            }
            switch (b.fast[b.branchAt]) {
                case J: case JAL: {
                    if (taken < 0) {
                        leave(k, 2 * k, target);
                        return;
                    }
                    Label elsewhere = new Label();
                    mv.visitVarInsn(ILOAD, TARGET);
                    mv.visitVarInsn(ILOAD, VPC);
                    push(offsets[taken]);
                    mv.visitInsn(IADD);
                    mv.visitJumpInsn(IF_ICMPNE, elsewhere);
                    to(k, taken, 2 * k, target);
                    mv.visitLabel(elsewhere);
                    leave(k, 2 * k, target);
                    return;
                }
                default: leave(k, 2 * k, target); // JR, JALR
            }
        }

        /** Whether {@code b} ends with a conditional branch (and its delay slot). */
        static boolean conditional(Block b) {
            return b.branchAt >= 0 && conditionalBranch(b.fast[b.branchAt]);
        }

        /**
         * The conditional branch that ends whole block {@code k}, and its delay slot, as two ways:
         * the condition jumps at once to the way not taken, and each way runs its own copy of the
         * delay slot and goes on to its successor. The branch's outcome is then a constant on
         * each way (for an exit in the delay slot) instead of a value that the block's end tests
         * again, which HotSpot's C2 kept in a register and compared twice.
         */
        void split(int k) {
            Block b = blocks[k];
            int i = b.branchAt, w = b.words[i];
            byte op = b.fast[i];
            Label notTaken = new Label();
            mv.visitJumpInsn(condition(op, w), notTaken);
            for (boolean taken : new boolean[] {true, false}) {
                if (!taken) mv.visitLabel(notTaken);
                push(taken ? 1 : 0);
                mv.visitVarInsn(ISTORE, TAKEN);
                pc(i, 4 + (simm(w) << 2));
                mv.visitVarInsn(ISTORE, TARGET);
                if (op == BLTZAL || op == BGEZAL) link(i, 31);
                insn(i + 1, b.fast[i + 1], b.words[i + 1]);
                to(k, exits[k][taken ? 0 : 1], taken ? 2 * k : 2 * k + 1, taken ? target : fallThrough(k));
            }
        }

        /**
         * From whole block {@code k} to block {@code t} of the region; out if {@code t} is -1, or
         * if that jump must leave the region for its loops to have one entry each, at link slot
         * {@code slot}, going on at the pc that {@code next} pushes.
         */
        void to(int k, int t, int slot, Runnable next) {
            if (t < 0 || Arrays.stream(kept[k]).noneMatch(x -> x == t)) {
                leave(k, slot, next);
                return;
            }
            mv.visitJumpInsn(GOTO, check[t]);
        }

        /** Pushes the branch's or jump's target. */
        final Runnable target = () -> mv.visitVarInsn(ILOAD, TARGET);

        /** What pushes the virtual pc after whole block {@code k} (the block being emitted). */
        Runnable fallThrough(int k) {
            int len = blocks[k].length();
            return () -> pc(len, 0);
        }
    }
}
