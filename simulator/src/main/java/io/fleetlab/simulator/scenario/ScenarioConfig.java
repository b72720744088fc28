package io.fleetlab.simulator.scenario;

import io.fleetlab.core.membership.GossipConfig;
import io.fleetlab.simulator.network.NetworkConditions;
import java.util.List;
import java.util.Map;

/**
 * A checked scenario with every default filled in: what a run needs.
 *
 * @param latencyKind distribution name; {@code latencyA}/{@code latencyB} its parameters in ns
 *                    (lognormal: median ns and sigma)
 */
public record ScenarioConfig(
        String name,
        String description,
        List<Long> seeds,
        long durationNanos,
        long warmupNanos,
        long sampleNanos,
        boolean gossip,
        int fleetSize,
        String namePattern,
        int minClusterSize,
        GossipConfig gossipConfig,
        int targetCount,
        String targetShape,
        int jobs,
        Map<String, String> extraLabels,
        String latencyKind,
        double latencyA,
        double latencyB,
        NetworkConditions network,
        List<String> algorithms,
        int tokens,
        List<Action> timeline) {

    public String nodeName(int index) {
        return String.format(java.util.Locale.ROOT, namePattern, index);
    }

    /** The same scenario with a single algorithm (for one run of a hashing sweep). */
    public ScenarioConfig withAlgorithm(String algorithm) {
        return new ScenarioConfig(name, description, seeds, durationNanos, warmupNanos, sampleNanos, gossip, fleetSize,
                namePattern, minClusterSize, gossipConfig, targetCount, targetShape, jobs, extraLabels, latencyKind,
                latencyA, latencyB, network, List.of(algorithm), tokens, timeline);
    }
}
