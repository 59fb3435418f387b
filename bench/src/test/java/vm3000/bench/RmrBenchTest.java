package vm3000.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import vm3000.cpu.Machine;
import vm3000.cpu.core.Counters;
import vm3000.cpu.rmr.RmrTrap;

/**
 * What RmrBench's arithmetic rests on: the run that measures the fixed part prints as many
 * characters as the run of n iterations (so the same number of memory traps below the guest),
 * and rmrmon takes time slices only when the benchmark asks for them.
 */
class RmrBenchTest {
    @Test
    void low_isTheLeastNumberWithAsManyDigits() {
        assertEquals(0, RmrBench.low(1));
        assertEquals(1, RmrBench.low(9));
        assertEquals(0, RmrBench.low(10));
        assertEquals(10, RmrBench.low(11));
        assertEquals(100_000, RmrBench.low(250_000));
        assertEquals(100_000, RmrBench.low(999_999));
        assertEquals(10_000_000, RmrBench.low(30_000_000));
        for (int n : RmrBench.ITERATIONS.values()) {
            assertEquals(Integer.toString(n).length(), Integer.toString(RmrBench.low(n)).length(), "n = " + n);
            assertTrue(RmrBench.low(n) < n, "n = " + n);
        }
    }

    static Counters monitor(String kernel, int iterations, int slice) throws Exception {
        Machine m = new RmrBench.Images(kernel).boot(2, iterations, slice);
        RmrBench.finish(m, kernel, 2);
        return RmrBench.counters(m, 0);
    }

    @Test
    void lowAndNIterations_causeTheSameMemoryTraps_andNoSlicesUnlessAsked() throws Exception {
        int memory = RmrTrap.Kind.MEMORY.ordinal(), interrupt = RmrTrap.Kind.INTERRUPT.ordinal();
        for (String kernel : RmrBench.ITERATIONS.keySet()) {
            Counters low = monitor(kernel, RmrBench.low(600), 0), n = monitor(kernel, 600, 0);
            assertTrue(n.entries(memory) > 0, kernel + ": the report reaches level 0 as memory traps");
            assertEquals(low.entries(memory), n.entries(memory), kernel + ": the same report length, the same traps");
            assertEquals(0, n.entries(interrupt), kernel + ": rmrmon took time slices it was not asked for");
        }
        assertTrue(monitor("compute", 600, 2_000).entries(interrupt) > 0, "rmrmon.slice=2000 gives time slices");
    }

    @Test
    void everyKernel_runsToPowerOff_underBothKindsOfMonitor() throws Exception {
        for (String kernel : RmrBench.ITERATIONS.keySet()) {
            RmrBench.Images images = new RmrBench.Images(kernel);
            for (String monitor : new String[] {"rmrmon", "vmm"}) {
                for (int depth : new int[] {0, 1, 3}) {
                    assertEquals(0, RmrBench.finish(images.stack(monitor, depth, 120, 0), kernel, depth), kernel + " " + monitor);
                }
            }
        }
    }

    @Test
    void quantile_isTheNearestRank() {
        java.util.List<Double> v = java.util.List.of(5.0, 1.0, 4.0, 2.0, 3.0);
        assertEquals(3.0, BenchMain.quantile(v, 0.5));
        assertEquals(2.0, BenchMain.quantile(v, 0.25));
        assertEquals(4.0, BenchMain.quantile(v, 0.75));
        assertEquals(1.0, BenchMain.quantile(v, 0.0));
        assertEquals(5.0, BenchMain.quantile(v, 1.0));
    }

    @Test
    void pairs_runAllFourMachines_inAnOrderThatAlternates() throws Exception {
        RmrPairBench b = new RmrPairBench();
        b.kernel = "syscall";
        b.monitor = "vmm";
        b.depth = 2;
        b.images = new RmrBench.Images("syscall");
        b.n = 300;
        b.low = RmrBench.low(300);
        StringBuilder order = new StringBuilder();
        for (int invocation = 0; invocation < 2; invocation++) {
            b.boot(); // real stacks: they run to power-off in the pair
            java.util.function.Supplier<vm3000.cpu.bus.PowerState> bn = b.bareN, bl = b.bareLow, nn = b.nestedN, nl = b.nestedLow;
            b.bareN = () -> { order.append("B"); return bn.get(); };
            b.bareLow = () -> { order.append("b"); return bl.get(); };
            b.nestedN = () -> { order.append("N"); return nn.get(); };
            b.nestedLow = () -> { order.append("n"); return nl.get(); };
            b.pair(new RmrPairBench.Costs());
            order.append(' ');
        }
        assertEquals("NnBb BbNn ", order.toString());
    }
}
