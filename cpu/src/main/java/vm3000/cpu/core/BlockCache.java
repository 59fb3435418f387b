package vm3000.cpu.core;

import java.util.ArrayList;
import java.util.List;

import vm3000.cpu.bus.PhysicalMemory;
import vm3000.cpu.isa.Decoder;
import vm3000.cpu.isa.Op;

/**
 * Decoded blocks keyed by the physical address of their first instruction, one table per
 * physical page. The words a block was decoded from are watched: any write to one of them (a
 * store by either core, a loader, a monitor) drops all the blocks of that page, which is what
 * makes self-modifying code and program loading exact, while data that shares a page with code
 * costs nothing. Translation is not part of the key, so TLB writes and ASID changes
 * need no invalidation: the block core translates the PC whenever it enters a block from its
 * dispatcher, and reuses a chained successor only while the TLB's write count, the mode, the
 * ASID and this cache's invalidation count are what they were when the link was made.
 *
 * <p><b>Bounded.</b> A guest can enter its code at any word, and every entry point is a block
 * of up to {@link Block#MAX} instructions, so without a bound a guest that jumps through its RAM
 * would make the host hold hundreds of bytes per guest byte. The cache holds at most
 * {@link BlockCore.CacheLimits} blocks, decoded instructions, page tables and compiled blocks;
 * when a new block would exceed one of them, the whole cache is dropped first (a flush, as
 * QEMU flushes its translation buffer when it is full) and decoding starts again. A flush
 * happens only between two blocks, in {@link #get}, never while a block runs; it changes no
 * guest-visible state, since blocks are only a faster way of running the same instructions,
 * so flushes are invisible to the guest, its cycle counts included. The blocks dropped, by a
 * flush or by a write over their code, lose their chain links, so that a dropped block keeps no
 * other block alive: live blocks may still point at up to two dropped ones, and that is all the
 * memory dropped blocks can hold.
 */
final class BlockCache implements PhysicalMemory.CodeWatcher {
    private static final int PER_PAGE = 1024;

    private final PhysicalMemory ram;
    private final Cpu cpu;
    private final Block[][] pages;
    /** The blocks of each page, linked through {@link Block#pageNext}. */
    private final Block[] firstInPage;
    /** The pages that have a table, the first {@link #tables} of them; and where each page is in it. */
    private int[] tablePages = new int[16];
    private final int[] tableSlot;
    private BlockCore.CacheLimits limits = BlockCore.CacheLimits.DEFAULT;
    private int tables;
    private int blocks;
    private long instructions;
    private int compiled;
    private long built;
    private long invalidations;
    private long flushes;

    BlockCache(Cpu cpu) {
        this.cpu = cpu;
        this.ram = cpu.ram;
        this.pages = new Block[ram.size() >>> 12][];
        this.firstInPage = new Block[pages.length];
        this.tableSlot = new int[pages.length];
        ram.setCodeWatcher(this);
    }

    /** The block at physical {@code pa} (in RAM, word-aligned), decoded now if need be; null if none can start there. */
    Block get(int pa) {
        int page = pa >>> 12;
        Block[] table = pages[page];
        int slot = (pa >>> 2) & (PER_PAGE - 1);
        if (table != null && table[slot] != null) return table[slot];
        Block b = decode(pa);
        if (b == null) return null;
        b.pa = pa;
        if (blocks + 1 > limits.blocks() || instructions + b.length() > limits.instructions()
                || (table == null && tables + 1 > limits.pages()) || compiled >= limits.compiled()) {
            flush();
            table = null;
        }
        if (table == null) {
            table = new Block[PER_PAGE];
            pages[page] = table;
            if (tables == tablePages.length) tablePages = java.util.Arrays.copyOf(tablePages, tables * 2);
            tableSlot[page] = tables;
            tablePages[tables++] = page;
        }
        table[slot] = b;
        b.pageNext = firstInPage[page];
        firstInPage[page] = b;
        blocks++;
        instructions += b.length();
        ram.watch(pa, b.length() << 2);
        built++;
        return b;
    }

    /** Whether another block may be given compiled code now; if not, the next new block flushes the cache. */
    boolean mayCompile() { return compiled < limits.compiled(); }

    /** A block of the cache has been given compiled code. */
    void compiledOne() { compiled++; }

    @Override
    public void codeWritten(int page) {
        if (pages[page] != null) {
            drop(page);
            int last = tablePages[--tables];
            tablePages[tableSlot[page]] = last;
            tableSlot[last] = tableSlot[page];
        } else {
            ram.unwatchPage(page);
        }
        invalidations++;
        cpu.blockExit = true; // the running block may be stale from the next instruction on
    }

    /**
     * Drops every block. Called only between blocks: no block of the cache is running, and the
     * chain that asked for the new block goes on with blocks decoded after the flush.
     */
    private void flush() {
        for (int i = 0; i < tables; i++) drop(tablePages[i]);
        tables = 0;
        flushes++;
    }

    /** Drops the blocks of {@code page}, their links and the watch on their words. */
    private void drop(int page) {
        for (Block b = firstInPage[page]; b != null; ) {
            Block next = b.pageNext;
            blocks--;
            instructions -= b.length();
            if (b.compiled != null || b.region != null) compiled--;
            b.fallNext = null;
            b.takenNext = null;
            b.pageNext = null;
            b = next;
        }
        firstInPage[page] = null;
        pages[page] = null;
        ram.unwatchPage(page);
    }

    /** Applies {@code l} from now on; drops everything, so that the cache is within them. */
    void limit(BlockCore.CacheLimits l) {
        limits = l;
        flush();
    }

    /** Runs {@code action} on every block in the cache. */
    void forEachBlock(java.util.function.Consumer<Block> action) {
        for (int i = 0; i < tables; i++) {
            for (Block b = firstInPage[tablePages[i]]; b != null; b = b.pageNext) action.accept(b);
        }
    }

    long built() { return built; }
    long invalidations() { return invalidations; }
    long flushes() { return flushes; }
    int blocks() { return blocks; }
    long instructions() { return instructions; }
    int tables() { return tables; }
    int compiled() { return compiled; }

    /**
     * Decodes the block starting at {@code pa}. Returns null when the first instruction cannot
     * start a block (reserved, or a branch whose delay slot is on the next page or is itself a
     * branch): the interpreter steps over such code.
     */
    private Block decode(int pa) {
        int pageEnd = (pa | 0xFFF) + 1;
        List<Op> ops = new ArrayList<>();
        List<Integer> words = new ArrayList<>();
        int branchAt = -1;
        for (int a = pa; a != pageEnd && ops.size() < Block.MAX; a += 4) {
            int w = ram.loadWord(a);
            Op op = Decoder.decode(w);
            if (op == null) break;
            if (op.has(Op.Flag.DELAY_SLOT)) {
                Op slot = a + 4 == pageEnd ? null : Decoder.decode(ram.loadWord(a + 4));
                if (slot == null || slot.has(Op.Flag.DELAY_SLOT)) break;
                ops.add(op);
                words.add(w);
                ops.add(slot);
                words.add(ram.loadWord(a + 4));
                branchAt = ops.size() - 2;
                break;
            }
            ops.add(op);
            words.add(w);
            if (op.has(Op.Flag.ENDS_BLOCK)) break;
        }
        if (ops.isEmpty()) return null;
        int[] w = new int[words.size()];
        for (int i = 0; i < w.length; i++) w[i] = words.get(i);
        return new Block(ops.toArray(new Op[0]), w, branchAt);
    }
}
