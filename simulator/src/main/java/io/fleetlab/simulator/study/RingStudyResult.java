package io.fleetlab.simulator.study;

import org.apache.commons.statistics.descriptive.Max;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.StandardDeviation;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * One row of a ring study. The bound on a node's relative deviation from the mean is
 * {@code z * sqrt(1/V + (N-1)/T)} (token-arc noise plus sampling noise); {@code z} is the normal
 * quantile at 99.9% two-sided, Bonferroni-corrected over the N nodes for the peak.
 */
public record RingStudyResult(
        String algorithm,
        int tokensPerNode,
        int targets,
        int nodes,
        double peakToMean,
        double relativeSd,
        double expectedRelativeSd,
        double peakBound,
        double joinMoved,
        double joinIdeal,
        double joinBand,
        double leaveMoved,
        double leaveIdeal,
        double leaveBand) {

    private static final double ALPHA = 0.001;
    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

    static double expectedRelativeSd(int tokensPerNode, int nodes, int targets) {
        return Math.sqrt(1.0 / tokensPerNode + (nodes - 1.0) / targets);
    }

    static RingStudyResult of(String algorithm, int v, int t, int n, double[] loads, double joined, double left) {
        double mean = Mean.of(loads).getAsDouble();
        double sd = n > 1 ? StandardDeviation.of(loads).getAsDouble() : 0;
        double peak = Max.of(loads).getAsDouble();
        double sigma = expectedRelativeSd(v, n, t);
        double zPeak = NORMAL.inverseSurvivalProbability(ALPHA / (2.0 * n));
        double z = NORMAL.inverseSurvivalProbability(ALPHA / 2.0);
        return new RingStudyResult(algorithm, v, t, n, peak / mean, sd / mean, sigma, 1 + zPeak * sigma,
                joined, 1.0 / (n + 1), z * expectedRelativeSd(v, n + 1, t),
                left, 1.0 / n, z * sigma);
    }

    /** Whether the join and leave ratios lie within their bands. */
    public boolean movementWithinBounds() {
        boolean join = Math.abs(joinMoved / joinIdeal - 1) <= joinBand;
        boolean leave = Double.isNaN(leaveMoved) || Math.abs(leaveMoved / leaveIdeal - 1) <= leaveBand;
        return join && leave;
    }
}
