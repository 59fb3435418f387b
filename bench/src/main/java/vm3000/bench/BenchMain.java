package vm3000.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The entry point of benchmarks.jar ({@code make bench-jmh}): JMH with its usual command line, plus
 * three things. Where the C compute workload was not built (no cross compiler when bench/ was
 * built) and the command line does not choose workloads, that workload is left out with a line
 * saying why, instead of failing. After the run, a table gives each workload's block/interp
 * ratio, one gives RmrBench's cost per iteration at each depth and its ratio to the bare
 * machine, and one MemoryBench's accesses per second of each representation of RAM and its ratio
 * to PhysicalMemory's, from the figures of this one run.
 */
public final class BenchMain {
    private BenchMain() {}

    private static final Set<String> JMH_ONLY = Set.of("-h", "-l", "-lp", "-lprof", "-lrf", "-help");

    public static void main(String[] args) throws Exception {
        for (String a : args) {
            if (JMH_ONLY.contains(a)) {
                org.openjdk.jmh.Main.main(args);
                return;
            }
        }
        CommandLineOptions cl = new CommandLineOptions(args);
        ChainedOptionsBuilder b = new OptionsBuilder().parent(cl);
        // The matrix's cells are run by vm3000 bench (vm3000.bench.matrix.Matrix), each with its own parameters.
        if (cl.getIncludes().isEmpty()) b.exclude(java.util.regex.Pattern.quote(vm3000.bench.matrix.MatrixBench.class.getName()));
        // BlockCacheBench measures one design choice; it runs when named.
        if (cl.getIncludes().isEmpty()) b.exclude(java.util.regex.Pattern.quote(BlockCacheBench.class.getName()));
        // So does MemoryBench (the representation of RAM).
        if (cl.getIncludes().isEmpty()) b.exclude(java.util.regex.Pattern.quote(MemoryBench.class.getName()));
        // ProgramBench runs make bench-qemu's compute.c, which that script builds.
        if (cl.getIncludes().isEmpty()) b.exclude(java.util.regex.Pattern.quote(ProgramBench.class.getName()));
        Path elf = CoreBench.cCompute();
        buildCCompute(elf.getParent());
        if (!Files.exists(elf) && !cl.getParameter("workload").hasValue()) {
            System.out.println("SKIPPED workload c-compute: " + elf + " could not be built "
                    + "(mips-linux-gnu-gcc not found: install gcc-mips-linux-gnu)");
            b.param("workload", "compute", "tinyos", "compute-loop");
        }
        Collection<RunResult> results = new Runner(b.build()).run();
        printRatios(results);
        printRmr(results);
        printPairs(results);
        printMemory(results);
    }

    private static String ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) ? "-" : String.format("%.2f", a / b);
    }

    private static String mips(double score) {
        return Double.isNaN(score) ? "-" : String.format("%.1f", score);
    }

    /**
     * Builds the C compute workload with scripts/build-ccompute.sh (bench/scripts, next to the
     * jar's bench/target) into {@code out}. The script itself says why and builds nothing when the
     * cross compiler is missing.
     */
    static void buildCCompute(Path out) throws IOException, InterruptedException {
        Path script = out.getParent().getParent().resolve("scripts/build-ccompute.sh");
        if (!Files.exists(script)) {
            System.out.println("build-ccompute: " + script + " not found");
            return;
        }
        Process p = new ProcessBuilder("sh", script.toString(), out.toString()).inheritIO().start();
        if (p.waitFor() != 0) throw new IOException(script + " failed with exit code " + p.exitValue());
    }

    /**
     * Per workload: the scores of the interpreter, the block core (regions) and the block core
     * with blocks compiled alone, and the ratios block/interp and regions/blocks alone, when the
     * cores ran.
     */
    static void printRatios(Collection<RunResult> results) {
        Map<String, double[]> byWorkload = new LinkedHashMap<>();
        for (RunResult r : results) {
            String workload = r.getParams().getParam("workload");
            String core = r.getParams().getParam("core");
            if (workload == null || core == null) continue;
            double[] s = byWorkload.computeIfAbsent(workload, w -> new double[] {Double.NaN, Double.NaN, Double.NaN});
            s[core.equals("interp") ? 0 : core.equals("block") ? 1 : 2] = r.getPrimaryResult().getScore();
        }
        if (byWorkload.isEmpty()) return;
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-14s %12s %12s %18s %13s %16s", "workload", "interp MIPS", "block MIPS",
                "no-regions MIPS", "block/interp", "block/no-regions"));
        byWorkload.forEach((w, s) -> lines.add(String.format("%-14s %12s %12s %18s %13s %16s", w, mips(s[0]), mips(s[1]),
                mips(s[2]), ratio(s[1], s[0]), ratio(s[1], s[2]))));
        System.out.println();
        System.out.println("Guest instructions per second (millions), this run:");
        lines.forEach(System.out::println);
    }

    /**
     * RmrBench per kernel and depth: the cost of one iteration, (median time(n) - median
     * time(low(n))) / (n - low(n)) (RmrBench#low), and its ratio to depth 0 of the same kernel. Medians, not means: on a shared
     * machine a run now and then takes several times as long, and one such run moves a mean.
     */
    static void printRmr(Collection<RunResult> results) {
        Map<String, Map<Integer, double[]>> byKernel = new LinkedHashMap<>();
        for (RunResult r : results) {
            if (!r.getParams().getBenchmark().endsWith("RmrBench.run")) continue;
            String slice = r.getParams().getParam("slice");
            String monitor = r.getParams().getParam("monitor");
            String kernel = r.getParams().getParam("kernel") + (monitor == null || monitor.equals("rmrmon") ? "" : "/" + monitor)
                    + (slice == null || slice.equals("0") ? "" : "/" + slice);
            int depth = Integer.parseInt(r.getParams().getParam("monitors"));
            int scale = Integer.parseInt(r.getParams().getParam("scale"));
            byKernel.computeIfAbsent(kernel, k -> new TreeMap<>())
                    .computeIfAbsent(depth, d -> new double[] {Double.NaN, Double.NaN})[scale] =
                    r.getPrimaryResult().getStatistics().getPercentile(50);
        }
        if (byKernel.isEmpty()) return;
        System.out.println();
        System.out.println("RmrBench, this run: median ms of a run with low(n) (the least number of n's digits) and "
                + "with n iterations; ns per iteration = (time(n) - time(low)) / (n - low); its ratio to depth 0 (kernel/vmm: under the RMR VMM in Java, else rmrmon; /S: time slices of S cycles)");
        System.out.println(String.format("%-17s %9s %5s %9s %9s %12s %8s", "kernel", "n", "depth", "low ms", "n ms",
                "ns/iteration", "/ bare"));
        byKernel.forEach((kernel, depths) -> {
            int n = RmrBench.ITERATIONS.get(kernel.replaceFirst("/.*", ""));
            double[] bare = depths.getOrDefault(0, new double[] {Double.NaN, Double.NaN});
            int iterations = n - RmrBench.low(n);
            double bareNs = (bare[1] - bare[0]) * 1e6 / iterations;
            depths.forEach((depth, t) -> {
                double ns = (t[1] - t[0]) * 1e6 / iterations;
                System.out.println(String.format("%-17s %9d %5d %9.2f %9.2f %12.1f %8.3f", kernel, n, depth, t[0], t[1],
                        ns, ns / bareNs));
            });
        });
    }

    /**
     * RmrPairBench per kernel, monitor and depth: over every invocation of every fork, the cost
     * per iteration bare and nested (medians, ns) and the nested/bare ratio of each invocation's
     * pair: its median and quartiles.
     */
    static void printPairs(Collection<RunResult> results) {
        List<String> lines = new ArrayList<>();
        for (RunResult r : results) {
            if (!r.getParams().getBenchmark().endsWith("RmrPairBench.pair")) continue;
            List<Double> bare = new ArrayList<>(), nested = new ArrayList<>(), ratios = new ArrayList<>();
            for (org.openjdk.jmh.results.BenchmarkResult br : r.getBenchmarkResults()) {
                for (org.openjdk.jmh.results.IterationResult ir : br.getIterationResults()) {
                    var sec = ir.getSecondaryResults();
                    if (!sec.containsKey("barePs") || !sec.containsKey("nestedPs")) continue;
                    double b = sec.get("barePs").getScore(), n = sec.get("nestedPs").getScore();
                    bare.add(b / 1000);
                    nested.add(n / 1000);
                    if (b > 0) ratios.add(n / b);
                }
            }
            if (ratios.isEmpty()) continue;
            lines.add(String.format("%-10s %-7s %5s %6d %12.1f %12.1f %8.3f %8.3f..%.3f", r.getParams().getParam("kernel"),
                    r.getParams().getParam("monitor"), r.getParams().getParam("depth"), ratios.size(), quantile(bare, 0.5),
                    quantile(nested, 0.5), quantile(ratios, 0.5), quantile(ratios, 0.25), quantile(ratios, 0.75)));
        }
        if (lines.isEmpty()) return;
        System.out.println();
        System.out.println("RmrPairBench, this run: per invocation, the cost per iteration bare and nested (ns, medians) "
                + "and the ratio nested/bare of each pair: median and quartiles");
        System.out.println(String.format("%-10s %-7s %5s %6s %12s %12s %8s %s", "kernel", "monitor", "depth", "pairs",
                "bare ns", "nested ns", "ratio", "quartiles"));
        lines.forEach(System.out::println);
    }

    /**
     * MemoryBench per access pattern and byte order: millions of accesses per second of each
     * representation, and each one's ratio to PhysicalMemory's (above 1: faster).
     */
    static void printMemory(Collection<RunResult> results) {
        Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
        for (RunResult r : results) {
            String bench = r.getParams().getBenchmark();
            if (!bench.startsWith(MemoryBench.class.getName() + ".")) continue;
            String row = bench.substring(bench.lastIndexOf('.') + 1) + " " + r.getParams().getParam("order");
            rows.computeIfAbsent(row, k -> new LinkedHashMap<>()).put(r.getParams().getParam("ram"), r.getPrimaryResult().getScore());
        }
        if (rows.isEmpty()) return;
        System.out.println();
        System.out.println("MemoryBench, this run: millions of accesses per second, and / physical (PhysicalMemory's)");
        StringBuilder head = new StringBuilder(String.format("%-13s", "pattern"));
        for (String c : MemoryBench.CANDIDATES) head.append(String.format(" %15s", c));
        System.out.println(head);
        rows.forEach((row, scores) -> {
            double base = scores.getOrDefault("physical", Double.NaN);
            StringBuilder line = new StringBuilder(String.format("%-13s", row));
            for (String c : MemoryBench.CANDIDATES) {
                double s = scores.getOrDefault(c, Double.NaN);
                line.append(String.format(" %15s", Double.isNaN(s) ? "-" : String.format("%.0f (%s)", s, ratio(s, base))));
            }
            System.out.println(line);
        });
    }

    /** The {@code q} quantile of {@code values} (nearest rank). */
    static double quantile(List<Double> values, double q) {
        List<Double> v = new ArrayList<>(values);
        java.util.Collections.sort(v);
        int i = (int) Math.min(v.size() - 1, Math.max(0, Math.round(q * (v.size() - 1))));
        return v.get(i);
    }
}
