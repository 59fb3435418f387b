package vm3000.vmm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Several VMs time-shared on one machine: each sees exactly its bare-metal run, outputs kept apart. */
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

    @Test
    void sameKernelTwice_withDifferentArguments_keptApart() throws Exception {
        List<Runs.Guest> guests = List.of(Runs.kernel("hello", "first"), Runs.kernel("hello", "second"),
                Runs.kernel("compute", "50"), Runs.kernel("tlbwrite", "30"));
        List<Runs.Outcome> vmm = Runs.underVmm(1, guests);
        for (int i = 0; i < guests.size(); i++) assertEquals(Runs.bare(guests.get(i)), vmm.get(i), "vm " + i);
    }
}
