package vm3000.bench.matrix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The arithmetic of the comparison, from a set of {@link Cell}s: time per operation, slowdown
 * against bare, monitor entries per operation per level, and the modelled cost. A cell that is
 * excluded (its run differs from bare) gives no figure anywhere: every figure of it is NaN, and
 * {@link #excluded} names it.
 *
 * <p>Per operation, for a per-operation workload: (figure of the run with n iterations − figure
 * of the run with low(n), the least number of n's digits) / (n − low(n)), so that boot,
 * power-off and the final report (as long in both) cancel out; for a whole-run workload: the
 * figure of the run.
 */
public final class Report {
    private final List<Cell> cells;
    private final CostModel model;
    private final Map<String, Cell> byKey = new LinkedHashMap<>();

    public Report(List<Cell> cells, CostModel model) {
        this.cells = List.copyOf(cells);
        this.model = model;
        for (Cell c : cells) byKey.put(c.workload() + "/" + c.config(), c);
    }

    public List<Cell> cells() { return cells; }
    public CostModel model() { return model; }

    /** The workloads, in the order of the cells. */
    public List<String> workloads() {
        List<String> w = new ArrayList<>();
        for (Cell c : cells) if (!w.contains(c.workload())) w.add(c.workload());
        return w;
    }

    /** The cell of {@code workload} in {@code config}, or null. */
    public Cell cell(String workload, Config config) { return byKey.get(workload + "/" + config.name()); }

    /** The excluded cells, each with why. */
    public List<Cell> excluded() {
        List<Cell> out = new ArrayList<>();
        for (Cell c : cells) if (c.excluded() != null) out.add(c);
        return out;
    }

    private static boolean usable(Cell c) { return c != null && c.excluded() == null; }

    private static double per(Cell c, double full, double fixed) {
        return c.perOperation() ? (full - fixed) / (c.n() - c.low()) : full;
    }

    /** Wall time of one operation (or one run), in ns, from the medians; NaN if not timed or excluded. */
    public static double nsPerOp(Cell c) {
        if (!usable(c) || c.full() == null || (c.perOperation() && c.fixed() == null)) return Double.NaN;
        return per(c, c.full().median(), c.perOperation() ? c.fixed().median() : 0) * 1e6;
    }

    /**
     * The spread of {@link #nsPerOp}: half the interquartile ranges of the run with n iterations
     * and of the run with low(n), added, per operation.
     */
    public static double nsSpread(Cell c) {
        if (Double.isNaN(nsPerOp(c))) return Double.NaN;
        double half = ((c.full().q3() - c.full().q1())
                + (c.perOperation() ? c.fixed().q3() - c.fixed().q1() : 0)) / 2 * 1e6;
        return c.perOperation() ? half / (c.n() - c.low()) : half;
    }

    /** {@link #nsPerOp} of {@code c} over that of bare for the same workload. */
    public double slowdown(Cell c) {
        return ratio(nsPerOp(c), nsPerOp(cell(c.workload(), Config.BARE)));
    }

    /** The relative spread of {@link #slowdown}: those of the cell and of bare, added. */
    public double slowdownSpread(Cell c) {
        Cell bare = cell(c.workload(), Config.BARE);
        double s = slowdown(c);
        return s * (nsSpread(c) / nsPerOp(c) + nsSpread(bare) / nsPerOp(bare));
    }

    private static double ratio(double a, double b) { return b > 0 ? a / b : Double.NaN; }

    /** Monitor entries per operation at each level (level 0 first); empty for bare, null if excluded. */
    public static double[] entriesPerOp(Cell c) {
        if (!usable(c)) return null;
        List<LevelCounts> full = c.fullCounts().levels();
        double[] out = new double[full.size()];
        for (int l = 0; l < out.length; l++) {
            out[l] = per(c, full.get(l).totalEntries(), c.perOperation() ? c.fixedCounts().levels().get(l).totalEntries() : 0);
        }
        return out;
    }

    /** Σ over the levels of {@link #entriesPerOp}; NaN if excluded. */
    public static double totalEntriesPerOp(Cell c) {
        double[] e = entriesPerOp(c);
        if (e == null) return Double.NaN;
        double n = 0;
        for (double x : e) n += x;
        return n;
    }

    /** Monitor entries per operation by cause, at each level; null if excluded. */
    public static List<Map<String, Double>> entriesPerOpByCause(Cell c) {
        if (!usable(c)) return null;
        List<Map<String, Double>> out = new ArrayList<>();
        List<LevelCounts> full = c.fullCounts().levels();
        for (int l = 0; l < full.size(); l++) {
            Map<String, Double> m = new TreeMap<>();
            Map<String, Long> fixed = c.perOperation() ? c.fixedCounts().levels().get(l).entries() : Map.of();
            for (Map.Entry<String, Long> e : full.get(l).entries().entrySet()) {
                double v = per(c, e.getValue(), fixed.getOrDefault(e.getKey(), 0L));
                if (v != 0) m.put(e.getKey(), v);
            }
            for (Map.Entry<String, Long> e : fixed.entrySet()) {
                if (!full.get(l).entries().containsKey(e.getKey())) m.put(e.getKey(), per(c, 0, e.getValue()));
            }
            out.add(m);
        }
        return out;
    }

    /** A counter of every level, summed, per operation; NaN if excluded. */
    public static double perOp(Cell c, java.util.function.ToLongFunction<LevelCounts> counter) {
        if (!usable(c)) return Double.NaN;
        long full = 0, fixed = 0;
        for (LevelCounts l : c.fullCounts().levels()) full += counter.applyAsLong(l);
        if (c.perOperation()) for (LevelCounts l : c.fixedCounts().levels()) fixed += counter.applyAsLong(l);
        return per(c, full, fixed);
    }

    /** The hardware's level switches per operation (RMR only); NaN if excluded. */
    public static double levelSwitchesPerOp(Cell c) {
        if (!usable(c)) return Double.NaN;
        return per(c, c.fullCounts().levelSwitches(), c.perOperation() ? c.fixedCounts().levelSwitches() : 0);
    }

    /** The guest's cycles per operation; NaN if excluded. */
    public static double cyclesPerOp(Cell c) {
        if (!usable(c)) return Double.NaN;
        return per(c, c.fullCounts().guest().cycles(), c.perOperation() ? c.fixedCounts().guest().cycles() : 0);
    }

    /** Modelled cycles ({@link CostModel}) per operation; NaN if excluded. */
    public double modelledPerOp(Cell c) {
        if (!usable(c)) return Double.NaN;
        return per(c, model.cycles(c.fullCounts()), c.perOperation() ? model.cycles(c.fixedCounts()) : 0);
    }

    /** {@link #modelledPerOp} over that of bare for the same workload. */
    public double modelledSlowdown(Cell c) {
        return ratio(modelledPerOp(c), modelledPerOp(cell(c.workload(), Config.BARE)));
    }

    // ---------------------------------------------------------------- Markdown

    static String num(double v) {
        if (Double.isNaN(v)) return "—";
        double a = Math.abs(v);
        if (a == 0) return "0";
        if (a >= 1000) return String.format(Locale.ROOT, "%,.0f", v);
        if (a >= 10) return String.format(Locale.ROOT, "%.1f", v);
        if (a >= 0.01) return String.format(Locale.ROOT, "%.2f", v);
        return String.format(Locale.ROOT, "%.2g", v);
    }

    static String times(double v) { return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.2f×", v); }

    private String unit(String workload) {
        Cell bare = cell(workload, Config.BARE);
        return bare != null && !bare.perOperation() ? "run" : "op";
    }

    /** The report's tables, in Markdown; {@code header} goes first (what ran, where, how). */
    public String markdown(String header, List<String[]> skipped) {
        List<Config> configs = Config.all();
        StringBuilder md = new StringBuilder(header);
        md.append("\n## Slowdown against bare (wall time)\n\n");
        md.append("Time of one operation (per-operation workloads: (time with n − time with low) / (n − low), low the least number with n's digits; the others: one whole run), "
                + "from the medians, and its ratio to bare; ± half the interquartile ranges. `—`: excluded or not run.\n\n");
        tableHeader(md, "workload", "bare", configs);
        for (String w : workloads()) {
            Cell bare = cell(w, Config.BARE);
            md.append("| `").append(w).append("` | ").append(num(nsPerOp(bare))).append(" ns/").append(unit(w));
            for (Config c : configs.subList(1, configs.size())) {
                Cell x = cell(w, c);
                double s = x == null ? Double.NaN : slowdown(x);
                md.append(" | ").append(times(s));
                if (!Double.isNaN(s)) md.append(String.format(Locale.ROOT, " ±%.2f", Math.abs(slowdownSpread(x))));
            }
            md.append(" |\n");
        }

        // the student tree of the course labs leaves these counts out: exercise 5 asks for them
        md.append("\n<!-- lab 5 begin: the monitor entries per operation and level (exercise 5 has students count them) -->\n## Monitor entries per operation, by level\n\n");
        md.append("Entries into each monitor level per guest operation (per run for whole-run workloads), level 0 first: "
                + "`9 / 9 / 4` is 9 at level 0, 9 at level 1, 4 at level 2. Exact counts, from the same configurations.\n\n");
        md.append("| workload | scheme |");
        for (int d = 1; d <= Config.MAX_DEPTH; d++) md.append(" depth ").append(d).append(" |");
        md.append(" causes at the top level, depth 1 |\n|---|---|");
        for (int d = 1; d <= Config.MAX_DEPTH; d++) md.append("---|");
        md.append("---|\n");
        for (String w : workloads()) {
            for (Config.Scheme s : new Config.Scheme[] {Config.Scheme.TRAP, Config.Scheme.RMR}) {
                md.append("| `").append(w).append("` | ").append(s.label()).append(" |");
                for (int d = 1; d <= Config.MAX_DEPTH; d++) {
                    double[] e = entriesPerOp(cell(w, new Config(s, d)));
                    md.append(' ');
                    if (e == null) {
                        md.append("—");
                    } else {
                        for (int l = 0; l < e.length; l++) md.append(l == 0 ? "" : " / ").append(num(e[l]));
                    }
                    md.append(" |");
                }
                List<Map<String, Double>> causes = entriesPerOpByCause(cell(w, new Config(s, 1)));
                md.append(' ').append(causes == null ? "—" : causes(causes.get(causes.size() - 1))).append(" |\n");
            }
        }

        md.append("\n## Modelled cost\n\n");
        md.append(String.format(Locale.ROOT, "Modelled cycles per operation = guest cycles + entries × %s + interpreted "
                + "instructions × %s (docs/performance.md argues both), and the ratio to bare.%n%n", num(model.entry()),
                num(model.interp())));
        tableHeader(md, "workload", "bare", configs);
        for (String w : workloads()) {
            md.append("| `").append(w).append("` | ").append(num(modelledPerOp(cell(w, Config.BARE)))).append(" cycles/")
                    .append(unit(w));
            for (Config c : configs.subList(1, configs.size())) {
                Cell x = cell(w, c);
                md.append(" | ").append(x == null ? "—" : times(modelledSlowdown(x)));
            }
            md.append(" |\n");
        }

        md.append("\n## Every counter, per operation\n\n");
        md.append("Summed over the monitor levels: instructions interpreted and run directly by the VMMs' VMs, memory traps, "
                + "the hardware's level switches (RMR), shadow-TLB refills and ASID recycles (trap-and-emulate), time slices; "
                + "and the guest's own cycles. `results.json` has them per level and by cause.\n\n");
        md.append("| workload | configuration | guest cycles | entries | interpreted | direct | memory traps | level switches "
                + "| shadow refills | ASID recycles | slices |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (String w : workloads()) {
            for (Config c : configs) {
                Cell x = cell(w, c);
                if (x == null) continue;
                md.append("| `").append(w).append("` | ").append(c.name()).append(" | ").append(num(cyclesPerOp(x)))
                        .append(" | ").append(num(totalEntriesPerOp(x)))
                        .append(" | ").append(num(perOp(x, LevelCounts::interpreted)))
                        .append(" | ").append(num(perOp(x, LevelCounts::direct)))
                        .append(" | ").append(num(perOp(x, LevelCounts::memoryTraps)))
                        .append(" | ").append(num(levelSwitchesPerOp(x)))
                        .append(" | ").append(num(perOp(x, LevelCounts::shadowRefills)))
                        .append(" | ").append(num(perOp(x, LevelCounts::asidRecycles)))
                        .append(" | ").append(num(perOp(x, LevelCounts::slices))).append(" |\n");
            }
        }

        md.append("<!-- lab 5 end -->\n\n## Excluded and skipped\n\n");
        List<Cell> ex = excluded();
        if (ex.isEmpty() && skipped.isEmpty()) md.append("Nothing: every configuration of every workload ran and equals bare.\n");
        for (Cell c : ex) md.append("- excluded: `").append(c.workload()).append("` ").append(c.config()).append(": ")
                .append(c.excluded()).append('\n');
        for (String[] s : skipped) md.append("- skipped: `").append(s[0]).append("`: ").append(s[1]).append('\n');
        return md.toString();
    }

    private static void tableHeader(StringBuilder md, String first, String second, List<Config> configs) {
        md.append("| ").append(first).append(" | ").append(second);
        for (Config c : configs.subList(1, configs.size())) md.append(" | ").append(c.name());
        md.append(" |\n|---|---");
        for (int i = 1; i < configs.size(); i++) md.append("|---");
        md.append("|\n");
    }

    private static String causes(Map<String, Double> m) {
        if (m.isEmpty()) return "none";
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(num(v)));
        return sb.toString();
    }
}
