package vm3000.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import vm3000.cpu.Machine;
import vm3000.cpu.MachineOptions;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.dev.Sys161Config;
import vm3000.cpu.elf.ElfFile;
import vm3000.kernels.Kernels;

/**
 * How the block core warms up on a program: runs it to its end {@code runs} times in this one
 * JVM, each time on a new machine (the JVM's compiled code stays), and prints each run's wall
 * time and, for the first, the guest's speed over each slice of {@code slice} instructions. The
 * first run is what a whole {@code vm3000 run} pays after start-up; the later ones show the warm
 * rate. Wall times of the host, for alternating builds by hand (docs/performance.md, "JitTlb");
 * nothing here is a JMH benchmark. Each slice ends at an instruction limit, which ends compiled
 * code's runs early (and may send HotSpot's code for a hot region back to the interpreter): a
 * slice larger than the run (10<sup>12</sup>) times the run as {@code vm3000 run} runs it.
 *
 * <pre>java -XX:+UseSerialGC -cp bench/target/benchmarks.jar vm3000.bench.WarmUp ELF|KERNEL [runs [slice]]</pre>
 */
public final class WarmUp {
    private WarmUp() {}

    /** One run: its wall seconds, instructions, and the MIPS of each slice. */
    record Run(double seconds, long instructions, List<Double> slices) {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: WarmUp ELF|KERNEL [runs [slice]]");
            System.exit(2);
        }
        ElfFile elf = Files.exists(Path.of(args[0]))
                ? ElfFile.parse(Files.readAllBytes(Path.of(args[0])), args[0]) : Kernels.load(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        long slice = args.length > 2 ? Long.parseLong(args[2]) : 100_000_000L;
        for (int i = 0; i < runs; i++) {
            Run r = run(elf, i == 0 ? slice : Long.MAX_VALUE);
            System.out.printf("run %d: %.3f s, %d instructions, %.1f MIPS%n", i, r.seconds(), r.instructions(),
                    r.instructions() / r.seconds() / 1e6);
            if (i == 0) {
                StringBuilder sb = new StringBuilder("  MIPS per slice of " + slice + ":");
                for (double m : r.slices()) sb.append(String.format(m < 10 ? " %.2f" : " %.0f", m));
                System.out.println(sb);
            }
        }
    }

    /** {@code elf} on a new machine (the block core, 32 MiB, output dropped), to its end, timed slice by slice. */
    static Run run(ElfFile elf, long slice) throws Exception {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        MachineOptions o = MachineOptions.defaults().withRam(32 << 20).withCore(MachineOptions.Core.BLOCK)
                .withConsole(OutputStream.nullOutputStream()).withMessages(quiet);
        Machine m = Boot.machine(o, Sys161Config.defaults(32 << 20));
        Boot.load(m, elf, "", List.of());
        List<Double> slices = new ArrayList<>();
        long start = System.nanoTime(), t0 = start, limit = 0;
        while (m.power().isRunning()) {
            limit = slice == Long.MAX_VALUE ? slice : limit + slice;
            long before = m.cpu().executed();
            m.blockCore().runUntil(limit);
            long t = System.nanoTime();
            slices.add((m.cpu().executed() - before) / ((t - t0) / 1e3));
            t0 = t;
        }
        return new Run((System.nanoTime() - start) / 1e9, m.cpu().executed(), slices);
    }
}
