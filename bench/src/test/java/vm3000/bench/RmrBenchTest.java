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
 * and rmrmon takes time slices only when the benchmark asks for them; and RmrPairBench's: its
 * windows hold the same guest work on both machines.
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
    void windows_alternateAbba() {
        StringBuilder order = new StringBuilder();
        for (int w = 0; w < 8; w++) order.append(RmrPairBench.bareFirst(w) ? "BN " : "NB ");
        assertEquals("BN NB NB BN BN NB NB BN ", order.toString());
    }

    /**
     * The windows of a pair hold the same guest work on both machines (the guest's time advances
     * as much in both), inside the loop: the monitors below the guest execute nothing there, and
     * both runs go on after the last window.
     */
    @Test
    void pairWindows_holdTheSameGuestWork_onBothMachines() throws Exception {
        for (String monitor : new String[] {"rmrmon", "vmm"}) {
            RmrPairBench b = new RmrPairBench();
            b.kernel = "syscall";
            b.monitor = monitor;
            b.depth = 3;
            b.images = new RmrBench.Images("syscall");
            b.n = 40_000;
            b.count();
            b.boot();
            long bare0 = b.bare.cp0().cycles(), guest0 = b.guestCycles();
            assertEquals(bare0, guest0, monitor + ": the windows start at the same time of the guest's");
            if (monitor.equals("rmrmon")) {
                assertTrue(b.nested.cpu().executed() > b.bare.cpu().executed() + 100_000, "past the rmrmons' boot and copies");
            }
            RmrPairBench.Costs c = new RmrPairBench.Costs();
            b.pair(c);
            long bareWork = b.bare.cp0().cycles() - bare0;
            assertEquals(RmrPairBench.WINDOWS * b.window, bareWork, monitor + ": syscall never idles");
            assertEquals(bareWork, b.guestCycles() - guest0, monitor + ": the nested windows are the guest's work");
            assertTrue(b.bare.power().isRunning() && b.nested.power().isRunning(), monitor);
            assertTrue(c.barePs > 0 && c.nestedPs > 0, monitor);
            assertTrue(b.bareAt <= b.bareTotal * 3 / 4, monitor + ": the windows stay in the middle half");
        }
    }
}
