package io.fleetlab.simulator.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.descriptive.DoubleStatistics;
import org.apache.commons.statistics.descriptive.Statistic;
import org.apache.commons.statistics.distribution.TDistribution;

/** Mean, standard deviation and 95% confidence interval (Student t) of each figure over seeds. */
public final class SweepStatistics {
    private SweepStatistics() {}

    /**
     * @param mean  mean over the runs with a finite value
     * @param sd    sample standard deviation (NaN with one run)
     * @param low   lower end of the 95% CI of the mean
     * @param high  upper end
     * @param runs  runs with a finite value
     */
    public record Summary(double mean, double sd, double low, double high, int runs) {}

    public static Map<String, Summary> summarize(List<Map<String, Double>> runs) {
        Map<String, Summary> out = new LinkedHashMap<>();
        if (runs.isEmpty()) {
            return out;
        }
        for (String key : runs.get(0).keySet()) {
            List<Double> values = new ArrayList<>();
            for (Map<String, Double> r : runs) {
                Double v = r.get(key);
                if (v != null && Double.isFinite(v)) {
                    values.add(v);
                }
            }
            out.put(key, summarize(values.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return out;
    }

    public static Summary summarize(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new Summary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        DoubleStatistics s = DoubleStatistics.of(java.util.EnumSet.of(Statistic.MEAN, Statistic.STANDARD_DEVIATION), values);
        double mean = s.getAsDouble(Statistic.MEAN);
        if (n < 2) {
            return new Summary(mean, Double.NaN, Double.NaN, Double.NaN, n);
        }
        double sd = s.getAsDouble(Statistic.STANDARD_DEVIATION);
        double t = TDistribution.of(n - 1).inverseCumulativeProbability(0.975);
        double half = t * sd / Math.sqrt(n);
        return new Summary(mean, sd, mean - half, mean + half, n);
    }
}
