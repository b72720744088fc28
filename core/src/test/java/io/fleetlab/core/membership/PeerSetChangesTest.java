package io.fleetlab.core.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.membership.harness.SimCluster;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The notifier tells a change from the members that changed rather than by comparing whole lists:
 * with notify interval 0 (as a ClusterMember runs it) every delivered view differs from the one
 * before (no false alarm), every change is delivered (the last delivery is the view whenever the
 * cluster is quiet), and a change-only listener hears exactly when a list listener does. Seeded
 * stories with joins, loss, crashes, graceful leaves and restarts under the old name.
 */
class PeerSetChangesTest {
    @Test
    void deliveriesAreExactlyTheChangesOfTheView() {
        story(1, 6, 8);
    }

    /**
     * Forty nodes: a node touches more members between two deliveries than {@code takeViewChanges}
     * keeps as overrides of the last view taken (16 + half the view), so it also rebases on a view
     * built for that alone, mid-start.
     */
    @Test
    void deliveriesAreExactlyTheChangesOfALargerView() {
        story(7, 8, 40);
    }

    private static void story(long firstSeed, long lastSeed, int nodes) {
        for (long seed = firstSeed; seed <= lastSeed; seed++) {
            GossipConfig config = GossipConfig.lan().withNotifyInterval(Duration.ZERO);
            SimCluster c = new SimCluster(seed, config);
            c.network.setLoss(0.03);
            SplittableRandom r = new SplittableRandom(seed);
            List<List<List<Peer>>> heard = new ArrayList<>();
            List<int[]> signals = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                Membership m = c.add();
                List<List<Peer>> views = new ArrayList<>();
                int[] count = {0};
                heard.add(views);
                signals.add(count);
                m.addPeerSetListener(views::add);
                m.addPeerSetChangeListener(() -> count[0]++);
                m.join(i == 0 ? List.of() : List.of(c.node(0).address()));
                if (r.nextBoolean()) {
                    m.setState(PeerState.PARTICIPANT);
                }
                c.runFor(Duration.ofMillis(r.nextInt(4_000 / nodes)));
            }
            c.runFor(Duration.ofSeconds(20));
            for (int step = 0; step < 6; step++) {
                Membership m = c.node(1 + r.nextInt(nodes - 1));
                switch (r.nextInt(3)) {
                    case 0 -> m.shutdown();
                    case 1 -> m.leave(() -> { });
                    default -> {
                        if (m.running()) {
                            m.setState(PeerState.PARTICIPANT);
                        }
                    }
                }
                c.runFor(Duration.ofSeconds(5 + r.nextInt(30)));
            }
            c.runFor(Duration.ofSeconds(60));
            for (int i = 0; i < c.nodes.size(); i++) {
                List<List<Peer>> views = heard.get(i);
                assertEquals(views.size(), signals.get(i)[0], "seed " + seed + " node " + i + ": both kinds hear alike");
                assertTrue(views.size() >= 2, "seed " + seed + " node " + i + " heard " + views.size());
                for (int k = 1; k < views.size(); k++) {
                    assertNotEquals(views.get(k - 1), views.get(k), "seed " + seed + " node " + i + ": a delivery without a change");
                }
                Membership m = c.node(i);
                if (m.running()) {
                    assertEquals(m.peers(), views.get(views.size() - 1), "seed " + seed + " node " + i + ": a change never delivered");
                }
            }
        }
    }

    /**
     * {@link Membership#peers()} patches the view the changes were last taken on with the entries
     * of the members changed since. Read after every event (while the tables are ahead of what the
     * view was told), after every delivery and at random moments of a seeded story with loss,
     * crashes, leaves and state changes, it is always the view built afresh from the tables; and a
     * list listener's last view is the view whenever the cluster is quiet, so reading the view
     * mid-event loses no notification. Most views read are patched. Reading mid-event must see the
     * change: memberlist's {@code state.go} ({@code aliveNode}, {@code deadNode}) changes the node's
     * state before it calls the event delegate's {@code NotifyJoin}/{@code NotifyLeave}/
     * {@code NotifyUpdate}, and ckit's {@code node.go} builds its peer list from that state.
     */
    @Test
    void thePatchedViewIsAlwaysTheViewBuiltAfresh() {
        for (long seed = 11; seed <= 18; seed++) {
            SimCluster c = new SimCluster(seed, GossipConfig.lan().withNotifyInterval(Duration.ZERO));
            if (seed % 2 == 0) {
                c.sharing(new NodeRegistry()); // as a simulator's nodes share names and rows
            }
            c.network.setLoss(0.05);
            SplittableRandom r = new SplittableRandom(seed);
            int[] checks = {0};
            long at = seed;
            List<List<List<Peer>>> heard = new ArrayList<>();
            int nodes = 6 + (int) (seed % 3) * 8;
            for (int i = 0; i < nodes; i++) {
                Membership m = c.add();
                Runnable check = () -> {
                    if (r.nextInt(3) == 0) {
                        assertEquals(m.viewFromTables(), m.peers(), "seed " + at + " " + m.name());
                        checks[0]++;
                    }
                };
                List<List<Peer>> views = new ArrayList<>();
                heard.add(views);
                m.addEventListener(e -> check.run());
                m.addPeerSetChangeListener(check);
                m.addPeerSetListener(views::add);
                m.join(i == 0 ? List.of() : List.of(c.node(r.nextInt(i)).address()));
                if (r.nextBoolean()) {
                    m.setState(PeerState.PARTICIPANT);
                }
                c.runFor(Duration.ofMillis(r.nextInt(800)));
            }
            for (int step = 0; step < 10; step++) {
                Membership m = c.node(1 + r.nextInt(nodes - 1));
                switch (r.nextInt(4)) {
                    case 0 -> m.shutdown();
                    case 1 -> m.leave(() -> { });
                    case 2 -> {
                        io.fleetlab.core.peer.StateMessage own = m.stateOf(m.name());
                        PeerState now = own == null ? PeerState.VIEWER : own.state();
                        if (m.running() && now != PeerState.TERMINATING) {
                            // a viewer becomes a participant first; a participant may terminate
                            m.setState(PeerState.PARTICIPANT);
                            if (r.nextBoolean()) {
                                m.setState(PeerState.TERMINATING);
                            }
                        }
                    }
                    default -> c.network.setLoss(r.nextInt(4) == 0 ? 0.6 : 0.05);
                }
                c.runFor(Duration.ofMillis(1 + r.nextInt(40_000)));
                for (int i = 0; i < nodes; i++) {
                    Membership n = c.node(i);
                    List<Peer> fresh = n.viewFromTables();
                    assertEquals(fresh, n.peers(), "seed " + seed + " " + n.name() + " after step " + step);
                    List<List<Peer>> views = heard.get(i);
                    if (n.running()) {
                        // notify interval 0: every change is delivered at the moment it is made
                        assertEquals(fresh, views.get(views.size() - 1), "seed " + seed + " " + n.name()
                                + " heard last after step " + step);
                    }
                }
            }
            assertTrue(checks[0] > 50, "seed " + seed + ": only " + checks[0] + " checks during the story");
            long patched = 0;
            long built = 0;
            for (Membership n : c.nodes) {
                patched += n.patchedViews();
                built += n.viewsFromTables();
            }
            assertTrue(patched > built, "seed " + seed + ": " + patched + " views patched, " + built + " built afresh");
        }
    }

    /** A view read before the tables are filled without a word ({@link Membership#assumeConverged}) is not patched on after it. */
    @Test
    void aWarmStartAfterAViewWasReadIsSeen() {
        SimCluster c = new SimCluster(3, GossipConfig.lan());
        Membership m = c.add();
        assertEquals(1, m.peers().size());
        List<io.fleetlab.core.membership.wire.Message.NodeRecord> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            records.add(new io.fleetlab.core.membership.wire.Message.NodeRecord("w" + i, "10.9.0." + i + ":7946", 1,
                    io.fleetlab.core.membership.wire.NodeStatus.ALIVE));
        }
        m.assumeConverged(records, List.of());
        m.join(List.of());
        assertEquals(m.viewFromTables(), m.peers());
        assertEquals(6, m.peers().size());
    }
}
