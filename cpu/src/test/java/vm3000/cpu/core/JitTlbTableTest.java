package vm3000.cpu.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * The JitTlb's tables: what an entry holds, loads' and stores' pages in one entry, and what
 * {@link JitTlb#check} empties, whether few or many entries were filled.
 */
class JitTlbTableTest {
    private static long entry(JitTlb t, boolean user, int vaddr) {
        return t.table(user)[(vaddr >>> 12) & JitTlb.MASK];
    }

    private static void assertAllEmpty(JitTlb t) {
        for (boolean user : new boolean[] {false, true}) {
            for (long e : t.table(user)) assertEquals(JitTlb.EMPTY, e);
        }
    }

    @Test
    void entry_holdsThePageAndTheWordOfEachAddress() {
        JitTlb t = new JitTlb();
        t.check(1, 0);
        t.remember(true, false, 0x00403abc, 5 * 1024);
        long e = entry(t, true, 0x00403000);
        assertEquals(0x00403000 | JitTlb.LOAD_ONLY, (int) e, "a load's page: not for stores");
        assertEquals(5 * 1024 + (0xabc >>> 2), (int) (e >>> 32) + (0x00403abc >>> 2));
        assertEquals(JitTlb.EMPTY, entry(t, false, 0x00403000), "the other mode's table");
    }

    @Test
    void storesPage_servesLoadsToo_andALoadLeavesItAsItIs() {
        JitTlb t = new JitTlb();
        t.check(1, 0);
        t.remember(false, false, 0x80002010, 7 * 1024);
        t.remember(false, true, 0x80002ffc, 7 * 1024);
        long e = entry(t, false, 0x80002000);
        assertEquals(0x80002000, (int) e, "after a store, stores may use it");
        t.remember(false, false, 0x80002000, 7 * 1024);
        assertEquals(e, entry(t, false, 0x80002000), "a load does not take that from stores");
        t.remember(false, false, 0x80402000, 9 * 1024); // the same index, another page
        assertEquals(0x80402000 | JitTlb.LOAD_ONLY, (int) entry(t, false, 0x80002000));
    }

    @Test
    void check_sameKeyAndWatches_keepsEntries_anotherEmptiesThem() {
        JitTlb t = new JitTlb();
        t.check(7, 3);
        t.remember(false, true, 0x80001000, 1024);
        t.remember(true, false, 0x7fff0000, 2048);
        t.check(7, 3);
        assertNotEquals(JitTlb.EMPTY, entry(t, false, 0x80001000));
        t.check(8, 3);
        assertAllEmpty(t);
        t.remember(false, true, 0x80001000, 1024);
        t.check(8, 4);
        assertAllEmpty(t);
    }

    /** More entries filled than the list of them holds: all of every table emptied. */
    @Test
    void check_afterMoreFillsThanListed_emptiesEverything() {
        JitTlb t = new JitTlb();
        t.check(1, 0);
        for (int k = 0; k < 3 * JitTlb.SIZE; k++) t.remember(k % 2 == 0, k % 3 == 0, k << 12, k * 1024);
        t.check(2, 0);
        assertAllEmpty(t);
        t.remember(false, false, 0x1000, 0);
        t.check(3, 0);
        assertAllEmpty(t);
    }
}
