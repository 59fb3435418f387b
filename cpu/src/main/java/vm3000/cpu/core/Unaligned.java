package vm3000.cpu.core;

import vm3000.cpu.bus.Endian;

/**
 * The byte merges of the R3000's unaligned loads and stores (LWL, LWR, SWL, SWR), shared by the
 * interpreter ({@link Cpu}) and the block core's fast paths. {@code msb} is the byte offset of the
 * effective address in its word counted from the most significant byte ({@link #msbOffset}).
 */
final class Unaligned {
    private Unaligned() {}

    /** Byte offset of {@code vaddr} in its word counted from the most significant byte. */
    static int msbOffset(Endian e, int vaddr) {
        return e == Endian.BIG ? vaddr & 3 : 3 - (vaddr & 3);
    }

    /** LWL: {@code old} with the bytes of {@code word} from the address on in its most significant end. */
    static int lwl(int word, int old, int msb) {
        int k = msb << 3;
        return (word << k) | (old & ((1 << k) - 1));
    }

    /** LWR: {@code old} with the bytes of {@code word} up to the address in its least significant end. */
    static int lwr(int word, int old, int msb) {
        int k = (3 - msb) << 3;
        return (word >>> k) | (old & ~(-1 >>> k));
    }

    /** SWL: {@code word} with the bytes of {@code value} from its most significant end, up to the word boundary. */
    static int swl(int word, int value, int msb) {
        int k = msb << 3;
        return (word & ~(-1 >>> k)) | (value >>> k);
    }

    /** SWR: {@code word} with the bytes of {@code value} from its least significant end, down to the word boundary. */
    static int swr(int word, int value, int msb) {
        int k = (3 - msb) << 3;
        return (word & ~(-1 << k)) | (value << k);
    }
}
