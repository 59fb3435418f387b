package vm3000.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import vm3000.cpu.core.BlockCore;

/**
 * What bounding the block cache costs (docs/performance.md, "Bounded block cache"): CoreBench's
 * workloads on the block core with the default limits, which they never reach, and with limits
 * smaller than their working set, so that the cache is flushed and refilled over and over. In
 * millions of guest instructions per second, like CoreBench. Not part of a default
 * {@code make bench-jmh}; run it by name:
 * {@code java -jar bench/target/benchmarks.jar BlockCacheBench}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BlockCacheBench {
    /** Limits below every workload's working set: 32 blocks, 1,024 instructions, 2 pages, 8 compiled blocks. */
    static final BlockCore.CacheLimits SMALL = new BlockCore.CacheLimits(32, 1024, 2, 8);

    @Param({"c-compute", "compute", "tinyos"})
    public String workload;

    /** {@code default}: BlockCore.CacheLimits.DEFAULT; {@code small}: {@link #SMALL}. */
    @Param({"default", "small"})
    public String cache;

    private final CoreBench inner = new CoreBench();

    @Setup
    public void setUp() throws Exception {
        inner.core = "block";
        inner.workload = workload;
        inner.cacheLimits = cache.equals("small") ? SMALL : null;
        inner.setUp();
    }

    /** One million more guest instructions, across a reboot if the guest powers off. */
    @Benchmark
    @OperationsPerInvocation(CoreBench.STEPS)
    public long run() throws Exception {
        return inner.run();
    }
}
