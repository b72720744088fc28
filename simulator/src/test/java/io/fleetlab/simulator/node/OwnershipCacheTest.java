package io.fleetlab.simulator.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.rebalance.ClusteringOptions;
import io.fleetlab.core.rebalance.Rebalancer;
import io.fleetlab.core.ring.Op;
import io.fleetlab.core.ring.Sharders;
import io.fleetlab.simulator.metrics.OwnershipLedger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OwnershipCacheTest {
    private static final PeerState[] STATES = PeerState.values();

    /** What a node owns under a shared cached view equals what the core's Rebalancer on that node owns. */
    @Test
    void cachedOwnershipEqualsTheCoreRebalancerOnEveryNode() {
        for (int c = 0; c < 120; c++) {
            long seed = 500 + c;
            SplittableRandom rnd = new SplittableRandom(seed);
            String alg = Sharders.algorithms().get(c % Sharders.algorithms().size());
            int targets = 50 + rnd.nextInt(400);
            long[] keys = new long[targets];
            for (int i = 0; i < targets; i++) {
                keys[i] = rnd.nextLong();
            }
            int minSize = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(5) : 0;
            ClusteringOptions options = new ClusteringOptions(true, minSize, Op.READ_WRITE);
            NodeRegistry registry = new NodeRegistry();
            OwnershipCache cache = new OwnershipCache(alg, 16, keys, registry, options);
            int n = 1 + rnd.nextInt(8);
            List<Peer> view = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                PeerState st = rnd.nextInt(5) == 0 ? STATES[rnd.nextInt(STATES.length)] : PeerState.PARTICIPANT;
                view.add(new Peer("node-" + i, "node-" + i + ":1", st, false));
            }
            ViewOwnership shared = cache.acquire(view);
            for (Peer self : view) {
                Rebalancer reb = new Rebalancer(self.name(), Sharders.create(alg, 16), options);
                reb.setTargets(keys);
                List<Peer> own = new ArrayList<>();
                for (Peer p : view) {
                    own.add(p.name().equals(self.name()) ? new Peer(p.name(), p.address(), p.state(), true) : p);
                }
                reb.setPeers(own);
                int id = registry.idOf(self.name());
                for (int t = 0; t < targets; t++) {
                    assertEquals(reb.owns(t), shared.owns(id, t),
                            "seed " + seed + " " + alg + " node " + self.name() + " target " + t);
                }
            }
        }
    }

    @Test
    void nodesFollowViewsAndTheLedgerCountsOwners() {
        long[] keys = new long[2_000];
        SplittableRandom rnd = new SplittableRandom(9);
        for (int i = 0; i < keys.length; i++) {
            keys[i] = rnd.nextLong();
        }
        NodeRegistry registry = new NodeRegistry();
        OwnershipCache cache = new OwnershipCache("alloy-ring", 64, keys, registry, ClusteringOptions.alloyDefaults());
        OwnershipLedger ledger = new OwnershipLedger(keys.length);
        var loop = new io.fleetlab.simulator.engine.EventLoop();
        List<SimNode> nodes = new ArrayList<>();
        List<Peer> three = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String name = "n" + i;
            three.add(Peer.participant(name));
            nodes.add(new SimNode(name, registry.idOf(name), name, new io.fleetlab.simulator.engine.SimScheduler(loop),
                    cache, ledger, 0));
        }
        for (SimNode n : nodes) {
            n.applyView(three, 0);
        }
        assertEquals(0, ledger.unowned());
        assertEquals(0, ledger.doubleOwned());
        assertEquals(1, cache.computed());
        // n0 alone learns that n2 left: n2's targets split between n0 and n1 on n0's side only
        nodes.get(0).applyView(three.subList(0, 2), 0);
        long doubled = ledger.doubleOwned();
        assertEquals(true, doubled > 0);
        nodes.get(2).pause(0);
        assertEquals(0, ledger.doubleOwned(), "only n2 and n0 disagreed, and n2 stopped scraping");
        assertEquals(true, ledger.unowned() > 0, "n2's targets bound for n1 wait until n1 sees the change");
        nodes.get(1).applyView(three.subList(0, 2), 0);
        assertEquals(0, ledger.unowned());
        assertEquals(0, ledger.doubleOwned());
        int total = 0;
        for (int t = 0; t < keys.length; t++) {
            total += ledger.ownerCount(t);
        }
        assertEquals(keys.length, total);
    }
}
