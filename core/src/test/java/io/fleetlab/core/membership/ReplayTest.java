package io.fleetlab.core.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.membership.harness.PacketInjector;
import io.fleetlab.core.membership.harness.SimCluster;
import io.fleetlab.core.membership.wire.NodeStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Replayed traffic against memberlist's rule (grafana/memberlist {@code state.go}, {@code aliveNode}:
 * "Bail if the incarnation number is older, and this is not about us"): an alive whose incarnation
 * is not newer than the dead or left record held is ignored. Once memberlist reaps the record
 * ({@code resetNodes}, after GossipToTheDeadTime) it would take the same replay as a new member;
 * we keep a tombstone of the reaped incarnation so the rule still holds, and a genuine restart
 * gets back in by refuting it.
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

    /** Every datagram of a converged 3-node cluster from its start, then node2 leaves or crashes. */
    private static List<byte[]> captureThenRemoveNode2(SimCluster c, boolean graceful) {
        List<byte[]> captured = new ArrayList<>();
        c.network.setTap((from, to, packet) -> captured.add(packet));
        c.start(3);
        assertTrue(c.runUntil(c::converged, Duration.ofSeconds(30)));
        c.runFor(Duration.ofSeconds(5));
        c.network.setTap(null);
        NodeStatus gone = graceful ? NodeStatus.LEFT : NodeStatus.DEAD;
        if (graceful) {
            c.node(2).leave(() -> { });
        } else {
            c.node(2).shutdown();
        }
        assertTrue(c.runUntil(() -> c.allSee("node2", gone), Duration.ofSeconds(60)), "node2 not " + gone);
        // gossip-to-the-dead time (30 s) plus a probe round for the reaping
        assertTrue(c.runUntil(() -> c.node(0).statusOf("node2") == null && c.node(1).statusOf("node2") == null,
                Duration.ofSeconds(45)), "node2 was not reaped");
        return captured;
    }

    @Test
    void replayedDatagramsDoNotReviveANodeThatLeftOrDiedAfterItsRecordWasReaped() {
        for (boolean graceful : new boolean[] {true, false}) {
            SimCluster c = new SimCluster(43, GossipConfig.lan());
            List<byte[]> captured = captureThenRemoveNode2(c, graceful);
            PacketInjector inj = new PacketInjector(c);
            for (int round = 0; round < 3; round++) {
                for (byte[] p : captured) {
                    inj.transport.sendPacket(c.node(0).address(), p);
                    inj.transport.sendPacket(c.node(1).address(), p);
                }
                c.runFor(Duration.ofSeconds(2));
                for (int i = 0; i < 2; i++) {
                    Membership m = c.node(i);
                    assertEquals(null, m.statusOf("node2"), (graceful ? "left" : "crashed") + " round " + round
                            + ": a replay brought node2 back for " + m.name());
                    assertTrue(m.peers().stream().noneMatch(p -> p.name().equals("node2")), m.peers().toString());
                }
            }
        }
    }

    @Test
    void aRestartUnderTheSameNameAndAddressGetsBackInAfterItsRecordWasReaped() {
        for (boolean graceful : new boolean[] {true, false}) {
            SimCluster c = new SimCluster(44, GossipConfig.lan());
            captureThenRemoveNode2(c, graceful);
            // a new process: incarnation 0 again, at or below the one its earlier life was buried with
            Membership again = new Membership("node2", GossipConfig.lan(), c.scheduler,
                    c.network.transport(c.node(2).address()), new SplittableRandom(45));
            again.join(List.of(c.node(0).address()));
            assertTrue(c.runUntil(() -> c.node(0).statusOf("node2") == NodeStatus.ALIVE
                    && c.node(1).statusOf("node2") == NodeStatus.ALIVE && again.peers().size() == 3,
                    Duration.ofSeconds(60)), (graceful ? "left" : "crashed") + ": the restarted node2 did not get back in: "
                    + c.node(0).peers() + " / " + c.node(1).peers());
            assertTrue(again.incarnation() > 0, "it got in by refuting its tombstone, at a higher incarnation");
        }
    }
}
