package vm3000.bench.matrix;

/**
 * One workload in one configuration: its run with n iterations ({@code full}) and, for a
 * per-operation workload, its run with {@code low} ({@code fixed}: {@link vm3000.bench.Iterations#low}); each with its time (null where it was
 * not timed) and its counters; and the verdict: null when every run equals the bare run of the
 * same iterations, else why the configuration is excluded.
 */
public record Cell(String workload, String config, boolean perOperation, int n, int low, Timing full, Timing fixed,
                   Counts fullCounts, Counts fixedCounts, String excluded) {
    public Config configuration() { return Config.parse(config); }

    Cell withTimes(Timing full, Timing fixed) {
        return new Cell(workload, config, perOperation, n, low, full, fixed, fullCounts, fixedCounts, excluded);
    }

    Cell excludedBecause(String why) {
        return new Cell(workload, config, perOperation, n, low, full, fixed, fullCounts, fixedCounts, why);
    }
}
