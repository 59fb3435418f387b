package vm3000.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.elf.ElfFile;

/**
 * A program's whole run on the block core, as {@code vm3000 run} makes it: booted on a fresh
 * machine (16 MiB, {@code vm3000 run}'s default), run to its power-off with no instruction limit,
 * one operation each time; the JVM's compiled code stays from one to the next. The time of an
 * operation is what the warm JVM takes for the program, the block core's decoding, region forming
 * and table filling of each new machine included, as qemu's time includes TCG's translation.
 * {@link CoreBench} runs its guests in slices of a million instructions instead, each of which ends
 * the compiled regions' loops early (and can send HotSpot's code for them back to the
 * interpreter), which a whole run does not.
 *
 * <p>Run only when named: {@code image} is a file that must exist, by default the bare-metal
 * compute.c of {@code make bench-qemu} (bench/scripts/qemu-compare.sh), which reads the average
 * time and turns it into guest instructions per second with the program's instruction count.
 * A program that does not power off cleanly (exit code other than 0) fails the benchmark.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
public class ProgramBench {
    static final int RAM = 16 << 20;

    /** The ELF image to run; empty: the bare-metal compute.c of make bench-qemu. */
    @Param({""})
    public String image;

    ElfFile elf;
    final PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path path = image.isEmpty() ? CoreBench.cComputeLong() : Path.of(image);
        if (!Files.exists(path)) {
            throw new IllegalStateException(image.isEmpty() ? path + " missing: made by bench/scripts/qemu-compare.sh (make bench-qemu)"
                    : path + ": no such file");
        }
        elf = ElfFile.parse(Files.readAllBytes(path), path.toString());
    }

    /** The program, from power-on to power-off on a new machine; returns its instruction count. */
    @Benchmark
    public long run() throws Exception {
        MachineOptions o = MachineOptions.defaults().withRam(RAM).withCore(MachineOptions.Core.BLOCK)
                .withConsole(OutputStream.nullOutputStream()).withMessages(quiet);
        Machine m = Boot.machine(o, Sys161Config.defaults(RAM));
        Boot.load(m, elf, "", List.of());
        while (m.power().isRunning()) m.blockCore().runUntil(Long.MAX_VALUE);
        PowerState p = m.power();
        if (p.reason() != PowerState.Reason.POWER_OFF || p.exitCode() != 0) {
            throw new IllegalStateException(elf + " stopped: " + p.reason() + " exit " + p.exitCode() + " " + p.message());
        }
        return m.cpu().executed();
    }
}
