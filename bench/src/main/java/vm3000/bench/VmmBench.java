package vm3000.bench;

import java.io.OutputStream;
import java.io.PrintStream;
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
import vm3000.kernels.Kernels;
import vm3000.vmm.trap.Allocator;
import vm3000.vmm.trap.VirtualMachine;
import vm3000.vmm.trap.VmmStack;

/**
 * The cost of each sensitive path under the trap-and-emulate VMM: one microbenchmark kernel run
 * to power-off with {@link #ITERATIONS} iterations, on the bare machine (depth 0) and under 1, 2
 * and 3 stacked VMMs, all in one run so that slowdowns are ratios of figures measured side by
 * side. Booting (machine, VMM stack, image copy) is setup and not timed. The score is the time of
 * one whole run; divided by ITERATIONS it is the cost of one iteration of the kernel's loop.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VmmBench {
    static final String ITERATIONS = "5000";
    static final int RAM = 4 << 20;
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @Param({"cp0", "tlbwrite", "syscall", "tlbmiss", "interrupt", "compute"})
    public String kernel;

    /** 0: the bare machine; N: the kernel in a VM of the top of N stacked VMMs. */
    @Param({"0", "1", "2", "3"})
    public int depth;

    ElfFile elf;
    Machine bare;
    VmmStack stack;
    VirtualMachine vm;

    @Setup(Level.Trial)
    public void assemble() throws Exception {
        elf = Kernels.load(kernel);
    }

    @Setup(Level.Invocation)
    public void boot() throws Exception {
        if (depth == 0) {
            MachineOptions o = MachineOptions.defaults().withRam(RAM).withConsole(OutputStream.nullOutputStream())
                    .withMessages(QUIET);
            bare = Boot.machine(o, Sys161Config.defaults());
            Boot.load(bare, elf, ITERATIONS);
        } else {
            stack = VmmStack.create(VmmStack.hostRam(RAM, depth), elf.endian(), MachineOptions.Core.BLOCK, depth,
                    Allocator.DEFAULT_SLICE);
            vm = stack.top().createVm(RAM, elf, ITERATIONS, List.of(), OutputStream.nullOutputStream(), QUIET,
                    MachineOptions.DEFAULT_SEED);
        }
    }

    /** The kernel from boot to power-off. */
    @Benchmark
    public int run() {
        PowerState end;
        if (depth == 0) {
            end = bare.run(Long.MAX_VALUE);
        } else {
            stack.top().run();
            end = vm.power();
        }
        if (end.reason() != PowerState.Reason.POWER_OFF || end.exitCode() != 0) {
            throw new IllegalStateException(kernel + " at depth " + depth + ": " + end.reason() + " " + end.message());
        }
        return end.exitCode();
    }
}
