package vm3000.cpu.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Makes a region's control flow reducible: every loop gets one entry. A guest loop may be entered
 * at two of its blocks (a branch into the middle of a loop, or a region whose entry block lies
 * inside a loop it can also reach from outside), and a JVM method with such an irreducible loop
 * is one that HotSpot's C1 refuses ("block join failed"): it then runs in the bytecode
 * interpreter until C2 compiles it, most of a run's warm-up. For each strongly connected set of
 * blocks with more than one entry, the entry nearest the region's head (the lowest index: the
 * region lists its blocks breadth first from its head) stays; the jumps from outside the set to
 * its other entries leave the region instead, and the dispatcher goes on from there as after any
 * jump out of a region. The loop's own jumps stay, so HotSpot still sees a loop. Then the same is
 * done inside each such set without its entry, for the loops nested in it.
 *
 * <p>Blocks are numbered 0..n-1; block 0 is entered from outside the region as well.
 */
final class RegionLoops {
    private final int[][] succ;
    private final BitSet[] preds;
    /** cut[u] has v: the jump from u to v leaves the region. */
    private final BitSet[] cut;

    private RegionLoops(int[][] succ) {
        this.succ = succ;
        int n = succ.length;
        preds = new BitSet[n];
        cut = new BitSet[n];
        for (int v = 0; v < n; v++) {
            preds[v] = new BitSet(n);
            cut[v] = new BitSet(n);
        }
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
    }

    /**
     * The jumps of a region whose block {@code u} may jump to the blocks {@code succ[u]} that stay
     * inside it: {@code succ} less the jumps that must leave it for its control flow to be
     * reducible; {@code succ} itself where none must.
     */
    static int[][] kept(int[][] succ) {
        RegionLoops r = new RegionLoops(succ);
        BitSet all = new BitSet();
        all.set(0, succ.length);
        r.fix(all);
        int[][] kept = new int[succ.length][];
        for (int u = 0; u < succ.length; u++) {
            final int from = u;
            kept[u] = Arrays.stream(succ[u]).filter(v -> !r.cut[from].get(v)).toArray();
        }
        return kept;
    }

    private void fix(BitSet nodes) {
        for (BitSet scc : components(nodes)) {
            int v0 = scc.nextSetBit(0);
            if (scc.cardinality() == 1 && !has(succ[v0], v0)) continue; // no loop
            int entry = -1;
            for (int v = scc.nextSetBit(0); v >= 0; v = scc.nextSetBit(v + 1)) {
                BitSet outside = outsidePreds(v, scc);
                if (v == 0 || !outside.isEmpty()) {
                    if (entry < 0) {
                        entry = v; // the lowest: block 0 if it is one
                    } else {
                        for (int u = outside.nextSetBit(0); u >= 0; u = outside.nextSetBit(u + 1)) cut[u].set(v);
                    }
                }
            }
            if (entry < 0) entry = v0; // a loop no block leads to: never entered, any entry will do
            BitSet inner = (BitSet) scc.clone();
            inner.clear(entry);
            fix(inner);
        }
    }

    /**
     * Block 0 and the blocks a jump goes back to in a depth-first walk from block 0 along
     * {@code succ} (the heads of its loops: without the jumps to them, the blocks form no loop).
     */
    static boolean[] heads(int[][] succ) {
        int n = succ.length;
        boolean[] heads = new boolean[n];
        heads[0] = true;
        int[] state = new int[n]; // 0 not seen, 1 on the walk's path, 2 done
        ArrayDeque<int[]> path = new ArrayDeque<>();
        path.push(new int[] {0, 0});
        state[0] = 1;
        while (!path.isEmpty()) {
            int[] top = path.peek();
            if (top[1] == succ[top[0]].length) {
                state[top[0]] = 2;
                path.pop();
                continue;
            }
            int t = succ[top[0]][top[1]++];
            if (state[t] == 1) heads[t] = true;
            else if (state[t] == 0) {
                state[t] = 1;
                path.push(new int[] {t, 0});
            }
        }
        return heads;
    }

    /** The blocks outside {@code scc} that jump to {@code v}, the jumps already cut left out. */
    private BitSet outsidePreds(int v, BitSet scc) {
        BitSet outside = new BitSet();
        for (int u = preds[v].nextSetBit(0); u >= 0; u = preds[v].nextSetBit(u + 1)) {
            if (!scc.get(u) && !cut[u].get(v)) outside.set(u);
        }
        return outside;
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
