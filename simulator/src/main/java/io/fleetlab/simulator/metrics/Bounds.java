package io.fleetlab.simulator.metrics;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The statistical yardsticks of the design notes. With V tokens per node a node's share of the
 * circle has relative sd about 1/sqrt(V); counting T targets adds sqrt((N-1)/T).
 */
public final class Bounds {
    /** Two-sided 99% normal quantile: the band drawn around ideal moved fractions. */
    public static final double Z99 = NormalDistribution.of(0, 1).inverseSurvivalProbability(0.005);

    private Bounds() {}

    /** Relative sd of one node's load with {@code v} tokens per node, {@code n} nodes and {@code t} targets. */
    public static double relativeSd(int v, int n, int t) {
        if (n < 1 || t < 1) {
            return 0;
        }
        return Math.sqrt(1.0 / v + (n - 1.0) / t);
    }
}
