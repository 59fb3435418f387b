package vm3000.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.elf.ElfFile;

/**
 * Guest instructions per second of each core on the same workload, in one run, so the block
 * core's speed-up over the interpreter is a ratio of two figures measured side by side. The
 * score is guest instructions per microsecond (millions per second).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CoreBench {
    static final int STEPS = 1_000_000;

    /** interp: the reference interpreter; block: the block core. */
    @Param({"interp", "block"})
    public String core;

    /** The guest: {@code compute-loop} is bench/compute.s, an endless ALU/memory loop in kseg0. */
    @Param({"compute-loop"})
    public String workload;

    Machine machine;
    long target;

    @Setup(Level.Trial)
    public void boot() throws Exception {
        String src;
        try (InputStream in = CoreBench.class.getResourceAsStream("/bench/compute.s")) {
            src = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ElfFile elf = ElfFile.parse(Assembler.assembleElf(src, "compute.s", Assembler.Options.defaults()), "compute.s");
        MachineOptions o = MachineOptions.defaults().withRam(1 << 20).withConsole(OutputStream.nullOutputStream())
                .withMessages(new PrintStream(OutputStream.nullOutputStream()))
                .withCore(core.equals("block") ? MachineOptions.Core.BLOCK : MachineOptions.Core.INTERP);
        machine = Boot.machine(o, Sys161Config.defaults(1 << 20));
        Boot.load(machine, elf, "");
    }

    /** One million more guest instructions. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public long run() {
        target += STEPS;
        if (machine.blockCore() != null) machine.blockCore().runUntil(target);
        else machine.cpu().runUntil(target);
        return machine.cpu().executed();
    }
}
