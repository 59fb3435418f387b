package vm3000.cpu.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * A region's loops get one entry each: the jumps RegionLoops keeps inside the region make every
 * graph of blocks reducible, and a graph that already is keeps all of them.
 */
class RegionLoopsTest {
    /** The graph the compiled method has: the blocks with the jumps kept, and an entry node n going to block 0. */
    static int[][] withEntry(int[][] succ) {
        int[][] g = Arrays.copyOf(succ, succ.length + 1);
        g[succ.length] = new int[] {0};
        return g;
    }

    @Test
    void aLoopWithOneEntry_keepsEveryJump() {
        int[][] succ = {{1}, {2}, {1, 3}, {0}}; // 1-2 inner loop, 0..3 outer
        assertArrayEquals(succ, RegionLoops.kept(succ));
    }

    /** Block 0 branches into both halves of the loop 1 <-> 2: the jump to the second half leaves the region. */
    @Test
    void aLoopEnteredAtTwoBlocks_keepsTheEntryNearestTheHead() {
        int[][] succ = {{1, 2}, {2}, {1, 3}, {}};
        int[][] kept = RegionLoops.kept(succ);
        assertArrayEquals(new int[][] {{1}, {2}, {1, 3}, {}}, kept);
        assertFalse(Reducible.reducible(withEntry(succ), succ.length), "the graph itself");
        assertTrue(Reducible.reducible(withEntry(kept), succ.length), "with the jumps kept");
    }

    /**
     * The shape HotSpot's C1 refused in compute.c's regions: the region's entry block leads into a
     * loop at its top and, through another block, into its middle (two blocks ending in the same
     * branch), inside an outer loop back to the entry.
     */
    @Test
    void aLoopEnteredInItsMiddle_insideAnOuterLoop_losesOneJumpAtTheInnerLevel() {
        // 0 -> 1 (top) | 2 (outer part); 1 -> 1 | 2; 2 -> 3 (middle) | 4; 3 -> 1 | 2; 4 -> 0
        int[][] succ = {{1, 2}, {1, 2}, {3, 4}, {1, 2}, {0}};
        assertFalse(Reducible.reducible(withEntry(succ), succ.length), "the graph itself");
        int[][] kept = RegionLoops.kept(succ);
        assertArrayEquals(new int[][] {{1}, {1, 2}, {3, 4}, {1, 2}, {0}}, kept, "0 -> 2 leaves the region");
        assertTrue(Reducible.reducible(withEntry(kept), succ.length));
    }

    /** Random graphs of up to 48 blocks with at most two successors each, as regions have. */
    @Test
    void randomGraphs_becomeReducible_andReducibleOnesKeepEveryJump() {
        SplittableRandom rnd = new SplittableRandom(2026);
        int irreducible = 0;
        for (int round = 0; round < 3000; round++) {
            int n = 1 + rnd.nextInt(round < 2000 ? 8 : 48);
            int[][] succ = new int[n][];
            for (int u = 0; u < n; u++) {
                int k = 1 + rnd.nextInt(2);
                succ[u] = rnd.ints(k, 0, n).distinct().toArray();
            }
            int[][] kept = RegionLoops.kept(succ);
            assertTrue(Reducible.reducible(withEntry(kept), n), "round " + round + ": " + Arrays.deepToString(succ)
                    + " kept " + Arrays.deepToString(kept));
            for (int u = 0; u < n; u++) {
                final int[] of = succ[u];
                assertTrue(Arrays.stream(kept[u]).allMatch(v -> Arrays.stream(of).anyMatch(x -> x == v)), "only jumps it had");
            }
            boolean was = Reducible.reducible(withEntry(succ), n);
            if (was) {
                assertTrue(Arrays.deepEquals(succ, kept), "round " + round + ": a jump cut in a reducible graph "
                        + Arrays.deepToString(succ) + " " + Arrays.deepToString(kept));
            } else {
                irreducible++;
            }
        }
        assertTrue(irreducible > 100, "only " + irreducible + " irreducible graphs among the random ones");
    }
}
