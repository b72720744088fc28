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
}
