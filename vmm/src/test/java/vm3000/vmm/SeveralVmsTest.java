package vm3000.vmm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Several VMs time-shared on one machine, under either VMM: each sees exactly its bare-metal run
 * (transcript, stop, guest state and cycles), outputs kept apart.
 */
class SeveralVmsTest {
    @Test
    void sixKernels_atOnce_eachTranscriptAsOnBareMetal() throws Exception {
        List<Runs.Guest> guests = new ArrayList<>();
        for (String k : List.of("hello", "tinyos", "cp0", "syscall", "tlbmiss", "interrupt")) guests.add(Runs.kernel(k));
        List<Runs.Outcome> vmm = Runs.underVmm(1, guests);
        for (int i = 0; i < guests.size(); i++) {
            assertEquals(Runs.bare(guests.get(i)), vmm.get(i), guests.get(i).name());
        }
    }

    /** Six different kernels at once as VMs of the top RMR VMM of a stack of two, each as on bare metal. */
    @Test
    void sixKernels_underRmrAtDepth2_eachAsOnBareMetal() throws Exception {
        List<Runs.Guest> guests = new ArrayList<>();
        for (String k : List.of("hello", "tinyos", "cp0", "syscall", "tlbmiss", "interrupt")) guests.add(Runs.kernel(k));
        List<vm3000.vmm.rmr.RmrVmmStack> kept = new ArrayList<>();
        List<Runs.Outcome> rmr = Runs.underRmr(2, guests, kept);
        for (int i = 0; i < guests.size(); i++) assertEquals(Runs.bare(guests.get(i)), rmr.get(i), guests.get(i).name());
        org.junit.jupiter.api.Assertions.assertTrue(kept.get(0).top().stats().switches() > 0, "the VMs took turns");
    }

    @Test
    void sameKernelTwice_withDifferentArguments_keptApart() throws Exception {
        List<Runs.Guest> guests = List.of(Runs.kernel("hello", "first"), Runs.kernel("hello", "second"),
                Runs.kernel("compute", "50"), Runs.kernel("tlbwrite", "30"));
        List<Runs.Outcome> vmm = Runs.underVmm(1, guests);
        List<Runs.Outcome> rmr = Runs.underRmr(1, guests);
        for (int i = 0; i < guests.size(); i++) {
            assertEquals(Runs.bare(guests.get(i)), vmm.get(i), "trap-and-emulate vm " + i);
            assertEquals(Runs.bare(guests.get(i)), rmr.get(i), "RMR vm " + i);
        }
    }
}
