package vm3000.bench.matrix;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/**
 * The time of one JMH run of a cell, in milliseconds per run of the guest: the median (the
 * figure the report uses: on a shared machine a run now and then takes several times as long,
 * and one such run moves a mean), the quartiles (the report's error bars), the mean with JMH's
 * 99.9 % error, and the number of samples.
 */
public record Timing(double median, double q1, double q3, double mean, double error, long samples) {
    static Timing of(RunResult r) {
        Statistics s = r.getPrimaryResult().getStatistics();
        return new Timing(s.getPercentile(50), s.getPercentile(25), s.getPercentile(75), s.getMean(),
                s.getN() > 2 ? s.getMeanErrorAt(0.999) : Double.NaN, s.getN());
    }
}
