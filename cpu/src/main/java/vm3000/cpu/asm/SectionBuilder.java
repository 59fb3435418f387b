package vm3000.cpu.asm;

import java.util.Arrays;
import vm3000.cpu.bus.Endian;

/** The contents of one output section while a pass runs: bytes, size and alignment. */
final class SectionBuilder {
    /** The largest section: every way of growing one (data, fill, .org, .align) stops here. */
    static final int MAX_SIZE = 1 << 28;

    final String name;
    final boolean nobits;
    final boolean executable;
    final boolean writable;
    private final Endian endian;
    private byte[] bytes = new byte[256];
    private int size;
    /** The largest alignment the section's contents ask for. */
    private int align = 4;
    /** Virtual address, known after the layout pass. */
    int base;

    SectionBuilder(String name, boolean nobits, boolean executable, boolean writable, Endian endian) {
        this.name = name;
        this.nobits = nobits;
        this.executable = executable;
        this.writable = writable;
        this.endian = endian;
    }

    int size() { return size; }
    int align() { return align; }
    int address() { return base + size; }

    void requireAlign(int bytes) { align = Math.max(align, bytes); }

    /** Pads with zero bytes to offset {@code offset}, which must not be behind the current one. */
    void padTo(long offset) throws BadInput {
        if (offset < size) throw new BadInput("cannot move location counter backwards in " + name);
        ensure(offset);
        size = (int) offset;
    }

    /** Appends {@code n} bytes of {@code value}: checked against the size limit first, then filled at once. */
    void fill(long n, int value) throws BadInput {
        if (n < 0 || n > MAX_SIZE - size) throw tooLarge();
        if (value == 0) { padTo(size + n); return; }
        data();
        ensure(size + n);
        Arrays.fill(bytes, size, size + (int) n, (byte) value);
        size += (int) n;
    }

    /** Pads to a multiple of {@code bytes} (a power of two). */
    void alignTo(int bytes) throws BadInput {
        requireAlign(bytes);
        padTo((size + bytes - 1) & -bytes);
    }

    void putByte(int v) throws BadInput {
        data();
        ensure(size + 1L);
        bytes[size++] = (byte) v;
    }

    void putHalf(int v) throws BadInput {
        if (endian == Endian.BIG) { putByte(v >> 8); putByte(v); }
        else { putByte(v); putByte(v >> 8); }
    }

    void putWord(int v) throws BadInput {
        if (endian == Endian.BIG) { putHalf(v >>> 16); putHalf(v); }
        else { putHalf(v); putHalf(v >>> 16); }
    }

    private void data() throws BadInput {
        if (nobits) throw new BadInput("initialised data in " + name + " (only .space, .align and labels)");
    }

    /** Makes room for {@code n} bytes in all, or refuses a section larger than {@link #MAX_SIZE}. */
    private void ensure(long n) throws BadInput {
        if (n > MAX_SIZE) throw tooLarge();
        if (!nobits && n > bytes.length) bytes = Arrays.copyOf(bytes, (int) Math.min(MAX_SIZE, Math.max(n, bytes.length * 2L)));
    }

    private BadInput tooLarge() {
        return new BadInput("section " + name + " larger than " + (MAX_SIZE >> 20) + " MiB");
    }

    byte[] contents() { return nobits ? new byte[0] : Arrays.copyOf(bytes, size); }

    void reset() { size = 0; }
}
