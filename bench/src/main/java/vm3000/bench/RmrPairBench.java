package vm3000.bench;

import java.util.concurrent.TimeUnit;

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

import vm3000.cpu.Machine;
import vm3000.cpu.rmr.RmrLevel;

/**
 * The RMR stack's cost per iteration against the bare machine, measured in interleaved windows.
 * Each invocation boots the kernel bare and at the depth, with n iterations, and runs both
 * untimed until the kernel's own time reaches that of a quarter of the bare run's instructions
 * (the nested machine past its monitors' boot and copies), well into the kernel's loop; the
 * benchmark then times the middle half of both runs in {@value #WINDOWS} windows of the same
 * number of instructions each, bare and nested in turn (ABBA), with {@link Machine#runUntil}.
 * No level below the guest runs while the guest works (the exact counters of {@link RmrBench#main};
 * checked: the guest's time advances as much as the bare machine's), so both machines execute
 * the same guest instructions in their windows: the two costs per
 * iteration, the windows' times over the iterations they hold, are recorded as secondary results
 * ({@link Costs}), and {@link BenchMain} prints the median of the per-invocation ratios.
 *
 * <p>The host's speed drifts by up to a third over a second or so (docs/performance.md, "RMR
 * stack under rmrmon"); windows of a few milliseconds, alternating, see the same host. An earlier
 * design timed whole runs of n and low(n) iterations and took the fixed part off by difference:
 * four runs of a few hundred milliseconds each, whose drift the difference amplified.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4)
@Measurement(iterations = 30)
@Fork(value = 2, jvmArgsAppend = "-XX:+UseSerialGC")
public class RmrPairBench {
    /** Windows per machine and invocation. */
    static final int WINDOWS = 16;

    @Param({"cp0", "tlbwrite", "syscall", "tlbmiss", "interrupt", "compute"})
    public String kernel;

    /** rmrmon or vmm, as {@link RmrBench#monitor}. */
    @Param({"rmrmon"})
    public String monitor;

    /** The depth the bare machine is compared with. */
    @Param({"1", "4"})
    public int depth;

    RmrBench.Images images;
    int n;
    /** Instructions of a whole bare run of n iterations; instructions per iteration. */
    long bareTotal;
    double perIteration;
    Machine bare, nested;
    long bareAt, nestedAt, window;

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
        for (int round = 0; round < 2; round++) {
            for (int d = 0; d <= 4; d++) RmrBench.finish(images.stack(monitor, d, n / 10, 0), kernel, d);
        }
        count();
    }

    /** The instructions of a whole bare run of n, and per iteration. */
    void count() throws Exception {
        bareTotal = bareInstructions(n);
        int low = RmrBench.low(n);
        perIteration = (bareTotal - bareInstructions(low)) / (double) (n - low);
    }

    /** The instructions a whole bare run of {@code iterations} executes. */
    private long bareInstructions(int iterations) throws Exception {
        Machine m = images.booted(monitor, 0, iterations, 0).machine();
        RmrBench.finish(m, kernel, 0);
        return m.cpu().executed();
    }

    @Setup(Level.Invocation)
    public void boot() throws Exception {
        bare = images.booted(monitor, 0, n, 0).machine();
        nested = images.booted(monitor, depth, n, 0).machine();
        bareAt = bareTotal / 4;
        window = bareTotal / 2 / WINDOWS;
        bare.runUntil(bareAt);
        // The guest's level to the same cycle of its own time: steps of what it still lacks,
        // which the monitors' work in between (boot, copying the images) can only shorten.
        long target = bare.cp0().cycles();
        for (long done; (done = guestCycles()) < target && nested.power().isRunning(); ) {
            nested.runUntil(nested.cpu().executed() + target - done);
        }
        nestedAt = nested.cpu().executed();
    }

    /** The nested machine's guest level's own time, in cycles (0 before it is first loaded). */
    long guestCycles() {
        RmrLevel guest = nested.rmr().level(depth);
        return guest == null ? 0 : guest.cp0().cycles();
    }

    /** Both machines' middle halves in alternating windows; the costs per iteration into {@code c}. */
    @Benchmark
    public void pair(Costs c) {
        long b = 0, d = 0, bareCycles = bare.cp0().cycles(), guestCycles = guestCycles();
        for (int w = 0; w < WINDOWS; w++) {
            if (bareFirst(w)) {
                b += time(bare, bareAt += window);
                d += time(nested, nestedAt += window);
            } else {
                d += time(nested, nestedAt += window);
                b += time(bare, bareAt += window);
            }
        }
        if (guestCycles() - guestCycles != bare.cp0().cycles() - bareCycles) {
            throw new IllegalStateException(kernel + " at depth " + depth + ": the levels below the guest ran in the windows");
        }
        double iterations = WINDOWS * window / perIteration;
        c.barePs = Math.round(b * 1000 / iterations);
        c.nestedPs = Math.round(d * 1000 / iterations);
    }

    /** Whether window {@code w} runs the bare machine first: in windows 0, 3, 4, 7, 8, ... (ABBA BAAB ...). */
    static boolean bareFirst(int w) { return ((w + 1) & 2) == 0; }

    /** Runs {@code m} to {@code at} instructions in all, which must end inside the kernel's loop. */
    private long time(Machine m, long at) {
        long t0 = System.nanoTime();
        m.runUntil(at);
        long t = System.nanoTime() - t0;
        if (!m.power().isRunning() || m.cpu().executed() != at) {
            throw new IllegalStateException(kernel + ": the window ending at " + at + " left the run: "
                    + m.power().reason() + " " + m.power().message());
        }
        return t;
    }
}
