package vm3000.cpu.bus;

import java.util.Arrays;

/**
 * RAM from physical address 0. Words are stored as the CPU sees them, so a word access is one
 * array element in either byte order; sub-word accesses pick their byte lane by {@link Endian}.
 * Callers check bounds with {@link #contains}; the accessors assume an in-range, aligned address.
 */
public final class PhysicalMemory {
    private final int[] words;
    private final int size;
    private final Endian endian;
    /** One bit per word that holds decoded code: a write to such a word is reported to the watcher. */
    private final long[] watched;
    private CodeWatcher watcher;

    /** Told when memory under {@link #watch} changes, so that decoded copies of it are dropped. */
    @FunctionalInterface
    public interface CodeWatcher {
        void codeWritten(int page);
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
        this.size = sizeBytes;
        this.endian = endian;
        this.watched = new long[(sizeBytes >>> 8) + 1];
    }

    /** Reports writes to the words of {@code [paddr, paddr + length)} to the watcher. */
    public void watch(int paddr, int length) {
        for (int w = paddr >>> 2, end = (paddr + length + 3) >>> 2; w < end; w++) watched[w >>> 6] |= 1L << w;
    }

    /** Stops reporting writes anywhere in physical page {@code page}. */
    public void unwatchPage(int page) {
        java.util.Arrays.fill(watched, page << 4, (page + 1) << 4, 0L);
    }

    public void setCodeWatcher(CodeWatcher w) { watcher = w; }

    /** The watcher is told of a write to a watched word: its page; it then unwatches what it dropped. */
    private void written(int paddr) {
        int w = paddr >>> 2;
        if ((watched[w >>> 6] & (1L << w)) != 0) watcher.codeWritten(paddr >>> 12);
    }

    public int size() { return size; }
    public Endian endian() { return endian; }

    /** True when {@code [paddr, paddr+len)} lies inside RAM (addresses are unsigned). */
    public boolean contains(int paddr, int len) {
        long a = paddr & 0xFFFFFFFFL;
        return a + len <= size;
    }

    public int loadWord(int paddr) { return words[paddr >>> 2]; }

    public void storeWord(int paddr, int value) {
        words[paddr >>> 2] = value;
        written(paddr);
    }

    public int loadHalf(int paddr) {
        return (words[paddr >>> 2] >>> endian.halfShift(paddr)) & 0xFFFF;
    }

    public int loadByte(int paddr) {
        return (words[paddr >>> 2] >>> endian.byteShift(paddr)) & 0xFF;
    }

    public void storeHalf(int paddr, int value) {
        int shift = endian.halfShift(paddr);
        int i = paddr >>> 2;
        words[i] = (words[i] & ~(0xFFFF << shift)) | ((value & 0xFFFF) << shift);
        written(paddr);
    }

    public void storeByte(int paddr, int value) {
        int shift = endian.byteShift(paddr);
        int i = paddr >>> 2;
        words[i] = (words[i] & ~(0xFF << shift)) | ((value & 0xFF) << shift);
        written(paddr);
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
        Arrays.fill(words, 0);
        for (int pa = 0; pa < size; pa += 4) written(pa);
    }
}
