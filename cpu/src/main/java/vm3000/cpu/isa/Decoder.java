package vm3000.cpu.isa;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes an instruction word to its {@link Op}, or {@code null} for a reserved encoding (RI).
 *
 * <p>Built entirely from {@link Op}: each primary opcode either names one entry or owns a
 * secondary table indexed by the remaining opcode bits of its entries' masks (funct for SPECIAL,
 * rt for REGIMM, rs and funct for COP0). Those bits form at most two contiguous runs, which the
 * constructor checks, so a decode is two array loads, a few shifts and the entry's own
 * mask check.
 *
 * <p>A bit that only one entry of a primary opcode checks cannot tell two entries apart, so it
 * is left out of the key and checked by that entry's mask at decode time: LRMR's zero bits 15..6
 * would otherwise make the COP0 table 2<sup>21</sup> entries (8 MB, and a fifth of a second or more to
 * build at every start) instead of 2<sup>11</sup>.
 */
public final class Decoder {
    private static final Decoder INSTANCE = new Decoder();

    private final Op[] primary = new Op[64];
    private final Op[][] secondary = new Op[64][];
    private final int[] hiShift = new int[64];
    private final int[] hiMask = new int[64];
    private final int[] loShift = new int[64];
    private final int[] loMask = new int[64];
    private final int[] loWidth = new int[64];

    private Decoder() {
        for (int opcode = 0; opcode < 64; opcode++) {
            List<Op> ops = new ArrayList<>();
            for (Op op : Op.values()) {
                if (op.match() >>> 26 == opcode) ops.add(op);
            }
            if (ops.isEmpty()) continue;
            int union = 0;
            int shared = 0;
            for (Op op : ops) {
                int bits = op.mask() & 0x03FFFFFF;
                shared |= union & bits;
                union |= bits;
            }
            if (union == 0) {
                if (ops.size() != 1) throw new IllegalStateException("overlapping entries at opcode " + opcode);
                primary[opcode] = ops.get(0);
                continue;
            }
            buildSecondary(opcode, ops.size() == 1 ? union : shared, ops);
        }
    }

    /** The table of {@code opcode}, indexed by the {@code key} bits of the word. */
    private void buildSecondary(int opcode, int key, List<Op> ops) {
        int lo = Integer.numberOfTrailingZeros(key);
        int loRun = Integer.numberOfTrailingZeros(~(key >>> lo));
        int rest = key & ~(((1 << loRun) - 1) << lo);
        int hi = rest == 0 ? 0 : Integer.numberOfTrailingZeros(rest);
        int hiRun = rest == 0 ? 0 : Integer.numberOfTrailingZeros(~(rest >>> hi));
        if ((rest & ~(((1 << hiRun) - 1) << hi)) != 0) {
            throw new IllegalStateException("opcode " + opcode + ": key bits form more than two runs");
        }
        loShift[opcode] = lo;
        loMask[opcode] = (1 << loRun) - 1;
        loWidth[opcode] = loRun;
        hiShift[opcode] = hi;
        hiMask[opcode] = (1 << hiRun) - 1;
        Op[] table = new Op[1 << (loRun + hiRun)];
        for (int k = 0; k < table.length; k++) {
            int word = (opcode << 26) | ((k & loMask[opcode]) << lo) | ((k >>> loRun) << hi);
            for (Op op : ops) {
                // op may own this slot if it agrees with the word on the key bits (its other bits are checked at decode)
                if (((word ^ op.match()) & op.mask() & (key | 0xFC000000)) == 0) {
                    if (table[k] != null) {
                        throw new IllegalStateException(table[k] + " and " + op + " overlap");
                    }
                    table[k] = op;
                }
            }
        }
        secondary[opcode] = table;
    }

    /** The entry for {@code word}, or {@code null} if the encoding is reserved. */
    public static Op decode(int word) {
        return INSTANCE.lookup(word);
    }

    private Op lookup(int word) {
        int opcode = word >>> 26;
        Op[] table = secondary[opcode];
        if (table == null) return primary[opcode];
        int key = ((word >>> loShift[opcode]) & loMask[opcode])
                | (((word >>> hiShift[opcode]) & hiMask[opcode]) << loWidth[opcode]);
        Op op = table[key];
        return op != null && op.matches(word) ? op : null;
    }
}
