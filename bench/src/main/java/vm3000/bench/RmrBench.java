package vm3000.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

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

import vm3000.cpu.BadInputException;
import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.core.Counters;
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.elf.ElfFile;
import vm3000.kernels.Kernels;
import vm3000.vmm.rmr.RmrVm;
import vm3000.vmm.rmr.RmrVmmStack;
import vm3000.vmm.trap.Allocator;
import vm3000.vmm.trap.VmmStack;

/**
 * The cost of one iteration of each microbenchmark kernel under the RMR stack (docs/rmr.md): the
 * kernel on the bare machine (depth 0) and above 1 to 4 rmrmon monitors (depth d: a machine with
 * d RMR levels, rmrmon at levels 0..d-1, the kernel at level d), on the block core, each
 * configuration in its own JVM. Machine and boot image are per-invocation setup, not timed; the
 * score is the time of one run from power-on to power-off.
 *
 * <p>A run also boots the monitors, copies the images from level to level and prints the
 * kernel's report, each character a memory trap at every level below it: up to 10 ms at depth 4.
 * That fixed cost is measured and taken off: {@link #scale} 1 runs the kernel with n iterations, n
 * large enough that the bare run takes a few hundred milliseconds, scale 0 with {@link #low}(n),
 * the least number with as many digits (so the report has as many characters, each a trap at
 * every level), and the cost of one iteration is (time(n) - time(low(n))) / (n - low(n)). {@link BenchMain} prints that table after the
 * run, from the median times (sampled: on a shared machine a run now and then takes several
 * times as long). {@link #main} prints the exact counters of each configuration.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseSerialGC") // no concurrent GC threads beside the run, on 2 cores
public class RmrBench {
    /**
     * n per kernel: a bare run of n iterations takes 200-300 ms (tlbwrite: about 60 ms; it takes
     * at most 262144). n and n/2 have the same number of digits, for {@link #main}.
     */
    static final Map<String, Integer> ITERATIONS = Map.of("cp0", 3_000_000, "tlbwrite", 250_000,
            "syscall", 2_000_000, "tlbmiss", 800_000, "interrupt", 300_000, "compute", 30_000_000);
    static final int RAM = 32 << 20;
    /** rmrmon's time slice in {@link #main}'s report, in cycles of its own time. */
    static final int SLICE = 20_000;
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @Param({"cp0", "tlbwrite", "syscall", "tlbmiss", "interrupt", "compute"})
    public String kernel;

    /**
     * The depth: 0, the kernel on the bare machine; d, above d rmrmon monitors. All five:
     * {@code -p monitors=0,1,2,3,4}. (JMH runs the configurations in the order of the parameters'
     * names: kernel, monitors, scale; so the depths of one kernel run close together in time.)
     */
    @Param({"0", "1", "4"})
    public int monitors;

    /** Scale 1: the run has n iterations; 0: {@link #low}(n), to take off the fixed part. */
    @Param({"0", "1"})
    public int scale;

    /**
     * rmrmon's time slice in cycles of its own time ({@code rmrmon.slice=}, the same at every
     * level), or 0 for none, rmrmon's default: with one child it has nothing to switch to. With
     * slices, what depth adds is the cost of the slices ({@code -p slice=0,250000}).
     */
    @Param({"0"})
    public int slice;

    /**
     * What the JVM has run before the measurement: "mixed", the kernel at every depth 0..4 a few
     * times first (so every fork has seen the monitors' code and the guest's, and the one call
     * site of compiled blocks has the same profile at every depth, as in any JVM that has run
     * more than one hot loop); "own", its own configuration only, where a bare kernel whose loop
     * is the only hot compiled block gets code specialised to it (the section "Why interrupt and
     * compute missed the target" of docs/performance.md).
     */
    @Param({"mixed"})
    public String warm;

    /**
     * The monitors under the kernel: "rmrmon", the MIPS-coded monitor stacked {@link #monitors}
     * deep; "vmm", the project's RMR VMM in Java ({@code vm3000 run --vmm rmr --depth d}), the
     * kernel its one VM with {@value #VM_RAM} bytes of RAM.
     */
    @Param({"rmrmon"})
    public String monitor;

    /** A VM's RAM under the RMR VMM, as in the equivalence tests. */
    static final int VM_RAM = 16 << 20;

    Images images;
    Supplier<PowerState> stack;

    @Setup(Level.Trial)
    public void assemble() throws Exception {
        images = new Images(kernel);
        if (!monitor.equals("rmrmon") && !monitor.equals("vmm")) {
            throw new IllegalArgumentException("monitor: rmrmon or vmm, not " + monitor);
        }
        if (warm.equals("mixed")) {
            for (int round = 0; round < 3; round++) {
                for (int depth = 0; depth <= 4; depth++) {
                    finish(images.stack(monitor, depth, ITERATIONS.get(kernel) / 10, slice), kernel, depth);
                }
            }
        } else if (!warm.equals("own")) {
            throw new IllegalArgumentException("warm: mixed or own, not " + warm);
        }
    }

    @Setup(Level.Invocation)
    public void boot() throws Exception {
        int n = ITERATIONS.get(kernel);
        stack = images.stack(monitor, monitors, scale == 1 ? n : low(n), slice);
    }

    /** The stack from power-on to power-off. */
    @Benchmark
    public int run() {
        return finish(stack, kernel, monitors);
    }

    /** The iterations of the run that measures the fixed part: {@link Iterations#low}. */
    static int low(int n) { return Iterations.low(n); }

    /** A booted stack: the machine, and the power state the kernel's exit lands in. */
    record Stack(Machine machine, PowerState kernel) {}

    /** The assembled images: rmrmon and the kernel. */
    static final class Images {
        final String kernel;
        final ElfFile monitor, guest;
        final byte[] monitorBytes, guestBytes;

        Images(String kernel) throws BadInputException {
            this.kernel = kernel;
            monitor = Kernels.load("rmrmon");
            guest = Kernels.load(kernel);
            monitorBytes = Kernels.bytes("rmrmon");
            guestBytes = Kernels.bytes(kernel);
        }

        /**
         * The kernel booted above {@code depth} monitors of kind {@code monitor} ("rmrmon" or
         * "vmm"; at depth 0, on the bare machine): what runs it to the end.
         */
        Supplier<PowerState> stack(String monitor, int depth, int iterations, int slice) throws BadInputException {
            Stack s = booted(monitor, depth, iterations, slice);
            return () -> {
                s.machine().run(Long.MAX_VALUE);
                return s.kernel();
            };
        }

        /**
         * As {@link #stack}: the machine that runs it, and the power state where the kernel's
         * exit lands (the machine's own, or under the Java VMM its VM's).
         */
        Stack booted(String monitor, int depth, int iterations, int slice) throws BadInputException {
            if (depth == 0 || monitor.equals("rmrmon")) {
                Machine m = boot(depth, iterations, slice);
                return new Stack(m, m.power());
            }
            RmrVmmStack s = RmrVmmStack.create(VmmStack.hostRam(VM_RAM, depth), guest.endian(),
                    MachineOptions.Core.BLOCK, depth, slice > 0 ? slice : Allocator.DEFAULT_SLICE);
            RmrVm vm = s.top().createVm(VM_RAM, guest, Integer.toString(iterations), List.of(),
                    OutputStream.nullOutputStream(), QUIET, MachineOptions.DEFAULT_SEED);
            return new Stack(s.host(), vm.power());
        }

        /**
         * A machine with {@code depth} RMR levels, booted: rmrmon with depth - 1 rmrmons and the
         * kernel as its modules, each rmrmon with time slices of {@code slice} cycles (0: none);
         * at depth 0, the kernel alone.
         */
        Machine boot(int depth, int iterations, int slice) throws BadInputException {
            MachineOptions o = MachineOptions.defaults().withRam(RAM).withCore(MachineOptions.Core.BLOCK)
                    .withConsole(OutputStream.nullOutputStream()).withMessages(QUIET).withRmrLevels(depth);
            Machine m = Boot.machine(o, Sys161Config.defaults());
            String args = Integer.toString(iterations);
            if (slice > 0) args = ("rmrmon.slice=" + slice + " ").repeat(depth) + args;
            if (depth == 0) {
                Boot.load(m, guest, args, List.of());
                return m;
            }
            List<Boot.Module> modules = new ArrayList<>();
            for (int i = 1; i < depth; i++) modules.add(new Boot.Module("rmrmon", "rmrmon", monitorBytes));
            modules.add(new Boot.Module(kernel, kernel, guestBytes));
            Boot.load(m, monitor, args, modules);
            return m;
        }
    }

    /** Runs {@code m} to power-off; anything but exit code 0 is an error. */
    static int finish(Machine m, String kernel, int depth) {
        return finish(() -> m.run(Long.MAX_VALUE), kernel, depth);
    }

    /** Runs {@code stack} to power-off; anything but exit code 0 is an error. */
    static int finish(Supplier<PowerState> stack, String kernel, int depth) {
        PowerState end = stack.get();
        if (end.reason() != PowerState.Reason.POWER_OFF || end.exitCode() != 0) {
            throw new IllegalStateException(kernel + " at depth " + depth + ": " + end.reason() + " " + end.message());
        }
        return end.exitCode();
    }

    /** The counters of level {@code level} of {@code m}. */
    static Counters counters(Machine m, int level) {
        return m.rmr() == null ? m.counters() : m.rmr().level(level).counters();
    }

    /**
     * The exact counters of every configuration, from untimed runs of n/2 and n iterations (the
     * same number of digits, so the same report)
     * ({@code java -cp bench/target/benchmarks.jar vm3000.bench.RmrBench [KERNEL...]}). Per
     * kernel: the guest level's own events, checked to be the same at every depth; then, per depth
     * and monitor level, the monitor entries by kind in the run of n/2 iterations, and what the
     * run of n adds ("+n/2"). The rmrmons take time slices of {@value #SLICE} cycles
     * ({@code rmrmon.slice=}); only those, one INTERRUPT entry per slice of a monitor's own time,
     * may grow with the iteration count.
     */
    public static void main(String[] args) throws Exception {
        List<String> kernels = args.length > 0 ? List.of(args) : List.of("cp0", "tlbwrite", "syscall", "tlbmiss",
                "interrupt", "compute");
        for (String kernel : kernels) {
            Images images = new Images(kernel);
            int half = ITERATIONS.get(kernel) / 2;
            Machine[][] runs = new Machine[5][2];
            for (int depth = 0; depth <= 4; depth++) {
                for (int s = 0; s < 2; s++) {
                    runs[depth][s] = images.boot(depth, (s + 1) * half, SLICE);
                    finish(runs[depth][s], kernel, depth);
                }
            }
            Counters g1 = counters(runs[0][0], 0), g2 = counters(runs[0][1], 0);
            long cycles = runs[0][1].clock().now() - runs[0][0].clock().now();
            StringBuilder same = new StringBuilder();
            for (int depth = 1; depth <= 4; depth++) {
                for (int s = 0; s < 2; s++) {
                    if (!counters(runs[depth][s], depth).snapshot().equals(counters(runs[0][s], 0).snapshot())) {
                        same.append(" DIFFERENT at depth ").append(depth).append(s == 0 ? " (n/2)" : " (n)");
                    }
                }
            }
            System.out.printf("%n%s, n/2 = %d. Guest level: %d instructions (+n/2: %d), %d exceptions (+%d), "
                    + "%d TLB writes (+%d); %s. Its cycles +n/2: %d = %.1f slices of %d%n", kernel, half,
                    g1.instructions(), g2.instructions() - g1.instructions(), g1.totalExceptions(),
                    g2.totalExceptions() - g1.totalExceptions(), g1.tlbWrites(), g2.tlbWrites() - g1.tlbWrites(),
                    same.length() == 0 ? "the same counters at depths 0-4" : same.toString().trim(), cycles,
                    cycles / (double) SLICE, SLICE);
            StringBuilder header = new StringBuilder(String.format("  %5s %5s", "depth", "level"));
            for (String kind : Counters.ENTRY_KINDS) header.append(String.format(" %18s", kind + " (+n/2)"));
            System.out.println(header);
            for (int depth = 1; depth <= 4; depth++) {
                for (int level = 0; level < depth; level++) {
                    Counters c1 = counters(runs[depth][0], level), c2 = counters(runs[depth][1], level);
                    StringBuilder line = new StringBuilder(String.format("  %5d %5d", depth, level));
                    for (int k = 0; k < Counters.ENTRY_KINDS.length; k++) {
                        long grown = c2.entries(k) - c1.entries(k);
                        line.append(String.format(" %18s", c1.entries(k) + " (+" + grown + ")"));
                    }
                    System.out.println(line);
                }
            }
        }
    }
}
