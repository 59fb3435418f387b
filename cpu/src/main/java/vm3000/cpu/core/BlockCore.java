package vm3000.cpu.core;

import static vm3000.cpu.core.FastOp.*;
import static vm3000.cpu.isa.Fields.*;

import vm3000.cpu.bus.Clock;
import vm3000.cpu.bus.Endian;
import vm3000.cpu.bus.PhysicalMemory;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.isa.Op;
import vm3000.cpu.mmu.Access;

/**
 * The fast executor: runs decoded {@link Block}s with the architectural behaviour of the
 * interpreter, exact to the instruction. Common instructions have a case of their own in one
 * switch, loads and stores to RAM among them (LWL, LWR, SWL and SWR too); everything else (CP0,
 * traps, LL/SC, device accesses, accesses that fault) goes through the interpreter's
 * {@link Cpu#exec}, the one definition of every instruction.
 *
 * <p>Exactness: a block runs at most up to the next device event and the instruction limit, so
 * interrupts are taken at the same instruction as the interpreter takes them; it stops after any
 * instruction that touched a device or wrote over decoded code; and whenever the interpreter's
 * state is not a block start (a delay slot, a pending interrupt, code that cannot form a block)
 * the dispatcher lets the interpreter take one step (idling in a WAIT, too). Tracing always uses the interpreter.
 */
public final class BlockCore {
    private final Cpu cpu;
    private final Clock clock;
    private final PowerState power;
    private final PhysicalMemory ram;
    private final BlockCache cache;

    // Compilation of hot blocks to JVM bytecode (BlockCompiler): on unless -Dvm3000.jit=false;
    // a block is compiled when it is entered after `threshold` runs (-Dvm3000.jit.threshold); a
    // run that retires nothing (a trap at the first instruction) does not count. Counted after
    // the run and compiled at the next entry, so that the blocks of a loop are all hot when its
    // first block forms a region (RegionCompiler takes in only hot blocks).
    private boolean jit = !"false".equals(System.getProperty("vm3000.jit"));
    private int threshold = Math.max(1, Integer.getInteger("vm3000.jit.threshold", 50));
    // A hot block is compiled with the hot blocks it leads to in its page, as a region
    // (RegionCompiler), unless -Dvm3000.jit.regions=false: then alone (BlockCompiler).
    private boolean regions = !"false".equals(System.getProperty("vm3000.jit.regions"));
    /** Direct links between compiled regions: off unless asked for (docs/performance.md, "Direct links"). */
    private boolean links = "true".equals(System.getProperty("vm3000.jit.links"));
    private long compiled;
    /**
     * Where the last {@link #runFrom} stopped in its block: the index of the instruction after the
     * last it retired, or of the one that trapped (so, for a run from the first, what it retired).
     */
    private int lastRetired;
    private long compiledRuns;
    private long compiledInstructions;
    private long loopedRuns;
    private long regionRuns;
    private long regionInstructions;
    private long regionLinks;
    /** The branch outcome of the last compiled run (CompiledBlock#run). */
    boolean jitTaken;
    int jitTarget;
    /** The whole runs a compiled block made before its last, looping back to itself (CompiledBlock#run). */
    int jitLoops;
    /**
     * The instructions of the blocks compiled regions ran whole before the exit block: each region
     * of a run, and of the regions it linked to, adds its own (CompiledRegion#run).
     */
    int jitRetired;
    /**
     * The region running, and where it was entered: set by the dispatcher, and by a region's
     * code before it calls the region it links to; after a run, the region it ended in.
     */
    Region jitSelf;
    int jitVpc;
    /** The link slot of the exit the last region left at (Region#linked), or -1. */
    int jitLink;
    /** The links a region run followed (each nests a call: RegionCompiler.MAX_LINKS bounds it). */
    int jitDepth;
    /**
     * What a region's links were made under and must match to be followed: the chain's {@link
     * #stamp} with the cache's flushes added to its count (all of them only grow).
     */
    long linkKey;
    /** The RAM's words, which compiled code reads and writes directly through {@link #jitTlb}'s entries. */
    final int[] jitWords;
    /** Byte lanes for compiled code: a byte's shift in its word is {@code ((a ^ jitLane) & 3) << 3}. */
    final int jitLane;
    private final JitTlb jitTlb = new JitTlb();
    private long jitTlbFills;

    public BlockCore(Cpu cpu) {
        this.cpu = cpu;
        this.clock = cpu.clock;
        this.power = cpu.power;
        this.ram = cpu.ram;
        this.cache = new BlockCache(cpu);
        this.jitWords = ram.words();
        this.jitLane = ram.endian() == Endian.BIG ? 3 : 0;
    }

    /**
     * The most the block cache holds at once (docs/machine.md, "Host resources"): decoded
     * blocks, decoded instructions in them, pages with blocks (each has a table of 1024 entries)
     * and blocks with compiled code. A new block that would exceed one of them flushes the cache
     * first. The defaults hold a working set of 256 K decoded instructions (1 MiB of guest code)
     * in about 20 MB of host memory, compiled classes included; the kernels of this repository
     * use at most a few hundred blocks.
     */
    public record CacheLimits(int blocks, long instructions, int pages, int compiled) {
        public static final CacheLimits DEFAULT = new CacheLimits(1 << 14, 1 << 18, 1 << 10, 1 << 10);

        public CacheLimits {
            if (blocks < 1 || instructions < Block.MAX || pages < 1 || compiled < 1) {
                throw new IllegalArgumentException("block cache limits too small: " + blocks + " blocks, "
                        + instructions + " instructions, " + pages + " pages, " + compiled + " compiled");
            }
        }
    }

    /** The block cache, for tests of this package. */
    BlockCache cache() { return cache; }

    /** Blocks decoded so far. */
    public long blocksBuilt() { return cache.built(); }

    /** Times the block cache was full and was dropped whole. */
    public long cacheFlushes() { return cache.flushes(); }

    /** Blocks in the cache now. */
    public int cachedBlocks() { return cache.blocks(); }

    /** Decoded instructions in the cache's blocks now. */
    public long cachedInstructions() { return cache.instructions(); }

    /** Pages with a table of blocks now. */
    public int cachedPages() { return cache.tables(); }

    /** Blocks in the cache with compiled code now. */
    public int cachedCompiled() { return cache.compiled(); }

    /** Bounds the block cache by {@code limits} from now on; the cache starts empty. */
    public void configureCache(CacheLimits limits) { cache.limit(limits); }

    /** Pages whose blocks were dropped because their memory was written. */
    public long invalidations() { return cache.invalidations(); }

    /** Blocks given compiled code so far (compiled now, or found compiled from the same words). */
    public long blocksCompiled() { return compiled; }

    /**
     * Runs of compiled code so far: each execution of a block through its compiled code,
     * whether the dispatcher called it or it looped back to itself inside the compiled code
     * ({@link #loopedRuns}), so one per iteration of a loop that is one block; and each call of a
     * compiled region ({@link #regionRuns}), however many of its blocks it ran.
     */
    public long compiledRuns() { return compiledRuns; }

    /**
     * The runs among {@link #compiledRuns} that a compiled block made by branching back to its
     * own entry inside its compiled code, without returning to the dispatcher.
     */
    public long loopedRuns() { return loopedRuns; }

    /**
     * Instructions that compiled code (blocks or regions) retired on its fast path so far; the
     * rest ran in the block core's loop or the interpreter.
     */
    public long compiledInstructions() { return compiledInstructions; }

    /**
     * Pages compiled code's loads and stores looked up in the {@link JitTlb} without finding them,
     * then remembered after going the full way; the other accesses of compiled code to RAM found
     * their page there (or failed).
     */
    public long jitTlbFills() { return jitTlbFills; }

    /** Runs of compiled regions so far: each call of a region's code from the dispatcher. */
    public long regionRuns() { return regionRuns; }

    /**
     * The instructions that compiled regions retired, over all their runs ({@link #regionRuns}):
     * where a region's loop runs inside it, many more than its blocks' lengths a run.
     */
    public long regionInstructions() { return regionInstructions; }

    /** Links from one compiled region to the next that the regions followed without the dispatcher. */
    public long regionLinks() { return regionLinks; }

    /**
     * Turns the compilation of hot blocks on or off, and sets how many runs make a block hot;
     * blocks compiled already stay compiled only while it is on.
     */
    public void configureJit(boolean enabled, int threshold) {
        if (threshold < 1) throw new IllegalArgumentException("threshold must be at least 1: " + threshold);
        this.jit = enabled;
        this.threshold = threshold;
    }

    /** Compiles hot blocks as regions (with the blocks they branch to in their page) or alone. */
    public void configureRegions(boolean enabled) { this.regions = enabled; }

    /**
     * Compiles regions (from now on) whose exits out of the region may call the next region
     * directly ({@link Region#linked}) instead of returning to the dispatcher; off by default.
     */
    public void configureLinks(boolean enabled) { this.links = enabled; }

    /** Runs until the machine stops or {@code limit} instructions have been executed in all. */
    public void run(long limit) {
        runUntil(limit);
        if (power.isRunning()) power.instructionLimit(limit);
    }

    /** Runs until the machine stops or {@code limit} instructions have been executed in all; the machine stays on. */
    public void runUntil(long limit) {
        if (cpu.tracer != null) {
            cpu.runUntil(limit);
            return;
        }
        cpu.limitIdling(limit);
        dispatch(limit, false);
    }

    /**
     * Runs the CPU's kernel mode: until it enters user mode or idles in WAIT (before the first
     * instruction of either), the machine stops, or {@code limit} instructions have been executed
     * in all. A monitor runs a virtual machine's kernel with it and takes the VM back for user mode
     * and idling, which it runs its own way. Not with a tracer (the caller steps instead).
     */
    public void runKernel(long limit) {
        if (cpu.tracer != null) throw new IllegalStateException("runKernel with a tracer: step instead");
        dispatch(limit, true);
    }

    private void dispatch(long limit, boolean kernelOnly) {
        cpu.stopRequested = false;
        while (power.isRunning() && cpu.executed < limit && !cpu.stopRequested
                && !(kernelOnly && (cpu.waiting || cpu.cp0.userMode()))) {
            if (clock.now() >= clock.nextEvent()) {
                clock.runDue();
                cpu.syncInterruptLines();
            }
            Block b = cpu.inDelaySlot || cpu.waiting || cpu.interruptBelow || cpu.cp0.deliverableInterrupts() != 0
                    ? null : lookup(cpu.pc);
            if (b == null) {
                cpu.step();
                continue;
            }
            // A chain: each block that ran to its end on the fast path hands over its successor,
            // until the next device event or the limit. The mode and the stamp cannot change
            // along a chain (only the slow path could change them, and it ends the chain).
            final boolean user = cpu.cp0.userMode();
            final long stamp = stamp();
            do {
                long budget = Math.min(clock.nextEvent() - clock.now(), limit - cpu.executed);
                if (budget <= 0) break;
                b = runBlock(b, cpu.pc, budget, user, stamp);
            } while (b != null);
        }
    }

    /**
     * What a translation of the pc depends on: the translation epoch (every TLB write, and on an
     * RMR-stack machine every change of live level or window), the mode and the ASID; and the
     * cache's contents (its invalidation count). Both counts only grow, so equal stamps mean that
     * translating the same virtual pc again would find the same block.
     */
    private long stamp() {
        Cp0 cp0 = cpu.cp0;
        return ((cp0.tlb().epoch().value() + cache.invalidations()) << 12) | (cp0.status() & Cp0.SR_KUC) | cp0.asid();
    }

    /**
     * The block that follows {@code b} at virtual {@code pc}, after the exit {@code taken} (the
     * branch was taken) or the fall-through: the one remembered from last time if the stamp still
     * ({@link #stamp}) still matches, else looked up and remembered. Null where the interpreter must step.
     */
    private Block successor(Block b, boolean taken, int pc, long stamp) {
        if (taken) {
            if (b.takenPc == pc && b.takenStamp == stamp && b.takenNext != null) return b.takenNext;
            Block n = lookup(pc);
            b.takenNext = n;
            b.takenPc = pc;
            b.takenStamp = stamp;
            return n;
        }
        if (b.fallPc == pc && b.fallStamp == stamp && b.fallNext != null) return b.fallNext;
        Block n = lookup(pc);
        b.fallNext = n;
        b.fallPc = pc;
        b.fallStamp = stamp;
        return n;
    }

    /** The real address of a data access at {@code vaddr}, or negative: a fault for the slow path. */
    long physical(int vaddr, Access access, boolean user) {
        return cpu.translate(vaddr, access, user);
    }

    /** The {@link JitTlb} table for compiled code running in user mode or not. */
    long[] jitTable(boolean user) { return jitTlb.table(user); }

    /** Before compiled code runs in a chain of {@code stamp}: drops stale entries of the JitTlb. */
    private void jitEnter(long stamp) {
        jitTlb.check(stamp & ~(long) Cp0.SR_KUC, ram.watches());
    }

    /**
     * Remembers in the JitTlb the page of an access at {@code a} that went to real address {@code t}
     * in RAM, if the whole page is RAM inside the window and, for a store, holds no watched word.
     */
    private void remember(int a, long t, boolean user, boolean store) {
        int page = (int) t & ~0xFFF;
        if (ram.contains(page, 0x1000) && cpu.pageInWindow(t) && !(store && ram.pageWatched(page))) {
            jitTlb.remember(user, store, a, ram.wordIndex(page));
            jitTlbFills++;
        }
    }

    // The memory accesses of compiled code where its JitTlb has no entry for the page: the fast
    // path of runFrom's cases. A load gives the value zero-extended to a long, or -1 where the slow
    // path must run it; a store gives 0, 1 where the slow path must run it, or 2 when it wrote
    // over decoded code. The accesses that succeed remember their page.

    /**
     * The real address of a compiled load of {@code size} bytes at {@code a}, its page remembered,
     * or -1 if it is misaligned, faults or is not in RAM (the slow path runs it).
     */
    private long loadAt(int a, int size, boolean user) {
        long t = (a & (size - 1)) == 0 ? physical(a, Access.LOAD, user) : -1;
        if (t < 0 || !ram.contains((int) t, size)) return -1;
        remember(a, t, user, false);
        return t;
    }

    long jitLw(int a, boolean user) {
        long t = loadAt(a, 4, user);
        return t < 0 ? -1 : ram.loadWord((int) t) & 0xFFFFFFFFL;
    }

    long jitLh(int a, boolean user) {
        long t = loadAt(a, 2, user);
        return t < 0 ? -1 : (short) ram.loadHalf((int) t) & 0xFFFFFFFFL;
    }

    long jitLhu(int a, boolean user) {
        long t = loadAt(a, 2, user);
        return t < 0 ? -1 : ram.loadHalf((int) t);
    }

    long jitLb(int a, boolean user) {
        long t = loadAt(a, 1, user);
        return t < 0 ? -1 : (byte) ram.loadByte((int) t) & 0xFFFFFFFFL;
    }

    long jitLbu(int a, boolean user) {
        long t = loadAt(a, 1, user);
        return t < 0 ? -1 : ram.loadByte((int) t);
    }

    /** LWL or LWR ({@code left}): {@code old} merged with the word containing {@code a} (Unaligned); or -1 (slow path). */
    long jitLwlr(int a, int old, boolean user, boolean left) {
        long t = physical(a, Access.LOAD, user);
        int pa = (int) t & ~3;
        if (t < 0 || !ram.contains(pa, 4)) return -1;
        int msb = Unaligned.msbOffset(ram.endian(), a);
        int word = ram.loadWord(pa);
        return (left ? Unaligned.lwl(word, old, msb) : Unaligned.lwr(word, old, msb)) & 0xFFFFFFFFL;
    }

    long jitLwl(int a, int old, boolean user) { return jitLwlr(a, old, user, true); }

    long jitLwr(int a, int old, boolean user) { return jitLwlr(a, old, user, false); }

    /** SWL or SWR ({@code left}): as jitSw, {@code v} merged into the word containing {@code a} (Unaligned). */
    int jitSwlr(int a, int v, boolean user, boolean left) {
        long t = physical(a, Access.STORE, user);
        int pa = (int) t & ~3;
        if (t < 0 || !ram.contains(pa, 4)) return 1;
        int msb = Unaligned.msbOffset(ram.endian(), a);
        int word = ram.loadWord(pa);
        ram.storeWord(pa, left ? Unaligned.swl(word, v, msb) : Unaligned.swr(word, v, msb));
        return cpu.blockExit ? 2 : 0;
    }

    int jitSwl(int a, int v, boolean user) { return jitSwlr(a, v, user, true); }

    int jitSwr(int a, int v, boolean user) { return jitSwlr(a, v, user, false); }

    /** The real address of a compiled store of {@code size} bytes at {@code a}, or -1 as for {@link #loadAt}. */
    private long storeAt(int a, int size, boolean user) {
        long t = (a & (size - 1)) == 0 ? physical(a, Access.STORE, user) : -1;
        return t >= 0 && ram.contains((int) t, size) ? t : -1;
    }

    int jitSw(int a, int v, boolean user) {
        long t = storeAt(a, 4, user);
        if (t < 0) return 1;
        ram.storeWord((int) t, v);
        return stored(a, t, user);
    }

    int jitSh(int a, int v, boolean user) {
        long t = storeAt(a, 2, user);
        if (t < 0) return 1;
        ram.storeHalf((int) t, v);
        return stored(a, t, user);
    }

    int jitSb(int a, int v, boolean user) {
        long t = storeAt(a, 1, user);
        if (t < 0) return 1;
        ram.storeByte((int) t, v);
        return stored(a, t, user);
    }

    /** After a store of compiled code's helpers: 2 if it wrote over decoded code, else 0 (its page remembered). */
    private int stored(int a, long t, boolean user) {
        if (cpu.blockExit) return 2;
        remember(a, t, user, true);
        return 0;
    }

    /** The block at virtual {@code pc}, or null where the interpreter must step (a fault, not RAM, no block). */
    private Block lookup(int pc) {
        if ((pc & 3) != 0) return null;
        long t = cpu.translate(pc, Access.FETCH, cpu.cp0.userMode());
        if (t < 0 || !ram.contains((int) t, 4)) return null;
        return cache.get((int) t);
    }

    /**
     * Runs {@code b} as {@link #runFrom} does from its first instruction, at most {@code budget}
     * instructions of it, through its compiled form when it has one and the budget covers all of
     * it (the compiled code runs the instructions it can, then {@link #runFrom} the rest, so that
     * both paths end alike); counts the runs of a block and compiles it when it is hot.
     *
     * <p>A compiled block that loops on itself may run whole again inside its compiled code, as
     * many times as the budget holds its length after the first run: the runs that the chain
     * would otherwise make one dispatch each ({@link CompiledBlock#run}). They are accounted
     * here as runFrom accounts a whole run, before runFrom finishes the last one.
     */
    private Block runBlock(Block b, final int vpc, final long budget, final boolean user, final long stamp) {
        cpu.blockExit = false;
        cpu.levelSwitched = false;
        final int length = b.length();
        final int max = (int) Math.min(length, budget);
        if (jit) {
            Region g = b.region;
            if (g != null) {
                if (max == length) {
                    jitEnter(stamp);
                    return runRegion(g, vpc, budget, user, stamp);
                }
                return runFrom(b, vpc, max, user, stamp, 0, false, 0);
            }
            CompiledBlock c = b.compiled;
            if (c != null) {
                if (max == length) {
                    jitEnter(stamp);
                    int more = b.loops ? (int) Math.min(budget / length - 1, Integer.MAX_VALUE) : 0;
                    int i = c.run(cpu.r, cpu, this, user, vpc, more);
                    int loops = jitLoops;
                    compiledRuns += 1 + loops;
                    compiledInstructions += i + (long) loops * length;
                    if (loops > 0) retireLoops(loops, length, user);
                    return runFrom(b, vpc, max, user, stamp, i, jitTaken, jitTarget);
                }
            } else if (b.runs < threshold) {
                Block next = runFrom(b, vpc, max, user, stamp, 0, false, 0);
                if (lastRetired > 0) b.runs++;
                return next;
            } else if (b.runs == threshold) {
                b.runs++; // compiled once, at the first entry after its threshold-th run
                if (cache.mayCompile()) {
                    if (regions) b.region = RegionCompiler.compile(cache, b, vpc, threshold, links);
                    if (b.region == null) b.compiled = BlockCompiler.compile(b);
                    if (b.region != null || b.compiled != null) {
                        compiled++;
                        cache.compiledOne();
                        if (b.compiled != null) b.loops = BlockCompiler.mayLoop(b, BlockCompiler.coverage(b));
                    }
                }
            }
        }
        return runFrom(b, vpc, max, user, stamp, 0, false, 0);
    }

    /**
     * Runs region {@code g} from its entry block, entered at {@code vpc} with a budget that
     * covers that block whole: its compiled code runs block after block of the region, and on
     * into the regions it is linked to ({@link Region#linked}) while the budget lasts; the blocks
     * they ran whole are accounted here, as runFrom accounts each block of a chain, and the block
     * the last of them stopped in is finished by runFrom from where the compiled code stopped.
     * Where that block ran whole and led to the head of another region, the exit is linked to it.
     */
    private Block runRegion(Region g, int vpc, long budget, boolean user, long stamp) {
        jitSelf = g;
        jitVpc = vpc;
        jitRetired = 0;
        jitDepth = 0;
        jitLink = -1; // regions compiled without links leave it so
        linkKey = linkKey(stamp);
        int exit = g.code.run(cpu.r, cpu, this, user, vpc, (int) Math.min(budget, Integer.MAX_VALUE));
        Region last = jitSelf;
        int lastVpc = jitVpc, slot = jitLink, followed = jitDepth;
        int k = exit >>> 8;
        int i = exit & 0xFF;
        long retired = jitRetired;
        regionRuns += 1 + followed;
        regionLinks += followed;
        regionInstructions += retired + i;
        compiledRuns += 1 + followed;
        compiledInstructions += retired + i;
        if (retired > 0) {
            account(cpu.counters, retired, retired, user);
            clock.advanceTo(clock.now() + retired);
        }
        Block x = last.blocks[k];
        int max = (int) Math.min(x.length(), budget - retired);
        Block next = runFrom(x, lastVpc + last.offsets[k], max, user, stamp, i, jitTaken, jitTarget);
        // a whole block that left its region for the head of another: link the two
        if (slot >= 0 && next != null && next.region != null) last.link(slot, next.region, cpu.pc, linkKey(stamp));
        return next;
    }

    /** The key links are made under in a chain of {@code stamp}: with the cache's flushes, which drop the blocks. */
    private long linkKey(long stamp) {
        return stamp + (cache.flushes() << 12);
    }

    /**
     * Accounts {@code loops} whole runs of a block of {@code length} instructions that its
     * compiled code made back to back, each from the block's entry to its taken branch back there:
     * the instructions, at the level and in the mode the block runs in, and the clock, exactly as
     * {@link #runFrom} accounts each whole run that retired on the fast path. The pc, npc and
     * delay-slot state they would leave are the block's entry, not in a delay slot: what runFrom
     * sets at the end of the last run anyway. Nothing between the runs could see the difference,
     * since fast-path instructions read neither the clock nor the counters.
     */
    private void retireLoops(int loops, int length, boolean user) {
        long n = (long) loops * length;
        loopedRuns += loops;
        account(cpu.counters, n, n, user);
        clock.advanceTo(clock.now() + n);
    }

    /**
     * Runs the first {@code max} instructions of {@code b}, entered at virtual {@code vpc}, and
     * leaves pc, npc, the delay-slot flag, the clock and the counters exactly as the interpreter
     * would after the same instructions; {@code user} is the mode and {@code stamp} the
     * translation {@link #stamp} it runs under. Returns the next block to run when all of {@code b} ran
     * on the fast path: nothing then can have changed the mode, the mapping, the interrupt lines
     * or the power, so the dispatcher's checks may be skipped (the caller still checks the
     * budget). Otherwise null.
     *
     * <p>The instructions before {@code from} have run already on the fast path (compiled),
     * with the branch outcome {@code taken} and {@code target} if the branch was among them;
     * if {@link Cpu#blockExit} is set, the last of them wrote over decoded code and no more run.
     */
    private Block runFrom(Block b, final int vpc, final int max, final boolean user, final long stamp,
                          int from, boolean taken, int target) {
        final int[] r = cpu.r;
        final Op[] ops = b.ops;
        final byte[] fast = b.fast;
        final int[] words = b.words;
        final int branchAt = b.branchAt;
        final long start = clock.now();
        final Counters counters = cpu.counters; // the level the block runs at, even if it leaves it
        int i = from;
        boolean retiredLast = true;
        boolean slowPath = false;
        final int end = cpu.blockExit ? from : max;
        run:
        for (; i < end; i++) {
            final int w = words[i];
            final int pc = vpc + (i << 2);
            switch (fast[i]) {
                case NOP: break;
                case SLL: r[rd(w)] = r[rt(w)] << sa(w); break;
                case SRL: r[rd(w)] = r[rt(w)] >>> sa(w); break;
                case SRA: r[rd(w)] = r[rt(w)] >> sa(w); break;
                case SLLV: r[rd(w)] = r[rt(w)] << r[rs(w)]; break;
                case SRLV: r[rd(w)] = r[rt(w)] >>> r[rs(w)]; break;
                case SRAV: r[rd(w)] = r[rt(w)] >> r[rs(w)]; break;
                case ADDU: r[rd(w)] = r[rs(w)] + r[rt(w)]; break;
                case SUBU: r[rd(w)] = r[rs(w)] - r[rt(w)]; break;
                case AND: r[rd(w)] = r[rs(w)] & r[rt(w)]; break;
                case OR: r[rd(w)] = r[rs(w)] | r[rt(w)]; break;
                case XOR: r[rd(w)] = r[rs(w)] ^ r[rt(w)]; break;
                case NOR: r[rd(w)] = ~(r[rs(w)] | r[rt(w)]); break;
                case SLT: r[rd(w)] = r[rs(w)] < r[rt(w)] ? 1 : 0; break;
                case SLTU: r[rd(w)] = Integer.compareUnsigned(r[rs(w)], r[rt(w)]) < 0 ? 1 : 0; break;
                case ADDIU: r[rt(w)] = r[rs(w)] + simm(w); break;
                case SLTI: r[rt(w)] = r[rs(w)] < simm(w) ? 1 : 0; break;
                case SLTIU: r[rt(w)] = Integer.compareUnsigned(r[rs(w)], simm(w)) < 0 ? 1 : 0; break;
                case ANDI: r[rt(w)] = r[rs(w)] & uimm(w); break;
                case ORI: r[rt(w)] = r[rs(w)] | uimm(w); break;
                case XORI: r[rt(w)] = r[rs(w)] ^ uimm(w); break;
                case LUI: r[rt(w)] = uimm(w) << 16; break;
                case MFHI: r[rd(w)] = cpu.hi; break;
                case MFLO: r[rd(w)] = cpu.lo; break;
                case MTHI: cpu.hi = r[rs(w)]; break;
                case MTLO: cpu.lo = r[rs(w)]; break;
                case MULT: { long p = (long) r[rs(w)] * r[rt(w)]; cpu.lo = (int) p; cpu.hi = (int) (p >>> 32); break; }
                case MULTU: {
                    long p = (r[rs(w)] & 0xFFFFFFFFL) * (r[rt(w)] & 0xFFFFFFFFL);
                    cpu.lo = (int) p;
                    cpu.hi = (int) (p >>> 32);
                    break;
                }
                case DIV: cpu.div(r[rs(w)], r[rt(w)]); break;
                case DIVU: cpu.divu(r[rs(w)], r[rt(w)]); break;

                case BEQ: taken = r[rs(w)] == r[rt(w)]; target = branchTarget(pc, w); break;
                case BNE: taken = r[rs(w)] != r[rt(w)]; target = branchTarget(pc, w); break;
                case BLEZ: taken = r[rs(w)] <= 0; target = branchTarget(pc, w); break;
                case BGTZ: taken = r[rs(w)] > 0; target = branchTarget(pc, w); break;
                case BLTZ: taken = r[rs(w)] < 0; target = branchTarget(pc, w); break;
                case BGEZ: taken = r[rs(w)] >= 0; target = branchTarget(pc, w); break;
                case BLTZAL: taken = r[rs(w)] < 0; target = branchTarget(pc, w); r[31] = pc + 8; break;
                case BGEZAL: taken = r[rs(w)] >= 0; target = branchTarget(pc, w); r[31] = pc + 8; break;
                case J: taken = true; target = jumpTarget(pc, w); break;
                case JAL: taken = true; target = jumpTarget(pc, w); r[31] = pc + 8; break;
                case JR: taken = true; target = r[rs(w)]; break;
                case JALR: taken = true; target = r[rs(w)]; r[rd(w)] = pc + 8; r[0] = 0; break;

                case LW: {
                    int a = r[rs(w)] + simm(w);
                    long t = (a & 3) == 0 ? physical(a, Access.LOAD, user) : -1;
                    if (t >= 0 && ram.contains((int) t, 4)) { r[rt(w)] = ram.loadWord((int) t); break; }
                    slowPath = true;
                    if (!slow(ops[i], w, pc, i, branchAt, taken, target, start)) { retiredLast = false; break run; }
                    if (cpu.blockExit) { i++; break run; }
                    break;
                }
                case LB: case LBU: {
                    int a = r[rs(w)] + simm(w);
                    long t = physical(a, Access.LOAD, user);
                    if (t >= 0 && ram.contains((int) t, 1)) {
                        int v = ram.loadByte((int) t);
                        r[rt(w)] = fast[i] == LB ? (byte) v : v;
                        break;
                    }
                    slowPath = true;
                    if (!slow(ops[i], w, pc, i, branchAt, taken, target, start)) { retiredLast = false; break run; }
                    if (cpu.blockExit) { i++; break run; }
                    break;
                }
                case LH: case LHU: {
                    int a = r[rs(w)] + simm(w);
                    long t = (a & 1) == 0 ? physical(a, Access.LOAD, user) : -1;
                    if (t >= 0 && ram.contains((int) t, 2)) {
                        int v = ram.loadHalf((int) t);
                        r[rt(w)] = fast[i] == LH ? (short) v : v;
                        break;
                    }
                    slowPath = true;
                    if (!slow(ops[i], w, pc, i, branchAt, taken, target, start)) { retiredLast = false; break run; }
                    if (cpu.blockExit) { i++; break run; }
                    break;
                }
                case LWL: case LWR: {
                    int a = r[rs(w)] + simm(w);
                    long v = jitLwlr(a, r[rt(w)], user, fast[i] == LWL);
                    if (v >= 0) { r[rt(w)] = (int) v; break; }
                    slowPath = true;
                    if (!slow(ops[i], w, pc, i, branchAt, taken, target, start)) { retiredLast = false; break run; }
                    if (cpu.blockExit) { i++; break run; }
                    break;
                }
                case SWL: case SWR: {
                    int a = r[rs(w)] + simm(w);
                    int done = jitSwlr(a, r[rt(w)], user, fast[i] == SWL);
                    if (done == 0) break;
                    if (done == 2) { i++; break run; } // wrote over decoded code
                    slowPath = true;
                    if (!slow(ops[i], w, pc, i, branchAt, taken, target, start)) { retiredLast = false; break run; }
                    if (cpu.blockExit) { i++; break run; }
                    break;
                }
                case SW: case SH: case SB: {
                    int a = r[rs(w)] + simm(w);
                    int size = fast[i] == SW ? 4 : fast[i] == SH ? 2 : 1;
                    long t = (a & (size - 1)) == 0 ? physical(a, Access.STORE, user) : -1;
                    if (t >= 0 && ram.contains((int) t, size)) {
                        int v = r[rt(w)];
                        if (size == 4) ram.storeWord((int) t, v);
                        else if (size == 2) ram.storeHalf((int) t, v);
                        else ram.storeByte((int) t, v);
                        if (cpu.blockExit) { i++; break run; } // wrote over decoded code
                        break;
                    }
                    slowPath = true;
                    if (!slow(ops[i], w, pc, i, branchAt, taken, target, start)) { retiredLast = false; break run; }
                    if (cpu.blockExit) { i++; break run; }
                    break;
                }
                default:
                    slowPath = true;
                    if (!slow(ops[i], w, pc, i, branchAt, taken, target, start)) { retiredLast = false; break run; }
                    if (cpu.blockExit) { i++; break run; }
                    break;
            }
        }
        lastRetired = i;
        if (!retiredLast) {
            // Instruction i trapped, stopped the machine or is waiting: its state is final.
            account(counters, i, i + 1, user);
            if (power.isRunning()) clock.advanceTo(clock.now() + 1); // as Cpu.step: a stopping cycle is not counted
            return null;
        }
        account(counters, i, i, user);
        clock.advanceTo(start + i);
        if (cpu.levelSwitched) {
            // The last instruction (LRMR) made another level live: the CPU holds that level's
            // continuation, not this block's.
            cpu.levelSwitched = false;
            return null;
        }
        int next = vpc + (i << 2);
        if (branchAt >= 0 && i == branchAt + 1) {         // stopped between a branch and its slot
            cpu.pc = next;
            cpu.npc = taken ? target : next + 4;
            cpu.inDelaySlot = true;
            return null;
        }
        int pc = branchAt >= 0 && i == branchAt + 2 && taken ? target : next;
        cpu.pc = pc;
        cpu.npc = pc + 4;
        cpu.inDelaySlot = false;
        if (i != words.length || slowPath || cpu.blockExit) return null;
        return successor(b, taken, pc, stamp);
    }

    /**
     * Instruction {@code i} through the shared semantics, with the CPU state the interpreter
     * would have at it. False if it did not retire.
     */
    private boolean slow(Op op, int w, int pc, int i, int branchAt, boolean taken, int target, long start) {
        boolean inSlot = branchAt >= 0 && i == branchAt + 1;
        cpu.pc = pc;
        cpu.npc = inSlot && taken ? target : pc + 4;
        cpu.inDelaySlot = inSlot;
        clock.advanceTo(start + i);
        long before = stamp();
        boolean retired = cpu.exec(op, w);
        // A CP0 instruction that changed the translation (ASID, TLB, mode): the rest of the
        // block was decoded under the old one and must be fetched again.
        if (retired && stamp() != before) cpu.blockExit = true;
        return retired;
    }

    private void account(Counters counters, long retired, long executed, boolean user) {
        cpu.executed += executed;
        if (user) counters.userInstructions += retired;
        else counters.kernelInstructions += retired;
    }
}
