package io.fleetlab.simulator.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Everything one simulation run produced: the JSON result file the viewer and scripts read.
 * Times are simulated seconds since the start of the run. The layout is versioned by
 * {@link #schemaVersion}; fields are only ever added within a version.
 *
 * @param schemaVersion  {@link #SCHEMA_VERSION} for files written by this build
 * @param scenario       the scenario's name
 * @param seed           the seed of this run
 * @param algorithm      the sharding algorithm the nodes used (e.g. {@code alloy-ring})
 * @param tokensPerNode  tokens per node, for token-ring algorithms
 * @param durationSeconds how long the run lasted in simulated time
 * @param targetCount    how many targets the fleet shares
 * @param nodes          every node that existed at some point of the run
 * @param events         the membership timeline, in time order
 * @param redistribution one record per membership change of the ideal fleet
 * @param agreement      ownership agreement sampled over time
 * @param totals         agreement integrated over the run
 * @param load           per-node load at the end of the run
 * @param views          each node's view size over time (a sample whenever it changes)
 * @param peerChanges    how the observer node's peer table changed over time
 * @param membership     convergence, detection and traffic figures
 * @param context        the version, command line, options and resolved scenario that made this
 *                       result; null in results assembled outside a command
 */
public record SimulationResult(
        int schemaVersion,
        String scenario,
        long seed,
        String algorithm,
        int tokensPerNode,
        double durationSeconds,
        int targetCount,
        List<NodeInfo> nodes,
        List<MembershipEvent> events,
        List<Redistribution> redistribution,
        List<AgreementSample> agreement,
        AgreementTotals totals,
        LoadSummary load,
        List<ViewSample> views,
        PeerTableLog peerChanges,
        MembershipStats membership,
        // Left out when absent, so results assembled outside a command keep their bytes.
        @JsonInclude(JsonInclude.Include.NON_NULL) RunContext context) {

    public static final int SCHEMA_VERSION = 2;

    /** A result without its context, as a run assembles it. */
    public SimulationResult(int schemaVersion, String scenario, long seed, String algorithm, int tokensPerNode,
            double durationSeconds, int targetCount, List<NodeInfo> nodes, List<MembershipEvent> events,
            List<Redistribution> redistribution, List<AgreementSample> agreement, AgreementTotals totals, LoadSummary load,
            List<ViewSample> views, PeerTableLog peerChanges, MembershipStats membership) {
        this(schemaVersion, scenario, seed, algorithm, tokensPerNode, durationSeconds, targetCount, nodes, events,
                redistribution, agreement, totals, load, views, peerChanges, membership, null);
    }

    /** This result with {@code context} attached. */
    public SimulationResult withContext(RunContext context) {
        return new SimulationResult(schemaVersion, scenario, seed, algorithm, tokensPerNode, durationSeconds, targetCount,
                nodes, events, redistribution, agreement, totals, load, views, peerChanges, membership, context);
    }
}
