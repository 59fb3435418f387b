package vm3000.bench.matrix;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import vm3000.bench.Iterations;
import vm3000.cpu.OutputFiles;
import vm3000.cpu.bus.PowerState;

/**
 * The comparison matrix (docs/performance.md, "Trap-and-emulate against RMR"): every workload
 * in every configuration, on the block core. For each cell it first runs the guest untimed, to
 * read every counter and compare the run with bare (the machine is deterministic, so the timed
 * runs are these runs again); a cell whose run differs from bare is excluded and not timed.
 * Then it times each cell as a JMH run of its own, one fork each (compiled code is shared
 * inside a JVM, so cells must not warm each other), and writes {@code results.json},
 * {@code report.md} and the charts into the output directory.
 *
 * <p>Quick mode is a smoke test of the pipeline: a thousandth of the iterations, one
 * single-shot measurement, no fork. Its times mean nothing.
 */
public final class Matrix {
    /** What to run and where the results go. */
    public record Settings(boolean quick, int forkCount, List<Workload> workloads, List<Config> configs, CostModel model,
                           Path out, String command) {
        /** JVM forks per cell by default: HotSpot compiles each fork's hot code its own way, and one fork's luck moves a cell by ±20 %. */
        public static final int DEFAULT_FORKS = 2;

        public Settings {
            if (forkCount < 1 || forkCount > 20) throw new IllegalArgumentException("forks must be 1 to 20: " + forkCount);
            workloads = List.copyOf(workloads);
            List<Config> c = new ArrayList<>(configs);
            c.remove(Config.BARE);
            c.add(0, Config.BARE); // every ratio is to bare, and every verdict: it runs first
            configs = List.copyOf(c);
        }

        int iterations(Workload w) { return quick ? w.quickN() : w.n(); }
        int forks() { return quick ? 0 : forkCount; }
        int warmups() { return quick ? 0 : 2; }
        int measurements() { return quick ? 1 : 3; }
    }

    public static final String RESULTS = "results.json", REPORT = "report.md";

    /** Another JMH benchmark holds the machine (JMH's lock file): timing now would measure both. */
    public static final class BusyException extends Exception {
        BusyException(String message) { super(message); }
    }
    private static final double FORK_SECONDS = 1.5;

    private final Settings s;
    private final PrintStream log;
    private final List<String[]> skipped = new ArrayList<>();
    private final List<RunResult> jmh = new ArrayList<>();
    private final Map<String, Double> runSeconds = new LinkedHashMap<>();

    public Matrix(Settings settings, PrintStream log) {
        this.s = settings;
        this.log = log;
    }

    /** Runs the matrix and writes the results; returns the report. */
    public Report run() throws Exception {
        Instant start = Instant.now();
        Files.createDirectories(s.out());
        Path images = Files.createTempDirectory("vm3000-bench-images");
        try {
            return run(start, images);
        } finally {
            try (var files = Files.walk(images)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private Report run(Instant start, Path images) throws Exception {
        List<Workload> workloads = new ArrayList<>();
        String gccWhy = null;
        boolean gccTried = false;
        for (Workload w : s.workloads()) {
            if (w.needsGcc()) {
                if (!gccTried) {
                    gccWhy = GccImages.build(images, s.quick());
                    gccTried = true;
                }
                if (gccWhy != null) {
                    skipped.add(new String[] {w.name(), gccWhy});
                    log.println("SKIPPED workload " + w.name() + ": " + gccWhy);
                    continue;
                }
            }
            workloads.add(w);
        }

        log.printf("Counting: %d workloads × %d configurations, each run untimed and compared with bare%n", workloads.size(),
                s.configs().size());
        List<Cell> cells = new ArrayList<>();
        for (Workload w : workloads) cells.addAll(count(w, images));

        List<Cell> timed = new ArrayList<>();
        int trials = 0;
        double estimate = 0;
        for (Cell c : cells) {
            if (c.excluded() != null) continue;
            for (int scale : scales(c)) {
                trials++;
                double run = runSeconds.getOrDefault(c.workload() + "/" + c.config() + "/" + scale, 0.0);
                estimate += s.quick() ? run * 2 : s.forks() * (FORK_SECONDS + Math.max(s.warmups() + s.measurements(),
                        (s.warmups() + s.measurements()) * run));
            }
        }
        log.printf(Locale.ROOT, "Timing: %d JMH runs (%s); about %s%n", trials, s.quick()
                ? "quick: one single-shot measurement each, no fork; the times mean nothing"
                : s.forks() + " fork(s) each, " + s.warmups() + " × 1 s warm-up, " + s.measurements() + " × 1 s measurement per fork",
                duration(estimate));
        int done = 0;
        Instant timing = Instant.now();
        for (Cell c : cells) {
            if (c.excluded() != null) {
                timed.add(c);
                continue;
            }
            Timing[] t = new Timing[2];
            String failed = null;
            for (int scale : scales(c)) {
                done++;
                try {
                    t[scale == 0 ? 1 : 0] = time(c, scale == 0 ? c.low() : c.n(), images);
                } catch (RunnerException e) {
                    String m = String.valueOf(e.getMessage());
                    if (m.contains("JMH lock")) {
                        throw new BusyException("another JMH benchmark is running on this machine (it holds "
                                + System.getProperty("java.io.tmpdir") + "/jmh.lock): run vm3000 bench when it has finished");
                    }
                    failed = "its timed run failed: " + m.lines().findFirst().orElse(m);
                }
                double elapsed = Duration.between(timing, Instant.now()).toMillis() / 1000.0;
                log.printf(Locale.ROOT, "[%3d/%d] %-10s %-6s %-9s %s   (%s elapsed, about %s to go)%n", done, trials,
                        c.workload(), c.config(), scale == 0 ? c.low() + " iter." : c.perOperation() ? c.n() + " iter." : "whole",
                        failed != null ? "FAILED" : String.format(Locale.ROOT, "median %.2f ms", (scale == 0 ? t[1] : t[0]).median()),
                        duration(elapsed), duration(elapsed / done * (trials - done)));
            }
            Cell x = c.withTimes(t[0], t[1]);
            timed.add(failed == null ? x : x.excludedBecause(failed));
        }

        Report report = new Report(timed, s.model());
        Duration took = Duration.between(start, Instant.now());
        writeResults(report, took, start);
        String md = report.markdown(header(took, start), skipped)
                + "\n## Charts\n\n" + "![slowdown](" + Charts.SLOWDOWN + ")\n\n![entries](" + Charts.ENTRIES
                + ")\n\n![modelled cost](" + Charts.MODELLED + ")\n";
        OutputFiles.write(s.out().resolve(REPORT), md.getBytes(StandardCharsets.UTF_8));
        Charts.write(report, s.out());
        log.printf("Wrote %s, %s and %s, %s, %s in %s (%s)%n", RESULTS, REPORT, Charts.SLOWDOWN, Charts.ENTRIES,
                Charts.MODELLED, s.out(), duration(took.toMillis() / 1000.0));
        return report;
    }

    private static int[] scales(Cell c) { return c.perOperation() ? new int[] {0, 1} : new int[] {1}; }

    /** The cells of {@code w}: every configuration, run untimed with low(n) and n iterations, verdicts against bare. */
    private List<Cell> count(Workload w, Path images) throws Exception {
        int n = s.iterations(w);
        Counts bareFull = null, bareFixed = null;
        List<Cell> out = new ArrayList<>();
        StringBuilder line = new StringBuilder(String.format("  %-10s", w.name()));
        for (Config c : s.configs()) {
            Counts full = countOne(w, c, w.perOperation() ? n : 1, images, 1);
            Counts fixed = w.perOperation() ? countOne(w, c, Iterations.low(n), images, 0) : null;
            String why = null;
            if (c.equals(Config.BARE)) {
                bareFull = full;
                bareFixed = fixed;
                if (!full.guest().reason().equals(PowerState.Reason.POWER_OFF.name())) {
                    why = "the bare run itself stopped by " + full.guest().reason();
                }
            } else {
                String d = full.guest().differenceFrom(bareFull.guest());
                if (d == null && fixed != null) {
                    d = fixed.guest().differenceFrom(bareFixed.guest());
                    if (d != null) d += " (with " + Iterations.low(n) + " iterations)";
                }
                if (d != null) why = "its run differs from bare: it " + d;
            }
            out.add(new Cell(w.name(), c.name(), w.perOperation(), w.perOperation() ? n : 1,
                    w.perOperation() ? Iterations.low(n) : 0, null, null, full, fixed, why));
            line.append(' ').append(c.name()).append(why == null ? "" : " (EXCLUDED)");
        }
        log.println(line);
        for (Cell c : out) if (c.excluded() != null) log.println("    " + c.workload() + " " + c.config() + ": " + c.excluded());
        return out;
    }

    private Counts countOne(Workload w, Config c, int iterations, Path images, int scale) throws Exception {
        long t0 = System.nanoTime();
        Booted b = Booted.boot(c, w.guest(iterations, images));
        b.run();
        runSeconds.put(w.name() + "/" + c.name() + "/" + scale, (System.nanoTime() - t0) / 1e9);
        return b.counts();
    }

    /** One JMH run of a cell with {@code iterations}. */
    private Timing time(Cell c, int iterations, Path images) throws RunnerException {
        OptionsBuilder o = new OptionsBuilder();
        o.include(Pattern.quote(MatrixBench.class.getName()) + "\\.run$")
                .param("workload", c.workload()).param("config", c.config())
                .param("iterations", Integer.toString(iterations)).param("images", images.toString())
                .forks(s.forks()).warmupIterations(s.warmups()).measurementIterations(s.measurements())
                .warmupTime(TimeValue.seconds(1)).measurementTime(TimeValue.seconds(1))
                .verbosity(VerboseMode.SILENT).shouldFailOnError(true);
        if (s.quick()) {
            // A smoke test: its times mean nothing, so it need not wait for the machine to itself.
            o.mode(Mode.SingleShotTime).jvmArgsAppend("-Djmh.ignoreLock=true");
            System.setProperty("jmh.ignoreLock", "true");
        }
        Collection<RunResult> r = new Runner(o.build()).run();
        if (r.isEmpty()) throw new RunnerException("JMH gave no result");
        RunResult result = r.iterator().next();
        jmh.add(result);
        return Timing.of(result);
    }

    private String header(Duration took, Instant start) {
        StringBuilder h = new StringBuilder("# Trap-and-emulate against RMR hardware: the comparison matrix\n\n");
        h.append("Generated by `").append(s.command()).append("`, started ").append(start).append(", took ")
                .append(duration(took.toMillis() / 1000.0)).append(".\n\n");
        h.append("- Machine: ").append(Host.describe()).append('\n');
        h.append("- Timing: ").append(s.quick()
                ? "**quick mode**: one single-shot run per cell, no fork, a thousandth of the iterations. A smoke test of the "
                        + "pipeline: the times mean nothing."
                : "JMH, " + s.forks() + " JVM fork(s) per cell, none shared between cells (`-XX:+UseSerialGC`), "
                        + s.warmups() + " × 1 s warm-up and " + s.measurements() + " × 1 s measurement iterations per fork, "
                        + "sample time, the median over the samples of all forks; every invocation boots a fresh machine "
                        + "(not timed) and runs the guest from power-on to power-off.").append('\n');
        h.append("- Configurations: ");
        for (Config c : s.configs()) h.append('`').append(c.name()).append("` ");
        h.append("— block core, guests given 16 MiB.\n");
        h.append("- Workloads (n = iterations of the per-operation ones):\n");
        for (Workload w : s.workloads()) {
            h.append("  - `").append(w.name()).append("`: ").append(w.what())
                    .append(w.perOperation() ? ", n = " + s.iterations(w) : ", timed whole").append('\n');
        }
        h.append("- Every cell's counters come from an untimed run of the same guest in the same configuration; the "
                + "machine is deterministic, so the timed runs are that run again. A cell whose run differs from bare "
                + "(transcript, exit code, cycles, the guest's own counters) is excluded and named at the end.\n");
        return h.toString();
    }

    private void writeResults(Report report, Duration took, Instant start) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            ResultFormatFactory.getInstance(ResultFormatType.JSON, ps).writeOut(jmh);
        }
        String json = ResultsJson.write(report, s, skipped, buf.toString(StandardCharsets.UTF_8), start, took);
        OutputFiles.write(s.out().resolve(RESULTS), json.getBytes(StandardCharsets.UTF_8));
    }

    static String duration(double seconds) {
        long t = Math.round(seconds);
        return t < 60 ? t + " s" : String.format(Locale.ROOT, "%d min %02d s", t / 60, t % 60);
    }
}
