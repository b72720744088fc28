package io.fleetlab.simulator.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.rebalance.ClusteringOptions;
import io.fleetlab.core.rebalance.OwnershipTable;
import io.fleetlab.core.rebalance.Rebalancer;
import io.fleetlab.core.rebalance.TargetSet;
import io.fleetlab.core.ring.HashingAlgorithm;
import io.fleetlab.core.ring.Op;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The simulator shares one lookup table per distinct view among all nodes holding it. Whatever a
 * node owns through a shared table must equal what the core's rebalancer computes on its own, for
 * every algorithm, peer-state mix, view order and minimum cluster size.
 */
class OwnershipTablesTest {
    private static final PeerState[] STATES = PeerState.values();

    @Test
    void sharedTablesGiveEveryNodeWhatItsOwnRebalancerComputes() {
        for (int c = 0; c < 180; c++) {
            long seed = 9_000 + c;
            SplittableRandom rnd = new SplittableRandom(seed);
            String alg = HashingAlgorithm.ids().get(c % HashingAlgorithm.ids().size());
            int targets = 50 + rnd.nextInt(300);
            long[] keys = new long[targets];
            for (int i = 0; i < targets; i++) {
                keys[i] = rnd.nextLong();
            }
            TargetSet set = TargetSet.of(keys);
            ClusteringOptions options = new ClusteringOptions(true, rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(6) : 0,
                    Op.READ_WRITE);
            OwnershipTables tables = new OwnershipTables(HashingAlgorithm.create(alg, 16), set, Op.READ_WRITE, 8);
            int n = 1 + rnd.nextInt(8);
            List<Peer> view = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                PeerState st = rnd.nextInt(4) == 0 ? STATES[rnd.nextInt(STATES.length)] : PeerState.PARTICIPANT;
                view.add(new Peer("node-" + i, "10.0.0." + i + ":7946", st, false));
            }
            OwnershipTable shared = tables.forView(view);
            for (Peer self : view) {
                // each node sees itself flagged as self and the list in its own order: same table
                List<Peer> own = new ArrayList<>();
                for (Peer p : view) {
                    own.add(p.name().equals(self.name()) ? new Peer(p.name(), p.address(), p.state(), true) : p);
                }
                Collections.shuffle(own, new Random(seed ^ self.name().hashCode()));
                OwnershipTable table = tables.forView(own);
                assertSame(shared, table, "seed " + seed + ": a reordered view with a self flag must hit the cache");
                Rebalancer viaTable = new Rebalancer(self.name(), tables.create(self.name()), options);
                viaTable.setTargets(set);
                viaTable.setPeers(own);
                Rebalancer alone = new Rebalancer(self.name(), HashingAlgorithm.create(alg, 16), options);
                alone.setTargets(keys);
                alone.setPeers(own);
                for (int t = 0; t < targets; t++) {
                    assertEquals(alone.owns(t), viaTable.owns(t),
                            "seed " + seed + " " + alg + " node " + self.name() + " target " + t);
                }
            }
            assertEquals(1, tables.computed(), "seed " + seed + ": one view, one table, whoever asks");
        }
    }
}
