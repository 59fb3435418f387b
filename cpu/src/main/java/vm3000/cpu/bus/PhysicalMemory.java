package vm3000.cpu.bus;

import java.util.Arrays;

/**
 * RAM from physical address 0. Words are stored as the CPU sees them, so a word access is one
 * array element in either byte order; sub-word accesses pick their byte lane by {@link Endian}.
 * Callers check bounds with {@link #contains}; the accessors assume an in-range, aligned address.
 *
 * <p>A {@link #view} is a page-aligned part of a RAM seen as RAM of its own from physical 0: the
 * same words, so that a monitor can hand a virtual machine's CPU its partition directly. Each
 * memory (the RAM or a view of it) may have a {@link CodeWatcher}, and every write, through any of
 * them, is reported to each watcher that watches the word written, in its own page numbers.
 */
public final class PhysicalMemory {
    private final int[] words;
    /** Index in {@link #words} of this memory's physical address 0. */
    private final int offset;
    private final int size;
    private final Endian endian;
    /** One bit per word of the whole RAM that some watcher watches (shared by the RAM and its views). */
    private final long[] watched;
    /** The RAM's memories that have a watcher, the RAM's and its views'. */
    private final Watchers watchers;
    /** The bits of {@link #watched} that this memory's watcher set, or null while it has none. */
    private long[] mine;
    private CodeWatcher watcher;

    /** Told when memory under {@link #watch} changes, so that decoded copies of it are dropped. */
    @FunctionalInterface
    public interface CodeWatcher {
        void codeWritten(int page);
    }

    private static final class Watchers {
        PhysicalMemory[] all = new PhysicalMemory[0];
        /** Calls of {@link #watch} on the RAM and its views so far. */
        int watches;
    }

    /** No memory at all: {@link #contains} is always false (a CPU whose every access goes through its bus). */
    public static PhysicalMemory none(Endian endian) {
        return new PhysicalMemory(0, endian);
    }

    public PhysicalMemory(int sizeBytes, Endian endian) {
        if (sizeBytes < 0 || (sizeBytes & 0xFFF) != 0) {
            throw new IllegalArgumentException("RAM size must be a multiple of 4 KiB: " + sizeBytes);
        }
        this.words = new int[sizeBytes >>> 2];
        this.offset = 0;
        this.size = sizeBytes;
        this.endian = endian;
        this.watched = new long[(sizeBytes >>> 8) + 1];
        this.watchers = new Watchers();
    }

    private PhysicalMemory(PhysicalMemory of, int base, int sizeBytes) {
        this.words = of.words;
        this.offset = of.offset + (base >>> 2);
        this.size = sizeBytes;
        this.endian = of.endian;
        this.watched = of.watched;
        this.watchers = of.watchers;
    }

    /**
     * The {@code sizeBytes} of this memory from {@code base} as a memory of its own: its physical
     * address p is this memory's {@code base + p}. Both are page-aligned and inside this memory.
     */
    public PhysicalMemory view(int base, int sizeBytes) {
        if ((base & 0xFFF) != 0 || (sizeBytes & 0xFFF) != 0 || base < 0 || sizeBytes < 0
                || (long) base + sizeBytes > size) {
            throw new IllegalArgumentException(String.format("no view of 0x%x bytes at 0x%x in a RAM of 0x%x bytes",
                    sizeBytes, base, size));
        }
        return new PhysicalMemory(this, base, sizeBytes);
    }

    /** Reports writes to the words of {@code [paddr, paddr + length)} to the watcher. */
    public void watch(int paddr, int length) {
        watchers.watches++;
        for (int w = offset + (paddr >>> 2), end = offset + ((paddr + length + 3) >>> 2); w < end; w++) {
            mine[w >>> 6] |= 1L << w;
            watched[w >>> 6] |= 1L << w;
        }
    }

    /**
     * How many times {@link #watch} has been called on this RAM and its views: while it stays the
     * same, no word that was unwatched has come under watch.
     */
    public int watches() { return watchers.watches; }

    /** True when some watcher watches a word of the page at {@code paddr} (in RAM). */
    public boolean pageWatched(int paddr) {
        int first = (offset + ((paddr & ~0xFFF) >>> 2)) >>> 6;
        for (int i = first; i < first + 16; i++) if (watched[i] != 0) return true;
        return false;
    }

    /**
     * The array that holds this memory's words, the whole RAM's, for code that reads and writes
     * words directly ({@code BlockCore}'s compiled code): the word at {@code paddr} is element
     * {@link #wordIndex}. Writes made there are reported to no watcher: they must go only to pages
     * that {@link #pageWatched} says have no watched word, while {@link #watches} stays the same.
     */
    public int[] words() { return words; }

    /** The index in {@link #words} of the word at {@code paddr} (in RAM). */
    public int wordIndex(int paddr) { return offset + (paddr >>> 2); }

    /** Stops reporting writes anywhere in physical page {@code page} (to this memory's watcher). */
    public void unwatchPage(int page) {
        for (int i = (offset >>> 6) + (page << 4), end = i + 16; i < end; i++) {
            mine[i] = 0;
            long any = 0;
            for (PhysicalMemory m : watchers.all) any |= m.mine[i];
            watched[i] = any;
        }
    }

    /** Sets this memory's watcher (once: a memory's watcher is the block cache of the CPU it belongs to). */
    public void setCodeWatcher(CodeWatcher w) {
        if (mine == null) {
            mine = new long[watched.length];
            PhysicalMemory[] all = Arrays.copyOf(watchers.all, watchers.all.length + 1);
            all[all.length - 1] = this;
            watchers.all = all;
        }
        watcher = w;
    }

    /** Each watcher of the word written is told of the write: its page; it then unwatches what it dropped. */
    private void written(int paddr) {
        int w = offset + (paddr >>> 2);
        if ((watched[w >>> 6] & (1L << w)) != 0) {
            for (PhysicalMemory m : watchers.all) {
                if ((m.mine[w >>> 6] & (1L << w)) != 0) m.watcher.codeWritten((w - m.offset) >>> 10);
            }
        }
    }

    public int size() { return size; }
    public Endian endian() { return endian; }

    /** True when {@code [paddr, paddr+len)} lies inside RAM (addresses are unsigned). */
    public boolean contains(int paddr, int len) {
        long a = paddr & 0xFFFFFFFFL;
        return a + len <= size;
    }

    public int loadWord(int paddr) { return words[offset + (paddr >>> 2)]; }

    public void storeWord(int paddr, int value) {
        words[offset + (paddr >>> 2)] = value;
        written(paddr);
    }

    public int loadHalf(int paddr) {
        return (words[offset + (paddr >>> 2)] >>> endian.halfShift(paddr)) & 0xFFFF;
    }

    public int loadByte(int paddr) {
        return (words[offset + (paddr >>> 2)] >>> endian.byteShift(paddr)) & 0xFF;
    }

    public void storeHalf(int paddr, int value) {
        int shift = endian.halfShift(paddr);
        int i = offset + (paddr >>> 2);
        words[i] = (words[i] & ~(0xFFFF << shift)) | ((value & 0xFFFF) << shift);
        written(paddr);
    }

    public void storeByte(int paddr, int value) {
        int shift = endian.byteShift(paddr);
        int i = offset + (paddr >>> 2);
        words[i] = (words[i] & ~(0xFF << shift)) | ((value & 0xFF) << shift);
        written(paddr);
    }

    /** Reads {@code size} (1, 2 or 4) bytes at the aligned {@code paddr}, zero-extended. */
    public long load(int paddr, int size) {
        switch (size) {
            case 4: return loadWord(paddr) & 0xFFFFFFFFL;
            case 2: return loadHalf(paddr);
            default: return loadByte(paddr);
        }
    }

    /** Writes the low {@code size} (1, 2 or 4) bytes of {@code value} at the aligned {@code paddr}. */
    public void store(int paddr, int size, int value) {
        switch (size) {
            case 4: storeWord(paddr, value); break;
            case 2: storeHalf(paddr, value); break;
            default: storeByte(paddr, value); break;
        }
    }

    /** Copies {@code bytes} into RAM at {@code paddr}, byte by byte in address order. */
    public void write(int paddr, byte[] bytes, int offset, int length) {
        for (int i = 0; i < length; i++) storeByte(paddr + i, bytes[offset + i]);
    }

    /** Reads {@code length} bytes at {@code paddr} in address order. */
    public byte[] read(int paddr, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) out[i] = (byte) loadByte(paddr + i);
        return out;
    }

    public void clear() {
        Arrays.fill(words, offset, offset + (size >>> 2), 0);
        for (int pa = 0; pa < size; pa += 4) written(pa);
    }
}
