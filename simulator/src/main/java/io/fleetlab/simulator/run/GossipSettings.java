package io.fleetlab.simulator.run;

import io.fleetlab.core.membership.GossipConfig;
import io.fleetlab.core.membership.GossipPreset;
import io.fleetlab.simulator.network.TransportKind;
import io.fleetlab.simulator.scenario.Scenario;

/** The core's gossip configuration a scenario asks for: a preset plus overrides. */
final class GossipSettings {
    private GossipSettings() {}

    /**
     * Over ckit's transport memberlist's packet budget is 10 MiB ({@code mlc.UDPBufferSize} in
     * ckit's {@code node.go}); ckit's frame caps one packet at 65,535 bytes, so the core's largest
     * packet, 65,000 bytes, stands for it.
     */
    static final int CKIT_PACKET_BUDGET = 65_000;

    static GossipConfig of(Scenario.Gossip g, TransportKind transport) {
        GossipConfig c = (g.preset() == null ? GossipPreset.DEFAULT : GossipPreset.of(g.preset())).config();
        if (transport == TransportKind.CKIT_HTTP2) {
            c = c.withMaxPacketSize(CKIT_PACKET_BUDGET);
        }
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
