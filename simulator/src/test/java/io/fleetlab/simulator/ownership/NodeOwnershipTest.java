package io.fleetlab.simulator.ownership;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.rebalance.ClusteringOptions;
import io.fleetlab.core.rebalance.OwnershipChange;
import io.fleetlab.core.rebalance.Rebalancer;
import io.fleetlab.core.rebalance.TargetSet;
import io.fleetlab.core.ring.HashingAlgorithm;
import io.fleetlab.core.ring.Op;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A rebalancer whose strategy is the shared token index with per-node arc deltas against one on
 * its own Alloy ring (itself checked against Alloy's vectors): after every view change of a random
 * sequence the owned targets and the started/stopped lists must be the same. A third rebalancer
 * takes the views as a node's components do ({@link Rebalancer#applyPeers}: its owned set changed
 * in place), sometimes as a caller that diffs, and is diffed at random reload ticks. Most cases
 * give views sorted by name, many with shared entries, now and then one out of order.
 */
class NodeOwnershipTest {
    private static final int CASES = 200;

    @Test
    void agreesWithTheRebalancerOnAlloysRingThroughRandomViewChanges() {
        long base = Long.getLong("fleetlab.seed", 0x0DE17AL);
        int cases = Integer.getInteger("fleetlab.cases", CASES);
        SplittableRandom seeds = new SplittableRandom(base);
        for (int c = 0; c < cases; c++) {
            long seed = c == 0 ? base : seeds.nextLong();
            try {
                oneCase(new SplittableRandom(seed));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("case " + c + " failed with seed " + seed + " (replay: -Dfleetlab.seed=" + seed
                        + " -Dfleetlab.cases=1): " + e.getMessage(), e);
            }
        }
    }

    private static void oneCase(SplittableRandom r) {
        int tokens = r.nextInt(5) == 0 ? 512 : 1 + r.nextInt(16);
        int fleet = 2 + r.nextInt(r.nextBoolean() ? 8 : 40);
        long[] keys = new long[r.nextInt(5) == 0 ? r.nextInt(3) : 50 + r.nextInt(400)];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = r.nextLong();
        }
        TargetSet targets = TargetSet.of(keys);
        TokenIndex index = new TokenIndex(tokens, targets);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < fleet; i++) {
            names.add("alloy-" + i);
        }
        boolean registered = r.nextBoolean();
        if (registered) {
            index.register(names); // otherwise names arrive with views and the index rebuilds
        }
        Op op = r.nextBoolean() ? Op.READ_WRITE : Op.READ;
        ClusteringOptions options = r.nextInt(8) == 0 ? ClusteringOptions.disabled()
                : new ClusteringOptions(true, 1 + r.nextInt(4), op);
        String self = names.get(r.nextInt(fleet));
        Rebalancer fast = new Rebalancer(self, index.create(self), options);
        Rebalancer reference = new Rebalancer(self, HashingAlgorithm.ALLOY_RING.create(tokens), options);
        assertChangeEqual(reference.setTargets(targets), fast.setTargets(targets), "targets");
        assertOwnedEqual(reference, fast);
        // a component's way: views applied (the owned set updated in place), diffed at reload ticks
        // now and then the way before: every region longer than one token walked when a node entered
        Rebalancer reusing = new Rebalancer(self, r.nextInt(4) == 0 ? index.createWalkingEveryRegion(self)
                : index.create(self), options);
        reusing.applyTargets(targets);
        BitSet scraped = new BitSet();
        PeerState[] states = new PeerState[fleet];
        // views sorted by name whose unchanged entries are the very same instances (a shared
        // registry's), or not: the former take the diff against the last view
        boolean sorted = r.nextInt(4) != 0;
        boolean shared = r.nextBoolean();
        Peer[][] entries = new Peer[fleet][PeerState.values().length];
        for (int step = 0; step < 12; step++) {
            // change a few members, or many at once (a join's push-pull, a partition healing)
            int changes = r.nextInt(4) == 0 ? r.nextInt(fleet + 1) : 1 + r.nextInt(3);
            for (int k = 0; k < changes; k++) {
                int i = r.nextInt(fleet);
                int roll = r.nextInt(10);
                states[i] = roll < 4 ? null : roll < 8 ? PeerState.PARTICIPANT : roll < 9 ? PeerState.TERMINATING : PeerState.VIEWER;
            }
            List<Peer> view = new ArrayList<>();
            for (int i = 0; i < fleet; i++) {
                if (states[i] != null) {
                    view.add(shared ? entry(entries, names, i, states[i], self)
                            : new Peer(names.get(i), names.get(i) + ":7946", states[i], names.get(i).equals(self)));
                }
            }
            if (sorted) {
                view.sort(Comparator.comparing(Peer::name)); // as a membership's views come
                if (view.size() > 1 && r.nextInt(10) == 0) {
                    int k = r.nextInt(view.size() - 1); // now and then one out of order: the diff must notice
                    view.set(k, view.set(k + 1, view.get(k)));
                }
            }
            boolean ready = r.nextInt(6) != 0 && view.size() >= options.minClusterSize();
            assertChangeEqual(reference.setPeers(view, ready), fast.setPeers(view, ready), view.toString());
            assertOwnedEqual(reference, fast);
            if (r.nextInt(4) == 0) {
                reusing.setPeers(view, ready); // a caller that diffs: the set it holds must stay as it was
            } else {
                reusing.applyPeers(view, ready);
            }
            assertOwnedEqual(reference, reusing);
            if (r.nextBoolean()) {
                OwnershipChange change = reusing.changeSince(scraped);
                BitSet expected = reference.ownedSet();
                for (int i : change.started()) {
                    assertTrue(!scraped.get(i) && expected.get(i), "started " + i + " after " + view);
                    scraped.set(i);
                }
                for (int i : change.stopped()) {
                    assertTrue(scraped.get(i) && !expected.get(i), "stopped " + i + " after " + view);
                    scraped.clear(i);
                }
                assertEquals(expected, scraped, "scraped after the reload on " + view);
            }
        }
        if (registered) {
            assertTrue(index.builds() <= 1, "tokens hashed and sorted " + index.builds() + " times");
        }
    }

    private static Peer entry(Peer[][] entries, List<String> names, int i, PeerState state, String self) {
        Peer p = entries[i][state.ordinal()];
        if (p == null) {
            p = new Peer(names.get(i), names.get(i) + ":7946", state, names.get(i).equals(self));
            entries[i][state.ordinal()] = p;
        }
        return p;
    }

    private static void assertChangeEqual(OwnershipChange expected, OwnershipChange actual, String after) {
        assertArrayEquals(expected.started(), actual.started(), "started after " + after);
        assertArrayEquals(expected.stopped(), actual.stopped(), "stopped after " + after);
    }

    private static void assertOwnedEqual(Rebalancer reference, Rebalancer fast) {
        assertEquals(reference.ownedCount(), fast.ownedCount(), "owned count");
        for (int t = 0; t < reference.targetCount(); t++) {
            assertEquals(reference.owns(t), fast.owns(t), "target " + t);
        }
    }

    /** Small changes of a large view (one state flip, sometimes a join) agree step by step. */
    @Test
    void smallChangesOfALargeViewAgree() {
        SplittableRandom r = new SplittableRandom(17);
        long[] keys = new long[5_000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = r.nextLong();
        }
        TargetSet targets = TargetSet.of(keys);
        TokenIndex index = new TokenIndex(64, targets);
        ClusteringOptions options = ClusteringOptions.alloyDefaults();
        Rebalancer fast = new Rebalancer("alloy-3", index.create("alloy-3"), options);
        Rebalancer reference = new Rebalancer("alloy-3", HashingAlgorithm.ALLOY_RING.create(64), options);
        reference.setTargets(targets);
        fast.setTargets(targets);
        List<Peer> view = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            view.add(new Peer("alloy-" + i, "a", PeerState.PARTICIPANT, i == 3));
        }
        reference.setPeers(view);
        fast.setPeers(view);
        for (int step = 0; step < 50; step++) {
            int i = r.nextInt(100);
            Peer p = view.get(i);
            PeerState next = p.state() == PeerState.PARTICIPANT ? PeerState.TERMINATING : PeerState.PARTICIPANT;
            view.set(i, new Peer(p.name(), p.address(), next, p.self()));
            boolean newName = r.nextBoolean();
            if (newName) {
                view.add(new Peer("alloy-" + (100 + step), "a", PeerState.PARTICIPANT, false));
            }
            assertChangeEqual(reference.setPeers(view), fast.setPeers(view), view.toString());
            assertOwnedEqual(reference, fast);
            // a name new to the index rebuilds it (new positions): only then are all regions walked afresh
            assertEquals(!newName, fast.lastUpdateWasIncremental(), "incremental at step " + step);
        }
    }
}
