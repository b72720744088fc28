package io.fleetlab.simulator.metrics;

/**
 * The logistic model of epidemic dissemination from the design notes: the informed fraction after
 * x gossip rounds is 1/(1+(N+1)e^(-cNx)) with c = fanout/N x (1-loss) x 0.5.
 */
public final class EpidemicModel {
    private EpidemicModel() {}

    /** Rounds until a fraction {@code f} (0 < f < 1) of {@code n} nodes is informed. */
    public static double rounds(int n, int fanout, double loss, double f) {
        double cn = fanout * (1 - loss) * 0.5;
        if (n <= 1 || cn <= 0) {
            return 0;
        }
        return Math.log((n + 1) * f / (1 - f)) / cn;
    }

    /** Seconds until 90% of {@code n} nodes know, with one round per gossip interval. */
    public static double p90Seconds(int n, int fanout, double loss, double gossipIntervalSeconds) {
        return rounds(n, fanout, loss, 0.9) * gossipIntervalSeconds;
    }
}
