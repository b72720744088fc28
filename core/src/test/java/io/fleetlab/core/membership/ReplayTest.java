package io.fleetlab.core.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.membership.harness.PacketInjector;
import io.fleetlab.core.membership.harness.SimCluster;
import io.fleetlab.core.membership.wire.NodeStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Replayed traffic against memberlist's rule (grafana/memberlist {@code state.go}, {@code aliveNode}:
 * "Bail if the incarnation number is older, and this is not about us"): an alive whose incarnation
 * is not newer than the dead or left record held is ignored.
 */
class ReplayTest {
    @Test
    void replayedDatagramsOfANodeThatLeftDoNotReviveIt() {
        SimCluster c = new SimCluster(41, GossipConfig.lan());
        List<byte[]> captured = new ArrayList<>();
        // every datagram from the start on, the gossip of node2's first alive included
        c.network.setTap((from, to, packet) -> captured.add(packet));
        c.start(3);
        assertTrue(c.runUntil(c::converged, Duration.ofSeconds(30)));
        c.runFor(Duration.ofSeconds(5));
        c.network.setTap(null);
        boolean[] done = {false};
        c.node(2).leave(() -> done[0] = true);
        assertTrue(c.runUntil(() -> done[0] && c.node(0).statusOf("node2") == NodeStatus.LEFT, Duration.ofSeconds(10)));
        PacketInjector inj = new PacketInjector(c);
        for (int round = 0; round < 3; round++) {
            for (byte[] p : captured) {
                inj.transport.sendPacket(c.node(0).address(), p);
            }
            c.runFor(Duration.ofSeconds(2));
            assertEquals(NodeStatus.LEFT, c.node(0).statusOf("node2"), "round " + round);
            assertTrue(c.node(0).peers().stream().noneMatch(p -> p.name().equals("node2")),
                    "a replay revived node2: " + c.node(0).peers());
        }
    }
}
