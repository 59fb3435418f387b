package vm3000.cpu.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Makes a region's control flow reducible: every loop gets one entry. A guest loop may be entered
 * at two of its blocks (a branch into the middle of a loop, or a region whose entry block lies
 * inside a loop it can also reach from outside), and a JVM method with such an irreducible loop
 * is one that HotSpot's C1 refuses ("block join failed"): it then runs in the bytecode
 * interpreter until C2 compiles it, most of a run's warm-up. The usual cure, as compilers
 * apply it (e.g. LLVM's FixIrreducible): for each strongly connected set of blocks with more than
 * one entry, a guard, a switch on the block to go to, becomes its one entry; every jump to one of
 * those entries, from outside or from inside the loop, goes through the guard. Then the same is
 * done inside each loop without its entries, for the loops nested in it.
 *
 * <p>Blocks are numbered 0..n-1; block 0 is entered from outside the region as well.
 */
final class RegionLoops {
    private final int[][] succ;
    private final BitSet[] preds;
    private final int[] guard;
    private int guards;

    private RegionLoops(int[][] succ) {
        this.succ = succ;
        int n = succ.length;
        preds = new BitSet[n];
        for (int v = 0; v < n; v++) preds[v] = new BitSet(n);
        // from blocks that block 0 leads to: an edge from a block never run enters nothing
        BitSet reached = new BitSet(n);
        int[] work = new int[n];
        int top = 0;
        reached.set(0);
        work[top++] = 0;
        while (top > 0) {
            int u = work[--top];
            for (int v : succ[u]) {
                preds[v].set(u);
                if (!reached.get(v)) {
                    reached.set(v);
                    work[top++] = v;
                }
            }
        }
        guard = new int[n];
        Arrays.fill(guard, -1);
    }

    /**
     * For each block of a region whose block {@code u} may jump to the blocks {@code succ[u]}, the
     * guard through which every jump to it must go, or -1 for a direct jump. Guards are numbered
     * from 0; the blocks of one guard are the entries it chooses among.
     */
    static int[] guards(int[][] succ) {
        RegionLoops r = new RegionLoops(succ);
        BitSet all = new BitSet();
        all.set(0, succ.length);
        r.fix(all);
        return r.guard;
    }

    private void fix(BitSet nodes) {
        for (BitSet scc : components(nodes)) {
            int v0 = scc.nextSetBit(0);
            if (scc.cardinality() == 1 && !has(succ[v0], v0)) continue; // no loop
            BitSet entries = new BitSet();
            for (int v = scc.nextSetBit(0); v >= 0; v = scc.nextSetBit(v + 1)) {
                BitSet outside = (BitSet) preds[v].clone();
                outside.andNot(scc);
                if (v == 0 || !outside.isEmpty()) entries.set(v);
            }
            if (entries.isEmpty()) entries.set(v0); // a loop no block leads to: never entered, any entry will do
            if (entries.cardinality() > 1) {
                int g = guards++;
                for (int v = entries.nextSetBit(0); v >= 0; v = entries.nextSetBit(v + 1)) guard[v] = g;
            }
            BitSet inner = (BitSet) scc.clone();
            inner.andNot(entries);
            fix(inner);
        }
    }

    private static boolean has(int[] a, int x) {
        for (int y : a) if (y == x) return true;
        return false;
    }

    // Tarjan's strongly connected components of the subgraph on `nodes`.
    private BitSet within;
    private int[] index, low;
    private boolean[] onStack;
    private int[] stack;
    private int sp, counter;
    private List<BitSet> found;

    private List<BitSet> components(BitSet nodes) {
        int n = succ.length;
        within = nodes;
        index = new int[n];
        Arrays.fill(index, -1);
        low = new int[n];
        onStack = new boolean[n];
        stack = new int[n];
        sp = 0;
        counter = 0;
        found = new ArrayList<>();
        for (int v = nodes.nextSetBit(0); v >= 0; v = nodes.nextSetBit(v + 1)) if (index[v] < 0) connect(v);
        return found;
    }

    private void connect(int v) {
        index[v] = low[v] = counter++;
        stack[sp++] = v;
        onStack[v] = true;
        for (int w : succ[v]) {
            if (!within.get(w)) continue;
            if (index[w] < 0) {
                connect(w);
                low[v] = Math.min(low[v], low[w]);
            } else if (onStack[w]) {
                low[v] = Math.min(low[v], index[w]);
            }
        }
        if (low[v] == index[v]) {
            BitSet scc = new BitSet();
            int w;
            do {
                w = stack[--sp];
                onStack[w] = false;
                scc.set(w);
            } while (w != v);
            found.add(scc);
        }
    }
}
