package io.fleetlab.core.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.membership.harness.PacketInjector;
import io.fleetlab.core.membership.harness.SimCluster;
import io.fleetlab.core.membership.wire.Keyring;
import io.fleetlab.core.membership.wire.MalformedMessageException;
import io.fleetlab.core.membership.wire.Message;
import io.fleetlab.core.membership.wire.NodeStatus;
import io.fleetlab.core.membership.wire.PacketCodec;
import io.fleetlab.core.peer.PeerState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The membership rules Alloy's nodes follow, each as the Go source it comes from: grafana's
 * memberlist fork at the commit Alloy pins (6f9f62a) and grafana/ckit {@code node.go}.
 */
class AlloyMembershipRulesTest {
    private static final PacketCodec CODEC = new PacketCodec(Keyring.none(), new SplittableRandom(1));

    private static List<Message> decode(byte[] packet) {
        List<Message> out = new ArrayList<>();
        try {
            CODEC.decodePacket(packet, out);
        } catch (MalformedMessageException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    private static SimCluster converged(long seed, GossipConfig config, int n) {
        SimCluster c = new SimCluster(seed, config).start(n);
        assertTrue(c.runUntil(c::converged, Duration.ofSeconds(30)), "seed " + seed + " did not converge");
        return c;
    }

    /** memberlist state.go aliveNode (bootstrap: the local node's alive is broadcast too, from Create's setAlive). */
    @Test
    void aJoinerGossipsItsOwnAliveMessage() {
        SimCluster c = converged(41, GossipConfig.lan(), 3);
        List<String> carriedBy = new ArrayList<>();
        c.network.setTap((from, to, packet) -> {
            for (Message m : decode(packet)) {
                if (m instanceof Message.Alive a && a.node().equals("node3") && from.equals("10.0.0.3:7946")) {
                    carriedBy.add(to);
                }
            }
        });
        Membership joiner = c.add();
        joiner.setState(PeerState.PARTICIPANT);
        joiner.join(List.of(c.node(0).address()));
        c.runFor(Duration.ofSeconds(2));
        assertTrue(!carriedBy.isEmpty(), "the joiner never gossiped its own alive");
    }

    /** memberlist memberlist.go Join: every seed is tried in turn, each push-pull waited for; Join returns the count. */
    @Test
    void seedsAreTriedOneAfterAnotherAndTheJoinReturnsHowManyAnswered() {
        GossipConfig cfg = GossipConfig.alloy();
        SimCluster c = converged(42, cfg, 2);
        Membership joiner = c.add();
        int[] answered = {-1};
        long[] returnedAt = {-1};
        long start = c.scheduler.nowNanos();
        // an unreachable address fails fast; a silent endpoint is left to the 2 s stream timeout
        PacketInjector silent = new PacketInjector(c);
        joiner.join(List.of("10.7.7.7:7946", silent.transport.localAddress(), c.node(1).address()), n -> {
            answered[0] = n;
            returnedAt[0] = c.scheduler.nowNanos();
        });
        assertEquals(1, joiner.traffic().reliableSent(), "one seed at a time");
        assertTrue(c.runUntil(() -> answered[0] >= 0, Duration.ofSeconds(10)));
        assertEquals(1, answered[0]);
        assertEquals(3, joiner.traffic().reliableSent());
        long took = returnedAt[0] - start;
        assertTrue(took >= Duration.ofSeconds(2).toNanos() && took < Duration.ofMillis(2100).toNanos(),
                "the silent seed held the join for the stream timeout: " + took);
    }

    /** ckit node.go NewNode: mlc.TCPTimeout = 2 s; memberlist's own LAN default is 10 s. */
    @Test
    void alloysStreamTimeoutIsTwoSeconds() {
        assertEquals(Duration.ofSeconds(2), GossipConfig.alloy().streamTimeout());
        assertEquals(Duration.ofSeconds(10), GossipConfig.lan().streamTimeout());
    }

    /**
     * memberlist state.go probeNode: the probe's deadline is the health-scaled interval, the
     * direct-ack timeout is never scaled ("we don't really expect waiting longer to help get UDP
     * through"), and any successful probe, indirect included, applies -1 to the health score.
     */
    @Test
    void lifeguardStretchesTheDeadlineNotTheTimeoutAndIndirectSuccessHeals() {
        GossipConfig cfg = GossipConfig.lan();
        SimCluster c = converged(43, cfg, 4);
        String me = c.node(0).address();
        for (int i = 1; i < 4; i++) {
            c.network.cut(me, "10.0.0." + i + ":7946");
        }
        assertTrue(c.runUntil(() -> c.node(0).healthScore() >= 3, Duration.ofSeconds(20)), "isolation raises the score");
        int raised = c.node(0).healthScore();
        c.network.heal();
        // From now on node0's direct pings are lost: each probe can only succeed through helpers.
        List<Long> pings = new ArrayList<>();
        List<Long> indirect = new ArrayList<>();
        c.network.setDrop((from, to, packet) -> {
            if (!from.equals(me)) {
                return false;
            }
            boolean ping = false;
            for (Message m : decode(packet)) {
                if (m instanceof Message.Ping) {
                    ping = true;
                    pings.add(c.scheduler.nowNanos());
                } else if (m instanceof Message.IndirectPing) {
                    indirect.add(c.scheduler.nowNanos());
                }
            }
            return ping;
        });
        c.runFor(Duration.ofSeconds(3));
        assertTrue(!pings.isEmpty() && !indirect.isEmpty());
        long firstPing = pings.get(0);
        long firstIndirect = indirect.stream().filter(t -> t > firstPing).findFirst().orElseThrow();
        assertEquals(cfg.probeTimeout().toNanos(), firstIndirect - firstPing,
                "helpers are asked after the unscaled probe timeout, though the score is " + raised);
        assertTrue(c.runUntil(() -> c.node(0).healthScore() == 0, Duration.ofSeconds(60)),
                "indirect successes must bring the score down from " + raised);
    }

    /** memberlist state.go aliveNode with DeadNodeReclaimTime unset (ckit leaves it): a DEAD name at a new address is refused, a LEFT one accepted. */
    @Test
    void aDeadNameAtANewAddressIsRejectedALeftOneAccepted() {
        SimCluster c = converged(44, GossipConfig.lan(), 4);
        PacketInjector inj = new PacketInjector(c);
        c.node(3).shutdown();
        assertTrue(c.runUntil(() -> c.node(0).statusOf("node3") == NodeStatus.DEAD, Duration.ofSeconds(60)));
        inj.send(c.node(0), new Message.Alive(50, "node3", "10.0.0.99:7946"));
        c.runFor(Duration.ofMillis(10));
        assertEquals(NodeStatus.DEAD, c.node(0).statusOf("node3"), "dead name at a new address");

        boolean[] left = {false};
        c.node(2).leave(() -> left[0] = true);
        assertTrue(c.runUntil(() -> left[0] && c.node(0).statusOf("node2") == NodeStatus.LEFT, Duration.ofSeconds(30)));
        inj.send(c.node(0), new Message.Alive(50, "node2", "10.0.0.98:7946"));
        c.runFor(Duration.ofMillis(10));
        assertEquals(NodeStatus.ALIVE, c.node(0).statusOf("node2"), "a left name may come back elsewhere");
    }
}
