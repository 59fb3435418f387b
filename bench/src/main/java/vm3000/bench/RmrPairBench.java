package vm3000.bench;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import vm3000.cpu.bus.PowerState;

/**
 * The RMR stack's cost per iteration against the bare machine, measured in pairs: each
 * invocation runs the kernel bare and at the depth, with n and with low(n) iterations (the order
 * of the two machines alternating from one invocation to the next), and records both costs per
 * iteration as secondary results ({@link Costs}); {@link BenchMain} prints the median of the
 * per-invocation ratios. The two halves of a ratio run within a few hundred milliseconds of each
 * other in the same JVM, with the same compiled code: the host's drift and each fork's JIT luck,
 * which dominate {@link RmrBench}'s separate forks on a shared machine, cancel out
 * (docs/performance.md, "RMR stack under rmrmon").
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4)
@Measurement(iterations = 30)
@Fork(value = 2, jvmArgsAppend = "-XX:+UseSerialGC")
public class RmrPairBench {
    @Param({"cp0", "tlbwrite", "syscall", "tlbmiss", "interrupt", "compute"})
    public String kernel;

    /** rmrmon or vmm, as {@link RmrBench#monitor}. */
    @Param({"rmrmon"})
    public String monitor;

    /** The depth the bare machine is compared with. */
    @Param({"1", "4"})
    public int depth;

    RmrBench.Images images;
    int n, low;
    Supplier<PowerState> bareN, bareLow, nestedN, nestedLow;
    boolean nestedFirst;

    /** The costs of one invocation, per iteration of the kernel, in picoseconds. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Costs {
        public long barePs;
        public long nestedPs;
    }

    @Setup(Level.Trial)
    public void warm() throws Exception {
        images = new RmrBench.Images(kernel);
        n = RmrBench.ITERATIONS.get(kernel);
        low = RmrBench.low(n);
        for (int round = 0; round < 2; round++) {
            for (int d = 0; d <= 4; d++) RmrBench.finish(images.stack(monitor, d, n / 10, 0), kernel, d);
        }
    }

    @Setup(Level.Invocation)
    public void boot() throws Exception {
        bareN = images.stack(monitor, 0, n, 0);
        bareLow = images.stack(monitor, 0, low, 0);
        nestedN = images.stack(monitor, depth, n, 0);
        nestedLow = images.stack(monitor, depth, low, 0);
        nestedFirst = !nestedFirst;
    }

    private long time(Supplier<PowerState> run, int d) {
        long t0 = System.nanoTime();
        RmrBench.finish(run, kernel, d);
        return System.nanoTime() - t0;
    }

    /** Bare and nested, n and low(n) iterations each; the costs per iteration into {@code c}. */
    @Benchmark
    public void pair(Costs c) {
        long bn, bl, nn, nl;
        if (nestedFirst) {
            nn = time(nestedN, depth);
            nl = time(nestedLow, depth);
            bn = time(bareN, 0);
            bl = time(bareLow, 0);
        } else {
            bn = time(bareN, 0);
            bl = time(bareLow, 0);
            nn = time(nestedN, depth);
            nl = time(nestedLow, depth);
        }
        c.barePs = (bn - bl) * 1000 / (n - low);
        c.nestedPs = (nn - nl) * 1000 / (n - low);
    }
}
