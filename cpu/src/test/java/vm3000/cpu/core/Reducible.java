package vm3000.cpu.core;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.BasicInterpreter;
import org.objectweb.asm.tree.analysis.BasicValue;

/**
 * Whether a control-flow graph is reducible: every edge that goes back to a node already on the
 * depth-first path from the entry goes to a node that dominates its source. (HotSpot's C1 gives
 * up on methods whose loops have several entries.)
 */
final class Reducible {
    private Reducible() {}

    /** The graph of nodes 0..succ.length-1, entered at {@code entry}. */
    static boolean reducible(int[][] succ, int entry) {
        int n = succ.length;
        BitSet[] dom = dominators(succ, entry);
        int[] state = new int[n]; // 0 unseen, 1 on the path, 2 done
        // iterative depth-first search
        int[] stack = new int[n], next = new int[n];
        int sp = 0;
        stack[sp++] = entry;
        state[entry] = 1;
        while (sp > 0) {
            int u = stack[sp - 1];
            if (next[u] < succ[u].length) {
                int v = succ[u][next[u]++];
                if (state[v] == 1 && !dom[u].get(v)) return false;
                if (state[v] == 0) {
                    state[v] = 1;
                    stack[sp++] = v;
                }
            } else {
                state[u] = 2;
                sp--;
            }
        }
        return true;
    }

    /** Dominators of the nodes reachable from {@code entry} (paths from nodes it does not reach do not count). */
    private static BitSet[] dominators(int[][] succ, int entry) {
        int n = succ.length;
        BitSet reached = new BitSet(n);
        java.util.ArrayDeque<Integer> work = new java.util.ArrayDeque<>(List.of(entry));
        reached.set(entry);
        while (!work.isEmpty()) for (int v : succ[work.pop()]) if (!reached.get(v)) { reached.set(v); work.push(v); }
        List<List<Integer>> preds = new ArrayList<>();
        for (int v = 0; v < n; v++) preds.add(new ArrayList<>());
        for (int u = reached.nextSetBit(0); u >= 0; u = reached.nextSetBit(u + 1)) for (int v : succ[u]) preds.get(v).add(u);
        BitSet[] dom = new BitSet[n];
        for (int v = 0; v < n; v++) {
            dom[v] = new BitSet(n);
            if (v == entry) dom[v].set(entry);
            else dom[v].set(0, n);
        }
        for (boolean changed = true; changed; ) {
            changed = false;
            for (int v = 0; v < n; v++) {
                if (v == entry) continue;
                BitSet d = null;
                for (int p : preds.get(v)) {
                    if (d == null) d = (BitSet) dom[p].clone();
                    else d.and(dom[p]);
                }
                if (d == null) d = new BitSet(n);
                d.set(v);
                if (!d.equals(dom[v])) {
                    dom[v] = d;
                    changed = true;
                }
            }
        }
        return dom;
    }

    /** The control flow between the instructions of method {@code name} of class file {@code bytes}. */
    static int[][] flow(byte[] bytes, String name) throws AnalyzerException {
        ClassNode c = new ClassNode();
        new ClassReader(bytes).accept(c, 0);
        MethodNode m = c.methods.stream().filter(x -> x.name.equals(name)).findFirst().orElseThrow();
        int n = m.instructions.size();
        List<List<Integer>> edges = new ArrayList<>();
        for (int i = 0; i < n; i++) edges.add(new ArrayList<>());
        new Analyzer<BasicValue>(new BasicInterpreter()) {
            @Override
            protected void newControlFlowEdge(int insn, int successor) { edges.get(insn).add(successor); }
        }.analyze(c.name, m);
        int[][] succ = new int[n][];
        for (int i = 0; i < n; i++) succ[i] = edges.get(i).stream().mapToInt(Integer::intValue).toArray();
        return succ;
    }
}
