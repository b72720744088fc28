package io.fleetlab.simulator.run;

import io.fleetlab.core.membership.GossipConfig;
import io.fleetlab.simulator.scenario.Scenario;

/** The core's gossip configuration a scenario asks for: a preset plus overrides. */
final class GossipSettings {
    private GossipSettings() {}

    static GossipConfig of(Scenario.Gossip g) {
        GossipConfig c = switch (g.preset()) {
            case "lan" -> GossipConfig.lan();
            case "wan" -> GossipConfig.wan();
            default -> GossipConfig.alloy();
        };
        if (g.probeInterval() != null) {
            c = c.withProbeInterval(g.probeInterval());
        }
        if (g.probeTimeout() != null) {
            c = c.withProbeTimeout(g.probeTimeout());
        }
        if (g.gossipInterval() != null) {
            c = c.withGossipInterval(g.gossipInterval());
        }
        if (g.gossipNodes() != null) {
            c = c.withGossipNodes(g.gossipNodes());
        }
        if (g.indirectChecks() != null) {
            c = c.withIndirectChecks(g.indirectChecks());
        }
        if (g.suspicionMult() != null) {
            c = c.withSuspicionMult(g.suspicionMult());
        }
        if (g.retransmitMult() != null) {
            c = c.withRetransmitMult(g.retransmitMult());
        }
        if (g.pushPullInterval() != null) {
            c = c.withPushPullInterval(g.pushPullInterval());
        }
        if (g.notifyInterval() != null) {
            c = c.withNotifyInterval(g.notifyInterval());
        }
        return c;
    }
}
