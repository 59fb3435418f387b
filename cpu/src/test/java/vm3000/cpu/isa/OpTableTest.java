package vm3000.cpu.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class OpTableTest {
    @Test
    void table_noTwoEntries_overlap() {
        Op[] ops = Op.values();
        for (int i = 0; i < ops.length; i++) {
            for (int j = i + 1; j < ops.length; j++) {
                Op a = ops[i];
                Op b = ops[j];
                boolean overlap = (a.mask() & b.mask() & (a.match() ^ b.match())) == 0;
                assertFalse(overlap, a + " and " + b + " overlap");
            }
        }
    }

    @Test
    void decode_everyMatch_givesItsEntry() {
        for (Op op : Op.values()) assertEquals(op, Decoder.decode(op.match()), op.name());
    }

    @Test
    void decode_matchWithUnusedFieldsSet_givesItsEntry() {
        for (Op op : Op.values()) assertEquals(op, Decoder.decode(op.match() | ~op.mask()), op.name());
    }

    @Test
    void decode_matchWithACheckedBitFlipped_isNotItsEntry() {
        // Bits that only one entry checks (LRMR's zero bits 15..6) are not in the decoder's key.
        for (Op op : Op.values()) {
            for (int bit = 0; bit < 32; bit++) {
                if ((op.mask() & (1 << bit)) == 0) continue;
                assertNotEquals(op, Decoder.decode(op.match() ^ (1 << bit)), op.name() + " bit " + bit);
            }
        }
    }

    @Test
    void decode_lrmrWithNonzeroBits15to6_isNull() {
        assertEquals(Op.LRMR, Decoder.decode(0x42000038 | (7 << 16)));
        assertNull(Decoder.decode(0x42000038 | (1 << 6)));
        assertNull(Decoder.decode(0x42000038 | (1 << 15)));
    }

    @Test
    void decode_reservedSpecialFunct_isNull() {
        assertNull(Decoder.decode(0x00000001));
    }

    @Test
    void table_mnemonics_areUnique() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Op op : Op.values()) assertFalse(!seen.add(op.mnemonic()), op.mnemonic());
    }
}
