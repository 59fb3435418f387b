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
 */
final class BlockCache implements PhysicalMemory.CodeWatcher {
    private static final int PER_PAGE = 1024;

    private final PhysicalMemory ram;
    private final Cpu cpu;
    private final Block[][] pages;
    private long built;
    private long invalidations;

    BlockCache(Cpu cpu) {
        this.cpu = cpu;
        this.ram = cpu.ram;
        this.pages = new Block[ram.size() >>> 12][];
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
        if (table == null) {
            table = new Block[PER_PAGE];
            pages[page] = table;
        }
        table[slot] = b;
        ram.watch(pa, b.length() << 2);
        built++;
        return b;
    }

    @Override
    public void codeWritten(int page) {
        pages[page] = null;
        ram.unwatchPage(page);
        invalidations++;
        cpu.blockExit = true; // the running block may be stale from the next instruction on
    }

    long built() { return built; }
    long invalidations() { return invalidations; }

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
