package vm3000.cpu.core;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import vm3000.cpu.isa.Decoder;
import vm3000.cpu.isa.Op;

/**
 * The compiled code shared by all machines is a bounded table, least recently used first out:
 * guests that compile ever new code cannot make it hold ever more classes.
 */
class SharedCompiledCodeTest {
    /** A block of two instructions, {@code addiu $t0, $t0, k; addiu $t1, $t1, salt}: distinct code for each (k, salt). */
    private static Block block(int k, int salt) {
        int[] words = {0x25080000 | (k & 0xFFFF), 0x25290000 | (salt & 0xFFFF)};
        Op[] ops = {Decoder.decode(words[0]), Decoder.decode(words[1])};
        return new Block(ops, words, -1);
    }

    @Test
    void moreCodeThanTheTableHolds_oldestLeavesAndTheTableStaysBounded() {
        int salt = 0x7A11; // code no other test compiles
        CompiledBlock first = BlockCompiler.compile(block(0, salt));
        CompiledBlock kept = null;
        for (int k = 1; k <= BlockCompiler.SHARED_MAX + 64; k++) {
            BlockCompiler.compile(block(k, salt));
            if (k == BlockCompiler.SHARED_MAX / 2) kept = BlockCompiler.compile(block(k, salt));
            if (k % 512 == 0) BlockCompiler.compile(block(BlockCompiler.SHARED_MAX / 2, salt)); // keep it recent
            assertTrue(BlockCompiler.sharedSize() <= BlockCompiler.SHARED_MAX, BlockCompiler.sharedSize() + " entries");
        }
        assertNotSame(first, BlockCompiler.compile(block(0, salt)), "the least recently used code is still shared");
        assertSame(kept, BlockCompiler.compile(block(BlockCompiler.SHARED_MAX / 2, salt)), "recently used code was evicted");
    }
}
