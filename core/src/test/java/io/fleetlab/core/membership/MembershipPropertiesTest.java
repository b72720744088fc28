package io.fleetlab.core.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.membership.harness.PacketInjector;
import io.fleetlab.core.membership.harness.SimCluster;
import io.fleetlab.core.membership.wire.Message;
import io.fleetlab.core.membership.wire.NodeStatus;
import io.fleetlab.core.testing.Property;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the membership rules under a storm of forged accusations: random suspect and dead
 * messages about random members (the receiver itself included), at incarnations around the true
 * one, sent to random nodes of a converged cluster in which nobody actually fails. The cluster
 * runs Alloy's settings: with memberlist's plain LAN settings (no periodic rejoin) such a storm can
 * split a small cluster for good, when both sides declare each other dead and reap each other
 * before a refutation gets across; Alloy's rejoin to the seed addresses is what heals that.
 */
class MembershipPropertiesTest {
    private static final int CASES = 120;
    /** Long enough for suspicion timeouts, reaping and two periodic rejoins at Alloy's settings. */
    private static final Duration HEAL = Duration.ofMinutes(5);

    @Test
    void falseAccusationsNeverStick() {
        Property.forAll(CASES, r -> {
            SimCluster c = storm(r);
            assertTrue(c.runUntil(() -> everyoneSeesEveryoneAlive(c), HEAL),
                    "the cluster did not heal within " + HEAL + ": " + views(c));
            // Peer states of a member seen alive again arrive with the next gossip or push-pull,
            // which may come a few ticks after its liveness (nodes started together tick together).
            assertTrue(c.runUntil(c::converged, Duration.ofSeconds(30)), views(c));
        });
    }

    /**
     * Per observer and member: incarnations never go back, and a member accused (suspect, dead or
     * left) is only seen alive again at a higher incarnation, its refutation. The one exception is
     * a member forgotten after gossip-to-the-dead time, which starts afresh when it is heard again.
     */
    @Test
    void onlyARefutationUndoesAnAccusationAndIncarnationsNeverGoBack() {
        long forgetNanos = GossipConfig.alloy().gossipToTheDeadTime().toNanos();
        Property.forAll(CASES, r -> {
            SimCluster c = storm(r);
            assertTrue(c.runUntil(() -> everyoneSeesEveryoneAlive(c), HEAL), views(c));
            Map<String, NodeEvent> last = new HashMap<>();
            for (int i = 0; i < c.events.size(); i++) {
                NodeEvent e = c.events.get(i);
                String observer = c.observers.get(i);
                if (incarnation(e) < 0) {
                    continue;
                }
                if (e instanceof NodeEvent.Suspected || e instanceof NodeEvent.Dead) {
                    assertNotEquals(observer, e.node(), () -> "a node recorded an accusation of itself: " + e);
                }
                String key = observer + " sees " + e.node();
                NodeEvent before = last.put(key, e);
                if (before == null || forgotten(before, e, forgetNanos)) {
                    continue;
                }
                boolean undoesAccusation = accusation(before) && !accusation(e);
                long was = incarnation(before);
                long now = incarnation(e);
                assertTrue(undoesAccusation ? now > was : now >= was,
                        () -> key + ": " + before + " followed by " + e);
            }
        });
    }

    private static boolean accusation(NodeEvent e) {
        return e instanceof NodeEvent.Suspected || e instanceof NodeEvent.Dead || e instanceof NodeEvent.Left;
    }

    /** A dead or left member is reaped after {@code forgetNanos}; hearing of it again is a fresh join. */
    private static boolean forgotten(NodeEvent before, NodeEvent e, long forgetNanos) {
        return (before instanceof NodeEvent.Dead || before instanceof NodeEvent.Left)
                && e instanceof NodeEvent.Joined
                && e.atNanos() - before.atNanos() >= forgetNanos;
    }

    /** A converged cluster of 3-6 nodes after 5-40 forged accusations over about three seconds. */
    private static SimCluster storm(SplittableRandom r) {
        int n = 3 + r.nextInt(4);
        SimCluster c = new SimCluster(r.nextLong(), GossipConfig.alloy()).start(n);
        assertTrue(c.runUntil(c::converged, Duration.ofSeconds(30)), "did not converge before the storm");
        c.events.clear();
        c.observers.clear();
        PacketInjector injector = new PacketInjector(c);
        for (int i = 5 + r.nextInt(36); i > 0; i--) {
            Membership to = c.node(r.nextInt(n));
            Membership subject = c.node(r.nextInt(n));
            long incarnation = Math.max(0, subject.incarnation() - 1 + r.nextInt(4));
            String from = c.node(r.nextInt(n)).name();
            Message accusation = r.nextBoolean()
                    ? new Message.Suspect(incarnation, subject.name(), from)
                    : new Message.Dead(incarnation, subject.name(), from);
            injector.send(to, accusation);
            c.runFor(Duration.ofMillis(r.nextInt(150)));
        }
        return c;
    }

    private static boolean everyoneSeesEveryoneAlive(SimCluster c) {
        for (Membership m : c.nodes) {
            if (!c.allSee(m.name(), NodeStatus.ALIVE)) {
                return false;
            }
        }
        return true;
    }

    private static long incarnation(NodeEvent e) {
        if (e instanceof NodeEvent.Joined j) {
            return j.incarnation();
        } else if (e instanceof NodeEvent.Suspected s) {
            return s.incarnation();
        } else if (e instanceof NodeEvent.Alive a) {
            return a.incarnation();
        } else if (e instanceof NodeEvent.Dead d) {
            return d.incarnation();
        } else if (e instanceof NodeEvent.Left l) {
            return l.incarnation();
        }
        return -1;
    }

    private static String views(SimCluster c) {
        StringBuilder sb = new StringBuilder();
        List<Membership> nodes = c.nodes;
        for (Membership m : nodes) {
            sb.append(m.name()).append('@').append(m.incarnation()).append(" sees");
            for (Membership other : nodes) {
                if (other != m) {
                    sb.append(' ').append(other.name()).append('=').append(other == m ? "self" : m.statusOf(other.name()));
                }
            }
            sb.append("; ");
        }
        return sb.toString();
    }
}
