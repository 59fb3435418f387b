package vm3000.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.asm.Assembler;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.elf.ElfFile;
import vm3000.kernels.Kernels;

/**
 * Guest instructions per second of each core on the same workloads, in one run, so the block
 * core's speed-up over the interpreter is a ratio of two figures measured side by side. The
 * score is guest instructions per microsecond (millions per second). One operation is
 * {@value #STEPS} guest instructions; a guest that powers off within them is booted again on a
 * fresh machine and goes on, so the time of booting is part of the figure (it is small: see
 * docs/performance.md). A guest that does not power off cleanly (exit code other than 0, a
 * machine check) fails the benchmark.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CoreBench {
    static final int STEPS = 1_000_000;

    /**
     * interp: the reference interpreter; block: the block core (hot code compiled in regions,
     * the default); block-noregions: the block core with hot blocks compiled alone.
     */
    @Param({"interp", "block", "block-noregions"})
    public String core;

    /**
     * The guest. {@code c-compute}: cpu/src/test/c/compute.c built bare-metal with GCC -O2
     * (1.2e8 instructions a run; only where mips-linux-gnu-gcc is installed);
     * {@code compute}: the compute guest kernel (user-mode LCG loop, 10^6 iterations a boot);
     * {@code tinyos}: the tinyos guest kernel (processes, syscalls, TLB refills, timer
     * preemption; 8.9e5 instructions a boot); {@code compute-loop}: bench/compute.s, an endless
     * ALU/memory loop in kseg0. Not run unless named: {@code c-compute-long}, compute.c built
     * with more rounds (2304 by default: 2.18e9 instructions a run) by scripts/qemu-compare.sh
     * (see {@link #cComputeLong()}), whose warm figure is {@link ProgramBench}'s whole runs of it.
     */
    @Param({"c-compute", "compute", "tinyos", "compute-loop"})
    public String workload;

    /**
     * The bare-metal build of compute.c: made by scripts/build-ccompute.sh, which {@link BenchMain}
     * runs before the benchmarks, next to benchmarks.jar (bench/target/ccompute/).
     */
    static Path cCompute() {
        try {
            Path jar = Path.of(CoreBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().resolve("ccompute/compute-baremetal.elf");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The long build of compute.c for the comparison with qemu-mips: made by
     * scripts/qemu-compare.sh next to benchmarks.jar (bench/target/qemu-compare/), so that the
     * warm figure is of the very image whose wall times the script measures.
     */
    static Path cComputeLong() {
        return cCompute().getParent().resolveSibling("qemu-compare/compute-baremetal.elf");
    }

    ElfFile elf;
    String bootArgs = "";
    int ram = 1 << 20;
    Machine machine;
    long target;
    long boots;
    /** The block cache's limits on every machine booted, or null for the default ones (BlockCacheBench). */
    vm3000.cpu.core.BlockCore.CacheLimits cacheLimits;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        switch (workload) {
            case "c-compute" -> {
                Path image = cCompute();
                if (!Files.exists(image)) throw new IllegalStateException(image + " missing: mips-linux-gnu-gcc not found (install gcc-mips-linux-gnu)");
                elf = ElfFile.parse(Files.readAllBytes(image), image.toString());
            }
            case "c-compute-long" -> {
                Path image = cComputeLong();
                if (!Files.exists(image)) throw new IllegalStateException(image + " missing: made by bench/scripts/qemu-compare.sh (make bench-qemu)");
                elf = ElfFile.parse(Files.readAllBytes(image), image.toString());
            }
            case "compute" -> {
                elf = Kernels.load("compute");
                bootArgs = "1000000";
            }
            case "tinyos" -> {
                elf = Kernels.load("tinyos");
                ram = 16 << 20;
            }
            case "compute-loop" -> {
                String src = new String(resource("/bench/compute.s"), StandardCharsets.UTF_8);
                elf = ElfFile.parse(Assembler.assembleElf(src, "compute.s", Assembler.Options.defaults()), "compute.s");
            }
            default -> throw new IllegalArgumentException("unknown workload " + workload);
        }
        boot();
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = CoreBench.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private void boot() throws Exception {
        MachineOptions o = MachineOptions.defaults().withRam(ram).withConsole(OutputStream.nullOutputStream())
                .withMessages(new PrintStream(OutputStream.nullOutputStream()))
                .withCore(core.startsWith("block") ? MachineOptions.Core.BLOCK : MachineOptions.Core.INTERP);
        machine = Boot.machine(o, Sys161Config.defaults(ram));
        if (core.equals("block-noregions")) machine.blockCore().configureRegions(false);
        if (cacheLimits != null && machine.blockCore() != null) machine.blockCore().configureCache(cacheLimits);
        Boot.load(machine, elf, bootArgs);
        target = 0;
        boots++;
    }

    /** One million more guest instructions, across a reboot if the guest powers off. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public long run() throws Exception {
        long left = STEPS;
        while (true) {
            long before = machine.cpu().executed();
            target = before + left;
            if (machine.blockCore() != null) machine.blockCore().runUntil(target);
            else machine.cpu().runUntil(target);
            left -= machine.cpu().executed() - before;
            if (left <= 0) return machine.cpu().executed();
            PowerState p = machine.power();
            if (p.reason() != PowerState.Reason.POWER_OFF || p.exitCode() != 0) {
                throw new IllegalStateException(workload + " stopped: " + p.reason() + " exit " + p.exitCode() + " " + p.message());
            }
            boot();
        }
    }
}
