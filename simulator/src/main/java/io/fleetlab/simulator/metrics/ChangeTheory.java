package io.fleetlab.simulator.metrics;

import io.fleetlab.core.membership.GossipConfig;
import io.fleetlab.simulator.result.ChangeKind;

/**
 * The theory column of a membership change: for a join or a leave the p90 of the gossip spread
 * model ({@link GossipSpreadModel}); for a crash the expected detection time by everyone
 * ({@link CrashDetectionModel}), since a crash is first a matter of probes and suspicion, not of
 * gossip.
 */
public final class ChangeTheory {
    private ChangeTheory() {}

    /**
     * Seconds until 90% of the other members know of the change (a join, a restart, a leave, or a
     * joiner's participant state, which spreads as its alive news does), or until all know of a crash.
     *
     * @param kind         the change
     * @param members      members when it happens, the node it concerns included
     * @param g            the gossip settings
     * @param latencySeconds one-way latency of a hop
     */
    public static double seconds(ChangeKind kind, int members, GossipConfig g, double latencySeconds) {
        if (members < 2) {
            return Double.NaN;
        }
        double interval = g.gossipInterval().toNanos() / 1e9;
        return switch (kind) {
            case JOIN, RESTART, PARTICIPANT -> {
                // The joiner and the seeds its join push-pull reached hold the news at once.
                int informed = 1 + Math.min(g.maxJoinPeers(), members - 1);
                yield new GossipSpreadModel(members, g.gossipNodes(), interval, g.retransmitMult(), informed, latencySeconds)
                        .quantileSeconds(0.9);
            }
            case LEAVE -> {
                // The leaver first sends its terminating state for all its transmissions (one
                // tick each, the first after half an interval on average), then its leave message.
                int limit = GossipSpreadModel.retransmitLimit(g.retransmitMult(), members);
                int ticks = (limit + g.gossipNodes() - 1) / g.gossipNodes();
                yield ticks * interval + new GossipSpreadModel(members, g.gossipNodes(), interval, g.retransmitMult(), 1,
                        latencySeconds).quantileSeconds(0.9);
            }
            case CRASH -> CrashDetectionModel.allDeadSeconds(members, g.probeInterval().toNanos() / 1e9,
                    g.suspicionMult(), g.suspicionMaxTimeoutMult(),
                    new GossipSpreadModel(members - 1, g.gossipNodes(), interval, g.retransmitMult(), 1, latencySeconds));
        };
    }
}
