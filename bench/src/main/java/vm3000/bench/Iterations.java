package vm3000.bench;

/**
 * The run that measures a per-operation benchmark's fixed part (boot, stack set-up, the final
 * report) takes {@link #low}(n) iterations where the measured run takes n: the kernels print their
 * iteration count, and under a monitor every character of the report is memory traps, so a run
 * of 0 iterations, whose report is shorter, would leave part of the report's cost in the
 * difference.
 */
public final class Iterations {
    private Iterations() {}

    /**
     * The least number with as many decimal digits as {@code n}, if it is less than n (a run of
     * that many prints a report as long as a run of n); else 0.
     */
    public static int low(int n) {
        int low = 1;
        while (low <= n / 10) low *= 10;
        return low < n ? low : 0;
    }
}
