package vm3000.bench.matrix;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The report's three charts, one panel per workload, both schemes in every panel, depth on the
 * x axis (0 = bare): slowdown against bare (wall time, with error bars), monitor entries per
 * operation summed over the levels (log scale), and modelled cost against bare (log scale).
 */
public final class Charts {
    public static final String SLOWDOWN = "slowdown.svg", ENTRIES = "entries.svg", MODELLED = "modelled.svg";
    static final String TRAP_COLOR = "#d62728", RMR_COLOR = "#1f77b4";

    private Charts() {}

    /** Writes the three charts into {@code dir}; returns their file names. */
    public static List<String> write(Report r, Path dir) throws IOException {
        slowdown(r).write(dir.resolve(SLOWDOWN));
        entries(r).write(dir.resolve(ENTRIES));
        modelled(r).write(dir.resolve(MODELLED));
        return List.of(SLOWDOWN, ENTRIES, MODELLED);
    }

    static SvgChart slowdown(Report r) {
        SvgChart c = chart("Slowdown against bare, wall time (lower is better)", "time / bare time", false)
                .note("Median time per operation (per run for tinyos-gcc and c-compute) over that of bare; bars: half the interquartile ranges.");
        for (String w : r.workloads()) c.add(panel(r, w, r::slowdown, r::slowdownSpread, 1));
        return c;
    }

    static SvgChart entries(Report r) {
        SvgChart c = chart("Monitor entries per operation, all levels (log scale)", "entries per operation", true)
                .note("Exact counts. 0 is drawn as an open marker on the bottom edge.");
        for (String w : r.workloads()) c.add(panel(r, w, Report::totalEntriesPerOp, null, 0));
        return c;
    }

    static SvgChart modelled(Report r) {
        SvgChart c = chart("Modelled cost against bare (log scale)", "modelled cycles / bare", true)
                .note(String.format(java.util.Locale.ROOT, "guest cycles + entries × %s + interpreted instructions × %s, over bare's (docs/performance.md).",
                        Report.num(r.model().entry()), Report.num(r.model().interp())));
        for (String w : r.workloads()) c.add(panel(r, w, r::modelledSlowdown, null, 1));
        return c;
    }

    private static SvgChart chart(String title, String yLabel, boolean log) {
        String[] ticks = new String[Config.MAX_DEPTH + 1];
        ticks[0] = "bare";
        for (int d = 1; d <= Config.MAX_DEPTH; d++) ticks[d] = Integer.toString(d);
        return new SvgChart(title, "depth (VMMs below the guest)", yLabel, log, ticks);
    }

    /** Both schemes' lines for {@code workload}; x = 0 is bare, whose value is {@code bareValue}. */
    private static SvgChart.Panel panel(Report r, String workload, ToDoubleFunction<Cell> value, ToDoubleFunction<Cell> err,
                                        double bareValue) {
        List<SvgChart.Series> series = new ArrayList<>();
        for (Config.Scheme s : new Config.Scheme[] {Config.Scheme.TRAP, Config.Scheme.RMR}) {
            double[] x = new double[Config.MAX_DEPTH + 1], y = new double[x.length], e = new double[x.length];
            Cell bare = r.cell(workload, Config.BARE);
            y[0] = bare != null && bare.excluded() == null ? bareValue : Double.NaN;
            e[0] = Double.NaN;
            for (int d = 1; d <= Config.MAX_DEPTH; d++) {
                x[d] = d;
                Cell c = r.cell(workload, new Config(s, d));
                y[d] = c == null ? Double.NaN : value.applyAsDouble(c);
                e[d] = c == null || err == null ? Double.NaN : err.applyAsDouble(c);
            }
            series.add(new SvgChart.Series(s.label(), s == Config.Scheme.TRAP ? TRAP_COLOR : RMR_COLOR,
                    s == Config.Scheme.TRAP ? "6 3" : null, x, y, e));
        }
        return new SvgChart.Panel(workload, series);
    }
}
