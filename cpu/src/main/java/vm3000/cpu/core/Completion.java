package vm3000.cpu.core;

import vm3000.cpu.mmu.Access;

/**
 * Accesses of one instruction that a monitor carried out for it after memory traps: when the
 * instruction runs again, an access of the same kind to the same level-physical address takes
 * the monitor's result (the value a load reads, a store done, or a bus error) instead of trapping
 * again. At most two per instruction (SWL/SWR read and then write one word); cleared when the
 * instruction retires or raises an exception.
 */
public final class Completion {
    static final int MAX = 2;
    final Access[] access = new Access[MAX];
    final int[] paddr = new int[MAX];
    final int[] value = new int[MAX];
    final boolean[] busError = new boolean[MAX];
    int count;
    /**
     * The hardware lines (Cause.IP bits) the level's owner drives once the instruction is done,
     * or -1: a device access the owner carried out changes them as it completes, as on the bare
     * bus, not before the instruction runs again.
     */
    int linesAfter = -1;

    /** Sets the lines the level gets once the completed instruction is done. */
    public void setLinesAfter(int ipBits) { linesAfter = ipBits; }

    /** True while lines are waiting for the instruction to be done. */
    public boolean linesPending() { return linesAfter >= 0; }

    /** The access of {@code access} kind at {@code paddr} is done: a load reads {@code value}. */
    public void add(Access a, int pa, int v, boolean error) {
        if (count == MAX) count = 0; // a third trap in one instruction: start over
        access[count] = a;
        paddr[count] = pa;
        value[count] = v;
        busError[count] = error;
        count++;
    }

    /** The entry for this access, or -1. */
    int find(Access a, int pa) {
        for (int i = 0; i < count; i++) if (access[i] == a && paddr[i] == pa) return i;
        return -1;
    }

    public boolean isEmpty() { return count == 0; }
    public void clear() {
        count = 0;
        linesAfter = -1;
    }

    void copyFrom(Completion o) {
        count = o.count;
        linesAfter = o.linesAfter;
        for (int i = 0; i < o.count; i++) {
            access[i] = o.access[i];
            paddr[i] = o.paddr[i];
            value[i] = o.value[i];
            busError[i] = o.busError[i];
        }
    }
}
