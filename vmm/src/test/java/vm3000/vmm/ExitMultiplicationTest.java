package vm3000.vmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vm3000.cpu.isa.Op;
import vm3000.vmm.trap.TrapVmm;
import vm3000.vmm.trap.VmmStack;

/**
 * Counted exit multiplication: the monitor entries, at each level, that one guest system call
 * and one guest MTC0 cost at depths 1, 2 and 3. Measured as the difference between runs of a
 * microbenchmark kernel with 20 and with 10 iterations, divided by 10, so that boot and power-off
 * cancel out. docs/vmm.md derives the numbers.
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
    @ValueSource(ints = {1, 2, 3})
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
    @ValueSource(ints = {1, 2, 3})
    void mtc0_entriesPerLevel(int depth) throws Exception {
        long[] expected = new long[depth];
        expected[depth - 1] = 4;
        assertArrayEquals(expected, perIteration("cp0", depth));
        long[] mtc0 = perIteration("cp0", depth, vmm -> vmm.stats().sensitive(Op.MTC0));
        long[] expectedMtc0 = new long[depth];
        expectedMtc0[depth - 1] = 2;
        assertArrayEquals(expectedMtc0, mtc0);
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
