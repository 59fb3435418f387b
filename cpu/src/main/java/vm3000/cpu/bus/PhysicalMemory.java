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
    /** Pages that hold decoded code: a write to one is reported to the watcher. */
    private final boolean[] watched;
    private CodeWatcher watcher;

    /** Told when memory under {@link #watch} changes, so that decoded copies of it are dropped. */
    @FunctionalInterface
    public interface CodeWatcher {
        void codeWritten(int page);
    }

    public PhysicalMemory(int sizeBytes, Endian endian) {
        if (sizeBytes <= 0 || (sizeBytes & 0xFFF) != 0) {
            throw new IllegalArgumentException("RAM size must be a positive multiple of 4 KiB: " + sizeBytes);
        }
        this.words = new int[sizeBytes >>> 2];
        this.size = sizeBytes;
        this.endian = endian;
        this.watched = new boolean[sizeBytes >>> 12];
    }

    /** Reports writes to physical page {@code page} to the watcher until the next such write. */
    public void watch(int page) { watched[page] = true; }

    public void setCodeWatcher(CodeWatcher w) { watcher = w; }

    private void written(int paddr) {
        int page = paddr >>> 12;
        if (watched[page]) {
            watched[page] = false;
            watcher.codeWritten(page);
        }
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
        for (int p = 0; p < watched.length; p++) written(p << 12);
    }
}
