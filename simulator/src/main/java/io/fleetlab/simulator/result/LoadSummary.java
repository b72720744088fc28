package io.fleetlab.simulator.result;

import java.util.List;

/**
 * Targets per node at the end of the run, against the statistical bound.
 *
 * @param perNode     one entry per live owning node, in name order
 * @param mean        mean targets per node
 * @param peakToMean  the largest node's load over the mean
 * @param relativeSd  standard deviation over the mean
 * @param boundRelativeSd the expected relative sd, sqrt(1/V + (N-1)/T) for V tokens, T targets
 */
public record LoadSummary(
        List<NodeLoad> perNode, double mean, double peakToMean, double relativeSd, double boundRelativeSd) {

    /**
     * @param node    node name
     * @param targets targets it owns
     */
    public record NodeLoad(String node, long targets) {}
}
