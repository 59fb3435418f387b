package vm3000.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import vm3000.kernels.Kernels;

class WarmUpTest {
    /** A run to the end in slices: one speed per slice, the last one partial, and the same instructions whatever the slice. */
    @Test
    void runInSlices_coversTheWholeRun() throws Exception {
        WarmUp.Run whole = WarmUp.run(Kernels.load("hello"), Long.MAX_VALUE);
        WarmUp.Run sliced = WarmUp.run(Kernels.load("hello"), 10_000);
        assertTrue(whole.instructions() > 30_000, "hello ran only " + whole.instructions());
        assertEquals(whole.instructions(), sliced.instructions());
        assertEquals(1, whole.slices().size());
        assertEquals((whole.instructions() + 9_999) / 10_000, sliced.slices().size());
        assertTrue(sliced.slices().stream().allMatch(m -> m > 0), "a slice without instructions: " + sliced.slices());
    }
}
