package io.fleetlab.core.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.membership.harness.SimCluster;
import io.fleetlab.core.membership.wire.NodeStatus;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole-cluster behaviour on the in-memory network with virtual time. */
class ClusterBehaviourTest {
    private static final GossipConfig LAN = GossipConfig.lan();

    @Test
    void twentyNodesConverge() {
        for (long seed = 1; seed <= 3; seed++) {
            SimCluster c = new SimCluster(seed, LAN).start(20);
            boolean ok = c.runUntil(c::converged, Duration.ofSeconds(60));
            assertTrue(ok, "seed " + seed + ": 20 nodes did not converge within 60 s; node0 sees "
                    + c.node(0).peers().size());
            for (Membership m : c.nodes) {
                assertEquals(20, m.peers().size(), "seed " + seed);
            }
        }
    }

    @Test
    void crashIsDetectedAndDeclaredDead() {
        SimCluster c = new SimCluster(7, LAN).start(8);
        assertTrue(c.runUntil(c::converged, Duration.ofSeconds(30)));
        long crashAt = c.scheduler.nowNanos();
        c.node(3).shutdown();
        assertTrue(c.runUntil(() -> c.allSee("node3", NodeStatus.DEAD), Duration.ofSeconds(60)),
                "crashed node3 was not declared dead by everyone within 60 s");
        long detected = c.scheduler.nowNanos() - crashAt;
        // suspicion bound for N = 8: 4 x 1 x 1 s = 4 s min, 24 s max, plus probing delay
        assertTrue(detected < Duration.ofSeconds(40).toNanos(), "took " + detected / 1e9 + " s");
        assertTrue(c.converged());
        boolean sawSuspect = false;
        boolean sawDead = false;
        for (NodeEvent e : c.events) {
            if (e.node().equals("node3")) {
                sawSuspect |= e instanceof NodeEvent.Suspected;
                sawDead |= e instanceof NodeEvent.Dead;
                assertFalse(e instanceof NodeEvent.Left, "a crash must not look like a leave: " + e);
            }
        }
        assertTrue(sawSuspect && sawDead);
    }

    @Test
    void gracefulLeaveIsLeftNotDeadAndPassesThroughTerminating() {
        SimCluster c = new SimCluster(11, LAN).start(6);
        assertTrue(c.runUntil(c::converged, Duration.ofSeconds(30)));
        boolean[] done = {false};
        c.node(2).leave(() -> done[0] = true);
        assertTrue(c.runUntil(() -> done[0], Duration.ofSeconds(10)), "leave did not complete");
        assertFalse(c.node(2).running());
        assertTrue(c.runUntil(() -> c.allSee("node2", NodeStatus.LEFT), Duration.ofSeconds(20)));
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < c.events.size(); i++) {
            NodeEvent e = c.events.get(i);
            if (e.node().equals("node2") && c.observers.get(i).equals("node0")) {
                kinds.add(e.getClass().getSimpleName());
            }
            if (e.node().equals("node2")) {
                assertFalse(e instanceof NodeEvent.Dead, "a leave must not look like a failure: " + e);
            }
        }
        int terminating = kinds.indexOf("StateChanged");
        assertTrue(kinds.contains("Left"), "node0 saw " + kinds);
        for (Membership m : c.nodes) {
            if (m.running()) {
                for (Peer p : m.peers()) {
                    assertFalse(p.name().equals("node2"), m.name() + " still lists node2");
                }
            }
        }
        assertTrue(terminating >= 0);
        assertEquals(PeerState.TERMINATING, c.node(0).stateOf("node2").state());
    }

    @Test
    void deadMembersAreReapedAfterGossipToTheDeadTime() {
        GossipConfig cfg = LAN.withGossipToTheDeadTime(Duration.ofSeconds(5));
        SimCluster c = new SimCluster(5, cfg).start(4);
        assertTrue(c.runUntil(c::converged, Duration.ofSeconds(30)));
        c.node(1).shutdown();
        assertTrue(c.runUntil(() -> c.allSee("node1", NodeStatus.DEAD), Duration.ofSeconds(60)));
        assertTrue(c.runUntil(() -> c.allSee("node1", null), Duration.ofSeconds(30)),
                "dead node1 was not reaped");
        assertEquals(3, c.node(0).memberCount());
    }

    @Test
    void encryptedClusterConvergesAndAStrangerWithAnotherKeyIsShutOut() {
        byte[] key = new byte[32];
        new java.util.SplittableRandom(8).nextBytes(key);
        GossipConfig secret = LAN.withKeyring(io.fleetlab.core.membership.wire.Keyring.of(key));
        SimCluster c = new SimCluster(8, secret).start(5);
        assertTrue(c.runUntil(c::converged, Duration.ofSeconds(30)));
        assertEquals(0, c.node(0).traffic().rejectedTotal());

        // a node on the same network holding a different key
        byte[] other = key.clone();
        other[0] ^= 1;
        Membership stranger = new Membership("stranger", LAN.withKeyring(io.fleetlab.core.membership.wire.Keyring.of(other)),
                c.scheduler, c.network.transport("10.0.0.99:7946"), new java.util.SplittableRandom(1));
        stranger.join(List.of(c.node(0).address()));
        c.runFor(Duration.ofSeconds(20));
        assertEquals(1, stranger.peers().size(), "the stranger must not learn the cluster");
        assertEquals(5, c.node(0).peers().size(), "the cluster must not admit the stranger");
        assertTrue(c.node(0).traffic().rejected(RejectReason.DECRYPT_FAILED) > 0);
    }

    @Test
    void noFalseDeathsWithFivePercentPacketLoss() {
        SimCluster c = new SimCluster(13, LAN).start(10);
        assertTrue(c.runUntil(c::converged, Duration.ofSeconds(30)));
        c.network.setLoss(0.05);
        long before = c.network.packetsDelivered();
        c.runFor(Duration.ofSeconds(300));
        assertTrue(c.network.packetsDelivered() - before > 4_000, "the cluster must keep talking");
        long deaths = c.events.stream().filter(e -> e instanceof NodeEvent.Dead).count();
        long suspicions = c.events.stream().filter(e -> e instanceof NodeEvent.Suspected).count();
        assertEquals(0, deaths, "false deaths under 5% loss (" + suspicions + " suspicions)");
        assertTrue(c.converged());
    }

    @Test
    void periodicRejoinHealsAPartitionAfterBothSidesDeclaredEachOtherDead() {
        GossipConfig cfg = LAN.withRejoinInterval(Duration.ofSeconds(10));
        SimCluster c = new SimCluster(17, cfg).start(6);
        assertTrue(c.runUntil(c::converged, Duration.ofSeconds(30)));
        for (int a = 0; a < 3; a++) {
            for (int b = 3; b < 6; b++) {
                c.network.cut(c.node(a).address(), c.node(b).address());
            }
        }
        assertTrue(c.runUntil(() -> c.node(0).statusOf("node4") == NodeStatus.DEAD
                && c.node(4).statusOf("node0") == NodeStatus.DEAD
                && c.node(0).peers().size() == 3 && c.node(4).peers().size() == 3, Duration.ofSeconds(120)),
                "the halves did not split");
        c.network.heal();
        assertTrue(c.runUntil(c::converged, Duration.ofSeconds(60)), "rejoin did not heal the partition: node0 sees "
                + c.node(0).peers().size() + ", node4 sees " + c.node(4).peers().size());
        for (Membership m : c.nodes) {
            assertEquals(6, m.peers().size());
        }
    }
}
