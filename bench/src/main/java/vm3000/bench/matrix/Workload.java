package vm3000.bench.matrix;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import vm3000.cpu.BadInputException;
import vm3000.cpu.boot.Boot;
import vm3000.cpu.elf.ElfFile;
import vm3000.kernels.Kernels;

/**
 * One row of the matrix. A microbenchmark kernel (docs/guest-kernels.md) takes its iteration
 * count as its boot argument, so it is <em>per operation</em>: it runs with n iterations and
 * with low(n), the least number with as many digits ({@link vm3000.bench.Iterations}), and the
 * cost of one operation is the difference over n − low(n), boot, power-off and the final report
 * cancelling out. A realistic workload is timed whole, from power-on to power-off.
 */
public record Workload(String name, String what, boolean perOperation, int n, int quickN) {
    /** RAM of every guest: that of the equivalence tests (16 MiB). */
    public static final int RAM = 16 << 20;

    public static final List<Workload> ALL = List.of(
            new Workload("cp0", "kernel mode: 2 MTC0 + 2 MFC0 a loop", true, 1_000_000, 1_000),
            new Workload("tlbwrite", "kernel mode: TLBWR with a new EntryHi/EntryLo a loop", true, 250_000, 250),
            new Workload("syscall", "a user-mode SYSCALL and the kernel's return, a loop", true, 600_000, 600),
            new Workload("tlbmiss", "user-mode loads that miss the TLB; the kernel's refill handler", true, 300_000, 300),
            new Workload("interrupt", "a timer interrupt, acknowledged, a loop; the kernel spins between them", true, 500_000, 500),
            new Workload("compute", "a user-mode LCG loop: no sensitive work at all", true, 100_000_000, 10_000),
            new Workload("tinyos-gcc", "tinyos running GCC-built user programs (fib.c, 3 processes) and a faulting one",
                    false, 1, 1),
            new Workload("c-compute", "compute.c built with GCC -O2, run in kernel mode (1.2e8 instructions; --quick: 1 round of 128)", false, 1, 1));

    public static Workload named(String name) {
        for (Workload w : ALL) if (w.name.equals(name)) return w;
        StringBuilder names = new StringBuilder();
        for (Workload w : ALL) names.append(names.length() == 0 ? "" : ", ").append(w.name);
        throw new IllegalArgumentException("unknown workload '" + name + "' (" + names + ")");
    }

    /** Whether it needs the GCC-built images of {@link GccImages}. */
    public boolean needsGcc() { return name.equals("tinyos-gcc") || name.equals("c-compute"); }

    /**
     * The guest of a run with {@code iterations} iterations (per-operation workloads only; the
     * others ignore it). {@code images} holds the GCC-built images where {@link #needsGcc}.
     */
    public Guest guest(int iterations, Path images) throws Exception {
        switch (name) {
            case "tinyos-gcc" -> {
                Path fib = images.resolve(GccImages.FIB);
                Boot.Module f = new Boot.Module("fib", fib.toString(), Files.readAllBytes(fib));
                Boot.Module bad = new Boot.Module("badaddr", "badaddr.s", GccImages.badaddr());
                return new Guest(name, Kernels.load("tinyos"), "", List.of(f, f, bad, f), RAM);
            }
            case "c-compute" -> {
                Path elf = images.resolve(GccImages.COMPUTE);
                return new Guest(name, parse(elf), "", List.of(), RAM);
            }
            default -> {
                return new Guest(name, Kernels.load(name), Integer.toString(iterations), List.of(), RAM);
            }
        }
    }

    private static ElfFile parse(Path elf) throws Exception {
        try {
            return ElfFile.parse(Files.readAllBytes(elf), elf.toString());
        } catch (BadInputException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override public String toString() { return name; }
}
