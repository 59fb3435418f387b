package vm3000.cpu.core;

import java.util.Arrays;

/**
 * The translations that compiled code uses without a call: for each mode, a direct-mapped table
 * of virtual pages whose loads go to a page of RAM, and another of pages whose stores go to a page
 * of RAM that holds no decoded code. Compiled code ({@link InsnEmitter}) reads the entry of an
 * access's page and, if its tag is the access's page (and the access is aligned), reads or writes
 * the RAM's word array at once; otherwise it calls BlockCore's {@code jit*} helper, which makes
 * the access the full way and {@linkplain #remember remembers} its page when it may.
 *
 * <p>An entry is a long: the virtual page in the high half (its low 12 bits zero, so that an
 * address with misaligned low bits, masked with the page and the alignment bits, never matches),
 * and in the low half the index in the word array of the page's first word less the virtual
 * page's own word number, so that the word of address {@code a} is {@code (int) e + (a >>> 2)}.
 * {@link #EMPTY} matches no address.
 *
 * <p>What a translation depends on: the TLB and the RMR window (the translation epoch), the
 * ASID and the mode (a table each), which the dispatcher's stamp holds; and for stores, that no
 * word of the page is under watch for decoded code ({@link vm3000.cpu.bus.PhysicalMemory#watches}).
 * {@link #check} is called before compiled code runs, and forgets what either made stale (all
 * entries, whichever changed).
 * Nothing changes them while compiled code runs: only slow-path instructions do, and they end it.
 */
final class JitTlb {
    static final int BITS = 10;
    /** Entries of one table. */
    static final int SIZE = 1 << BITS;
    static final int MASK = SIZE - 1;
    static final long EMPTY = -1L;

    /** Loads, then stores, in kernel mode, then in user mode. */
    private final long[][] tables = new long[4][SIZE];
    private long key = Long.MIN_VALUE;
    private int watches;
    /**
     * The entries filled since the tables were last emptied ({@code table * SIZE + index}), so
     * that emptying them costs what was filled, not the tables' size: a guest that refills its
     * TLB at every few hundred instructions (each write a new translation epoch) fills a few.
     */
    private final int[] filled = new int[SIZE];
    private int nFilled;

    JitTlb() {
        for (long[] t : tables) Arrays.fill(t, EMPTY);
    }

    /** The table of loads or stores ({@code store}) in user mode or not. */
    long[] table(boolean userMode, boolean store) { return tables[which(userMode, store)]; }

    /** The index in {@link #tables} of the table of loads or stores in user mode or not. */
    private static int which(boolean userMode, boolean store) { return (userMode ? 2 : 0) + (store ? 1 : 0); }

    /**
     * Forgets every entry, of loads and of stores, if the translation {@code key} changed since the
     * last call or code has come under watch ({@code watches} changed; rare, so it empties the load
     * tables too).
     */
    void check(long key, int watches) {
        if (key == this.key && watches == this.watches) return;
        if (nFilled < 0) {
            for (long[] t : tables) Arrays.fill(t, EMPTY);
        } else {
            for (int k = 0; k < nFilled; k++) tables[filled[k] / SIZE][filled[k] % SIZE] = EMPTY;
        }
        nFilled = 0;
        this.key = key;
        this.watches = watches;
    }

    /**
     * Remembers that {@code store ? stores : loads} in {@code userMode} at virtual {@code vaddr}'s
     * page go to the page whose first word is element {@code pageWord} of the RAM's word array.
     */
    void remember(boolean userMode, boolean store, int vaddr, int pageWord) {
        int page = vaddr & ~0xFFF;
        int table = which(userMode, store), index = (vaddr >>> 12) & MASK;
        tables[table][index] = ((long) page << 32) | ((pageWord - (page >>> 2)) & 0xFFFFFFFFL);
        if (nFilled >= 0 && nFilled < filled.length) filled[nFilled++] = table * SIZE + index;
        else nFilled = -1; // too many to list: empty the whole tables next time
    }
}
