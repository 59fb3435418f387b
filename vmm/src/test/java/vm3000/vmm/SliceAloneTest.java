package vm3000.vmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vm3000.cpu.cp0.ExcCode;
import vm3000.vmm.trap.Allocator;
import vm3000.vmm.trap.TrapVmm;
import vm3000.vmm.trap.VmmStack;

/**
 * A VM running alone gets no time slices: its user mode runs directly until its own events and
 * traps, not until a timer of the VMM's that would only give it its turn back; with two VMs the
 * slices come back; either way each VM is its bare self.
 */
class SliceAloneTest {
    private static final String ITERATIONS = "200000"; // 2.2 M cycles: 110 slices' worth

    @Test
    void aVmAlone_runsWithoutSlices_twoTakeTurns() throws Exception {
        Runs.Guest compute = Runs.kernel("compute", ITERATIONS);
        Runs.Outcome bare = Runs.bare(compute);
        List<VmmStack> keep = new ArrayList<>();
        assertEquals(bare, Runs.underVmm(1, List.of(compute), keep).get(0));
        TrapVmm alone = keep.get(0).top();
        assertEquals(1, alone.stats().slices(), alone.stats().report());
        assertTrue(alone.stats().traps(ExcCode.INT) < 5, "the VMM's timer ended " + alone.stats().traps(ExcCode.INT)
                + " direct runs of a VM alone: " + alone.stats().report());

        keep.clear();
        List<Runs.Outcome> two = Runs.underVmm(1, List.of(compute, compute), keep);
        assertEquals(bare, two.get(0));
        assertEquals(bare, two.get(1));
        TrapVmm shared = keep.get(0).top();
        long cycles = 2 * 2_200_000L;
        assertTrue(shared.stats().slices() >= cycles / Allocator.DEFAULT_SLICE / 2, shared.stats().report());
    }
}
