package io.fleetlab.simulator.sweep;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.StandardDeviation;
import org.apache.commons.statistics.distribution.TDistribution;

/** Mean, sd and the 95% confidence interval of the mean (Student's t) of one figure across runs. */
public record SweepStatistics(int n, double mean, double sd, double ciLow, double ciHigh) {

    public static SweepStatistics of(double[] values) {
        double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).toArray();
        if (v.length == 0) {
            return new SweepStatistics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = Mean.of(v).getAsDouble();
        if (v.length == 1) {
            return new SweepStatistics(1, mean, Double.NaN, Double.NaN, Double.NaN);
        }
        double sd = StandardDeviation.of(v).getAsDouble();
        double t = TDistribution.of(v.length - 1).inverseSurvivalProbability(0.025);
        double half = t * sd / Math.sqrt(v.length);
        return new SweepStatistics(v.length, mean, sd, mean - half, mean + half);
    }

    @Override
    public String toString() {
        if (n == 0) {
            return "n/a";
        }
        if (n == 1) {
            return String.format(Locale.ROOT, "%.4g", mean);
        }
        return String.format(Locale.ROOT, "%.4g ± %.2g [%.4g, %.4g]", mean, sd, ciLow, ciHigh);
    }
}
