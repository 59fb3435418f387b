package vm3000.cpu.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * A region's loops get one entry each: the guards RegionLoops chooses make every graph of blocks
 * reducible, and a graph that already is gets none (its jumps stay direct).
 */
class RegionLoopsTest {
    /**
     * The graph the compiled method has: the blocks, then one node per guard, then the method's
     * entry; a jump to a guarded block goes to its guard, which goes on to each of its blocks.
     */
    static int[][] guarded(int[][] succ, int[] guard) {
        int n = succ.length;
        int guards = Arrays.stream(guard).max().orElse(-1) + 1;
        int[][] g = new int[n + guards + 1][];
        java.util.function.IntUnaryOperator route = v -> guard[v] < 0 ? v : n + guard[v];
        for (int u = 0; u < n; u++) g[u] = Arrays.stream(succ[u]).map(route).distinct().toArray();
        for (int k = 0; k < guards; k++) {
            final int mine = k;
            g[n + k] = java.util.stream.IntStream.range(0, n).filter(v -> guard[v] == mine).toArray();
        }
        g[n + guards] = new int[] {route.applyAsInt(0)};
        return g;
    }

    @Test
    void aLoopWithOneEntry_getsNoGuard() {
        int[][] succ = {{1}, {2}, {1, 3}, {0}}; // 1-2 inner loop, 0..3 outer
        assertArrayEquals(new int[] {-1, -1, -1, -1}, RegionLoops.guards(succ));
    }

    /** Block 0 branches into both halves of the loop 1 <-> 2: both become the entries of one guard. */
    @Test
    void aLoopEnteredAtTwoBlocks_getsOneGuardForBoth() {
        int[][] succ = {{1, 2}, {2}, {1, 3}, {}};
        int[] guard = RegionLoops.guards(succ);
        assertArrayEquals(new int[] {-1, 0, 0, -1}, guard);
        assertFalse(Reducible.reducible(withEntry(succ), succ.length), "the graph itself");
        int[][] g = guarded(succ, guard);
        assertTrue(Reducible.reducible(g, g.length - 1), "with the guard");
    }

    /**
     * The shape HotSpot's C1 refused in compute.c's regions: the region's entry block leads into a
     * loop at its top and, through another block, into its middle (two blocks ending in the same
     * branch), inside an outer loop back to the entry.
     */
    @Test
    void aLoopEnteredInItsMiddle_insideAnOuterLoop_getsAGuardAtTheInnerLevel() {
        // 0 -> 1 (top) | 2 (outer part); 1 -> 1 | 2; 2 -> 3 (middle) | 4; 3 -> 1 | 2; 4 -> 0
        int[][] succ = {{1, 2}, {1, 2}, {3, 4}, {1, 2}, {0}};
        int[] guard = RegionLoops.guards(succ);
        assertEquals(-1, guard[0], "the outer loop has one entry: the region's");
        assertTrue(guard[1] >= 0 && guard[1] == guard[2], Arrays.toString(guard));
        int[][] g = guarded(succ, guard);
        assertTrue(Reducible.reducible(g, g.length - 1));
    }

    /** Random graphs of up to 48 blocks with at most two successors each, as regions have. */
    @Test
    void randomGraphs_becomeReducible_andReducibleOnesKeepDirectJumps() {
        SplittableRandom rnd = new SplittableRandom(2026);
        int irreducible = 0;
        for (int round = 0; round < 3000; round++) {
            int n = 1 + rnd.nextInt(round < 2000 ? 8 : 48);
            int[][] succ = new int[n][];
            for (int u = 0; u < n; u++) {
                int k = 1 + rnd.nextInt(2);
                succ[u] = rnd.ints(k, 0, n).distinct().toArray();
            }
            int[] guard = RegionLoops.guards(succ);
            int[][] g = guarded(succ, guard);
            assertTrue(Reducible.reducible(g, g.length - 1), "round " + round + ": " + Arrays.deepToString(succ)
                    + " guards " + Arrays.toString(guard));
            boolean was = Reducible.reducible(withEntry(succ), n);
            if (was) {
                assertTrue(Arrays.stream(guard).allMatch(x -> x < 0), "round " + round + ": a guard in a reducible graph "
                        + Arrays.deepToString(succ) + " " + Arrays.toString(guard));
            } else {
                irreducible++;
            }
        }
        assertTrue(irreducible > 100, "only " + irreducible + " irreducible graphs among the random ones");
    }

    /** The blocks and an entry node n that goes to block 0. */
    private static int[][] withEntry(int[][] succ) {
        int[][] g = Arrays.copyOf(succ, succ.length + 1);
        g[succ.length] = new int[] {0};
        return g;
    }
}
