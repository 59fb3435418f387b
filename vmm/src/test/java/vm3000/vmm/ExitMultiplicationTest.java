package vm3000.vmm;
// lab 5 answers: the reference's counts of exit multiplication; the student tree leaves this file out
// lab 6 answers: the RMR VMM's counts; the student tree leaves this file out

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vm3000.cpu.isa.Op;
import vm3000.cpu.rmr.RmrTrap;
import vm3000.vmm.rmr.RmrStats;
import vm3000.vmm.rmr.RmrVmm;
import vm3000.vmm.rmr.RmrVmmStack;
import vm3000.vmm.trap.TrapVmm;
import vm3000.vmm.trap.VmmStack;

/**
 * Counted exit multiplication, for both VMMs side by side: the monitor entries, at each level,
 * that one guest system call, MTC0, TLB miss, timer interrupt and console character cost at depths
 * 1..4. Measured as the difference between runs of a kernel with twice as much of the operation
 * and with the base amount, so that boot and power-off cancel out. docs/vmm.md and docs/rmr.md
 * derive the numbers and give the table.
 */
class ExitMultiplicationTest {
    /**
     * One syscall: at the top level 1 trap (Sys) + the guest handler's mfc0 Cause, mfc0 EPC and
     * rfe, interpreted = 4. At every level below: 1 trap (Sys, reflected upward) + the 8 sensitive
     * operations of the upper VMM's direct run (mtc0 EntryHi, Compare, Status; mfc0 Count; the
     * resume's rfe; mfc0 Count, Cause, EPC) = 9. Linear, not exponential: a middle VMM emulates
     * the upper one's CP0 operations on shadow state and only its own direct run reaches below.
     */
    @ParameterizedTest(name = "depth {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void syscall_entriesPerLevel(int depth) throws Exception {
        long[] expected = new long[depth];
        for (int level = 1; level < depth; level++) expected[level - 1] = 9;
        expected[depth - 1] = 4;
        assertArrayEquals(expected, perIteration("syscall", depth));
    }

    /**
     * One guest MTC0 (the cp0 kernel's loop has two MTC0 and two MFC0, in kernel mode): the guest
     * kernel is interpreted by the top VMM, so each is one interpreter entry there and nothing at
     * all below: 4 entries per iteration at the top, 0 elsewhere.
     */
    @ParameterizedTest(name = "depth {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void mtc0_entriesPerLevel(int depth) throws Exception {
        long[] expected = new long[depth];
        expected[depth - 1] = 4;
        assertArrayEquals(expected, perIteration("cp0", depth));
        long[] mtc0 = perIteration("cp0", depth, vmm -> vmm.stats().sensitive(Op.MTC0));
        long[] expectedMtc0 = new long[depth];
        expectedMtc0[depth - 1] = 2;
        assertArrayEquals(expectedMtc0, mtc0);
    }

    /**
     * One guest timer interrupt (the interrupt kernel's handler: mfc0 Cause, mfc0 Count, mtc0
     * Compare, mfc0 EPC, rfe): the guest kernel spins in kernel mode, interpreted by the top VMM,
     * which also delivers the virtual timer's interrupt itself: 5 interpreter entries there, 0 below.
     */
    @ParameterizedTest(name = "depth {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void timerInterrupt_entriesPerLevel(int depth) throws Exception {
        long[] expected = new long[depth];
        expected[depth - 1] = 5;
        assertArrayEquals(expected, perIteration("interrupt", depth));
    }

    /**
     * TLB misses (1000 more loads of the tlbmiss kernel, most of them misses): the top VMM's entries
     * are the same at every depth (a real miss, the guest's refill handler interpreted, a shadow
     * refill), and every level below pays for each of the top's direct runs: exit multiplication.
     */
    @org.junit.jupiter.api.Test
    void tlbMiss_topTheSameAtEveryDepth_everyLevelBelowPays() throws Exception {
        long[] one = trapDelta("tlbmiss", "1000", "2000", 1);
        for (int depth = 2; depth <= 4; depth++) {
            long[] d = trapDelta("tlbmiss", "1000", "2000", depth);
            assertEquals(one[0], d[depth - 1], "the top level at depth " + depth);
            for (int level = 0; level < depth - 1; level++) assertTrue(d[level] > one[0], "level " + (level + 1) + " at depth " + depth);
        }
    }

    /**
     * Console characters (10 more of them in hello's arguments): the guest kernel's device accesses
     * are interpreted by the top VMM and emulated there without a trap: no entry at any level.
     */
    @ParameterizedTest(name = "depth {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void consoleWrite_noEntries(int depth) throws Exception {
        assertArrayEquals(new long[depth], trapDelta("hello", "aaaaaaaaaa", "aaaaaaaaaaaaaaaaaaaa", depth));
    }

    /**
     * The RMR VMM: a guest system call, MTC0, TLB miss or timer interrupt is the guest's own work
     * at its own level: 0 entries at every level below it, at every depth.
     */
    @ParameterizedTest(name = "depth {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void rmr_guestsOwnWork_noEntriesAnywhere(int depth) throws Exception {
        for (String[] k : new String[][] {{"syscall", "10", "20"}, {"cp0", "10", "20"}, {"tlbmiss", "1000", "2000"},
                {"interrupt", "10", "20"}}) {
            assertArrayEquals(new long[depth], rmrDelta(k[0], k[1], k[2], depth, RmrStats::monitorEntries), k[0]);
        }
    }

    /**
     * The RMR VMM: each console access of the guest is a memory trap to the VMM that owns its
     * window, the top one, and to no other level: one entry per device access, the same number at
     * every depth (a character is its store, the polls until WIRQ.CMPL, the store that clears it),
     * and one timer entry per character: the VMM's timer stops the guest exactly when the serial
     * card's character time ends, to give it the card's lines then.
     */
    @ParameterizedTest(name = "depth {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void rmr_consoleWrite_oneEntryPerDeviceAccessAtTheTopOnly(int depth) throws Exception {
        String a = "aaaaaaaaaa", b = "aaaaaaaaaaaaaaaaaaaa";
        long[] entries = rmrDelta("hello", a, b, depth, RmrStats::monitorEntries);
        long[] memory = rmrDelta("hello", a, b, depth, st -> st.entries(RmrTrap.Kind.MEMORY));
        long[] timer = rmrDelta("hello", a, b, depth, st -> st.entries(RmrTrap.Kind.INTERRUPT));
        long[] accesses = rmrDelta("hello", a, b, depth, RmrStats::deviceAccesses);
        long[] atDepth1 = rmrDelta("hello", a, b, 1, RmrStats::monitorEntries);
        for (int level = 0; level < depth - 1; level++) assertEquals(0, entries[level], "level " + level);
        int top = depth - 1;
        assertEquals(atDepth1[0], entries[top], "the same at every depth");
        assertEquals(accesses[top], memory[top], "one entry per device access");
        assertEquals(10, timer[top], "one timer entry per character: the card's completion");
        assertEquals(memory[top] + timer[top], entries[top], "nothing else");
        assertEquals(0, memory[top] % 10, "the same for each of the 10 characters");
    }

    static long[] trapDelta(String kernel, String small, String large, int depth) throws Exception {
        long[] a = entries(kernel, small, depth, vmm -> vmm.stats().monitorEntries());
        long[] b = entries(kernel, large, depth, vmm -> vmm.stats().monitorEntries());
        for (int i = 0; i < depth; i++) b[i] -= a[i];
        return b;
    }

    static long[] rmrDelta(String kernel, String small, String large, int depth,
                           java.util.function.ToLongFunction<RmrStats> counter) throws Exception {
        long[] a = rmrEntries(kernel, small, depth, counter);
        long[] b = rmrEntries(kernel, large, depth, counter);
        for (int i = 0; i < depth; i++) b[i] -= a[i];
        return b;
    }

    private static long[] rmrEntries(String kernel, String args, int depth,
                                     java.util.function.ToLongFunction<RmrStats> counter) throws Exception {
        List<RmrVmmStack> keep = new ArrayList<>();
        Runs.underRmr(depth, List.of(Runs.kernel(kernel, args)), keep);
        List<RmrVmm> levels = keep.get(0).levels();
        long[] n = new long[depth];
        for (int i = 0; i < depth; i++) n[i] = counter.applyAsLong(levels.get(i).stats());
        return n;
    }

    static long[] perIteration(String kernel, int depth) throws Exception {
        return perIteration(kernel, depth, vmm -> vmm.stats().monitorEntries());
    }

    static long[] perIteration(String kernel, int depth, java.util.function.ToLongFunction<TrapVmm> counter) throws Exception {
        long[] small = entries(kernel, "10", depth, counter);
        long[] large = entries(kernel, "20", depth, counter);
        long[] per = new long[depth];
        for (int i = 0; i < depth; i++) per[i] = (large[i] - small[i]) / 10;
        return per;
    }

    private static long[] entries(String kernel, String args, int depth, java.util.function.ToLongFunction<TrapVmm> counter)
            throws Exception {
        List<VmmStack> keep = new ArrayList<>();
        Runs.underVmm(depth, List.of(Runs.kernel(kernel, args)), keep);
        List<TrapVmm> levels = keep.get(0).levels();
        long[] n = new long[depth];
        for (int i = 0; i < depth; i++) n[i] = counter.applyAsLong(levels.get(i));
        return n;
    }
}
