package vm3000.cpu.core;

import java.util.Arrays;

/**
 * The translations that compiled code uses without a call: for each mode, a direct-mapped table
 * of virtual pages whose loads go to a page of RAM, marked where stores may go there too (the page
 * holds no decoded code and was written through the full path). Compiled code ({@link InsnEmitter})
 * reads the entry of an access's page and, if its tag is the access's page (and the access is
 * aligned, and for a store the page is not marked load-only), reads or writes the RAM's word array
 * at once; otherwise it calls BlockCore's {@code jit*} helper, which makes the access the full way
 * and {@linkplain #remember remembers} its page when it may.
 *
 * <p>An entry is a long: in the low half the tag, the virtual page (its low 12 bits zero, so that
 * an address with misaligned low bits, masked with the page and the alignment bits, never
 * matches) with {@link #LOAD_ONLY} set where stores may not use the entry (a store's masked
 * address has that bit clear, so it never matches; a load clears it from the tag before it
 * compares); in the high half the index in the word array of the page's first word less the
 * virtual page's own word number, so that the word of address {@code a} is
 * {@code (int) (e >>> 32) + (a >>> 2)}. {@link #EMPTY} matches no address. One entry serves both
 * kinds of access, so that compiled code keeps one table and one index mask in its registers.
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
    /** The tag's mark of a page that loads may use and stores may not (an alignment bit no access keeps). */
    static final int LOAD_ONLY = 4;

    /** Kernel mode's table, then user mode's. */
    private final long[][] tables = new long[2][SIZE];
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

    /** The table of user mode or of kernel mode. */
    long[] table(boolean userMode) { return tables[userMode ? 1 : 0]; }

    /**
     * Forgets every entry if the translation {@code key} changed since the last call or code has
     * come under watch ({@code watches} changed; rare, so it empties the loads' entries too).
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
     * Remembers that loads, and if {@code store} stores, in {@code userMode} at virtual
     * {@code vaddr}'s page go to the page whose first word is element {@code pageWord} of the
     * RAM's word array. A load's page that the table has already, for stores or not, stays as it is.
     */
    void remember(boolean userMode, boolean store, int vaddr, int pageWord) {
        int page = vaddr & ~0xFFF;
        int table = userMode ? 1 : 0, index = (vaddr >>> 12) & MASK;
        long[] t = tables[table];
        if (!store && ((int) t[index] & ~LOAD_ONLY) == page) return;
        t[index] = ((long) (pageWord - (page >>> 2)) << 32) | ((page | (store ? 0 : LOAD_ONLY)) & 0xFFFFFFFFL);
        if (nFilled >= 0 && nFilled < filled.length) filled[nFilled++] = table * SIZE + index;
        else nFilled = -1; // too many to list: empty the whole tables next time
    }
}
