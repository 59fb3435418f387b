package vm3000.bench;

import java.io.IOException;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.asm.Assembler;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.core.Cpu;
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.elf.ElfFile;

/**
 * Guest instructions per second of the interpreter on a compute loop with no sensitive
 * instruction. The score is in guest instructions per microsecond (= millions per second).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InterpreterBench {
    static final int STEPS = 1_000_000;

    Cpu cpu;

    @Setup(Level.Trial)
    public void boot() throws Exception {
        String src;
        try (InputStream in = InterpreterBench.class.getResourceAsStream("/bench/compute.s")) {
            src = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ElfFile elf = ElfFile.parse(Assembler.assembleElf(src, "compute.s", Assembler.Options.defaults()), "compute.s");
        MachineOptions o = MachineOptions.defaults().withRam(1 << 20).withConsole(OutputStream.nullOutputStream())
                .withMessages(new PrintStream(OutputStream.nullOutputStream()));
        Machine m = Boot.machine(o, Sys161Config.defaults(1 << 20));
        Boot.load(m, elf, "");
        cpu = m.cpu();
    }

    /** One million guest instructions on the interpreter. */
    @Benchmark
    @OperationsPerInvocation(STEPS)
    public int interpreterCompute() {
        Cpu c = cpu;
        for (int i = 0; i < STEPS; i++) c.step();
        return c.reg(17);
    }
}
