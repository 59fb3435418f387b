package vm3000.bench.matrix;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

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
 * One cell of the comparison matrix ({@link Matrix}, docs/performance.md): a workload in a
 * configuration with a number of iterations, from power-on to power-off. Booting (machine, VMM
 * stack, image copy) is per-invocation setup, not timed. {@link Matrix} runs each cell as a
 * JMH run of its own, in a JVM of its own, and sets every parameter; the defaults here only make
 * the class runnable by hand.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseSerialGC") // no concurrent GC threads beside the run
public class MatrixBench {
    @Param({"cp0"})
    public String workload;

    @Param({"bare"})
    public String config;

    /** The per-operation workloads' iteration count (its boot argument). */
    @Param({"1000"})
    public int iterations;

    /** Where the GCC-built images are ({@link GccImages}); unused by the guest kernels. */
    @Param({""})
    public String images;

    Guest guest;
    Config cfg;
    Booted booted;

    @Setup(Level.Trial)
    public void load() throws Exception {
        cfg = Config.parse(config);
        guest = Workload.named(workload).guest(iterations, Path.of(images));
    }

    @Setup(Level.Invocation)
    public void boot() throws Exception {
        booted = Booted.boot(cfg, guest);
    }

    /** The guest from power-on to power-off; anything but exit code 0 (or a stop) fails the cell. */
    @Benchmark
    public int run() {
        PowerState end = booted.run();
        if (end.reason() != PowerState.Reason.POWER_OFF) {
            throw new IllegalStateException(workload + " " + config + ": " + end.reason() + " " + end.message());
        }
        return end.exitCode();
    }
}
