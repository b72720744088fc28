package io.fleetlab.core.rebalance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.ring.AlloyRing;
import io.fleetlab.core.ring.HashingAlgorithm;
import io.fleetlab.core.ring.Op;
import io.fleetlab.core.testing.Gen;
import io.fleetlab.core.testing.Property;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RebalancerTest {

    private static Peer peer(String name, PeerState state, boolean self) {
        return new Peer(name, name, state, self);
    }

    private static int[] owned(Rebalancer r) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < r.targetCount(); i++) {
            if (r.owns(i)) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void standaloneNodeOwnsEverything() {
        Rebalancer r = new Rebalancer("solo", new AlloyRing(), ClusteringOptions.alloyDefaults());
        OwnershipChange change = r.setTargets(new long[] {1, 2, 3});
        assertEquals(3, r.ownedCount());
        assertArrayEquals(new int[] {0, 1, 2}, change.started());
        assertArrayEquals(new int[0], change.stopped());
    }

    @Test
    void clusteringDisabledOwnsEverythingWhateverThePeers() {
        Rebalancer r = new Rebalancer("a", new AlloyRing(), ClusteringOptions.disabled());
        r.setTargets(Gen.keys(new java.util.SplittableRandom(1), 1000));
        r.setPeers(Gen.participants(List.of("a", "b", "c")));
        assertEquals(1000, r.ownedCount());
    }

    @Test
    void failsOpenWhenNoNodeIsEligible() {
        Rebalancer r = new Rebalancer("a", new AlloyRing(), ClusteringOptions.alloyDefaults());
        r.setTargets(new long[] {10, 20, 30});
        r.setPeers(List.of(peer("a", PeerState.VIEWER, true), peer("b", PeerState.TERMINATING, false)));
        assertEquals(3, r.ownedCount(), "a lookup error makes the local node take the target");
    }

    @Test
    void ownsNothingBelowTheMinimumClusterSize() {
        Rebalancer r = new Rebalancer("a", new AlloyRing(), ClusteringOptions.alloyDefaults().withMinClusterSize(3));
        r.setTargets(Gen.keys(new java.util.SplittableRandom(2), 500));
        assertEquals(0, r.ownedCount(), "a lone node waits for the cluster");
        r.setPeers(Gen.participants(List.of("a", "b")));
        assertEquals(0, r.ownedCount());
        OwnershipChange reached = r.setPeers(Gen.participants(List.of("a", "b", "c")));
        assertTrue(r.ownedCount() > 0);
        assertEquals(r.ownedCount(), reached.started().length);
        OwnershipChange dropped = r.setPeers(Gen.participants(List.of("a", "b")));
        assertEquals(0, r.ownedCount());
        assertEquals(reached.started().length, dropped.stopped().length);
    }

    @Test
    void viewerOwnsNothingWhileOthersParticipate() {
        Rebalancer r = new Rebalancer("v", new AlloyRing(), ClusteringOptions.alloyDefaults());
        r.setTargets(Gen.keys(new java.util.SplittableRandom(3), 500));
        r.setPeers(List.of(peer("v", PeerState.VIEWER, true), peer("b", PeerState.PARTICIPANT, false)));
        assertEquals(0, r.ownedCount());
    }

    @Test
    void nodesSharingOneViewPartitionTheTargets() {
        Property.forAll(100, rnd -> {
            List<String> names = Gen.names(rnd, 1 + rnd.nextInt(12));
            String algorithm = HashingAlgorithm.ids().get(rnd.nextInt(HashingAlgorithm.ids().size()));
            long[] keys = Gen.keys(rnd, 2000);
            int[] owners = new int[keys.length];
            for (String name : names) {
                Rebalancer r = new Rebalancer(name, HashingAlgorithm.create(algorithm, 64), ClusteringOptions.alloyDefaults());
                r.setTargets(keys);
                r.setPeers(Gen.shuffled(rnd, Gen.participants(names)));
                for (int i = 0; i < keys.length; i++) {
                    owners[i] += r.owns(i) ? 1 : 0;
                }
            }
            for (int i = 0; i < keys.length; i++) {
                assertEquals(1, owners[i], algorithm + ": target " + i + " must have exactly one owner");
            }
        });
    }

    @Test
    void incrementalUpdatesEqualAFullRecompute() {
        Property.forAll(200, rnd -> {
            List<String> pool = Gen.names(rnd, 25);
            String self = pool.get(0);
            long[] keys = Gen.keys(rnd, 1000);
            Rebalancer fast = new Rebalancer(self, new AlloyRing(1 + rnd.nextInt(64)), ClusteringOptions.alloyDefaults());
            fast.setTargets(keys);
            for (int step = 0; step < 10; step++) {
                List<Peer> view = new ArrayList<>(Gen.mixedStates(rnd, pool.subList(0, 1 + rnd.nextInt(pool.size()))));
                view.removeIf(p -> rnd.nextInt(3) == 0);
                int[] before = owned(fast);
                OwnershipChange change = fast.setPeers(view);
                int[] incremental = owned(fast);
                OwnershipChange none = fast.recomputeAll();
                assertTrue(none.isEmpty(), "the fast path missed " + none.size() + " changes (incremental="
                        + fast.lastUpdateWasIncremental() + ")");
                assertArrayEquals(owned(fast), incremental);
                assertEquals(symmetricDifference(before, incremental), change.size());
            }
        });
    }

    @Test
    void aSharedOwnershipTableGivesTheSameAnswerAsOwnLookups() {
        Property.forAll(200, rnd -> {
            List<String> pool = Gen.names(rnd, 12);
            String self = pool.get(rnd.nextInt(pool.size()));
            TargetSet targets = TargetSet.of(Gen.keys(rnd, 500));
            ClusteringOptions options = new ClusteringOptions(rnd.nextInt(5) > 0, rnd.nextInt(4), rnd.nextBoolean() ? Op.READ : Op.READ_WRITE);
            String algorithm = HashingAlgorithm.ids().get(rnd.nextInt(HashingAlgorithm.ids().size()));
            Rebalancer own = new Rebalancer(self, HashingAlgorithm.create(algorithm, 32), options);
            OwnershipStrategy fromTables = (name, set, peers, op, previous) ->
                    OwnershipTable.compute(peers, HashingAlgorithm.create(algorithm, 32), set, op).ownedBy(name);
            Rebalancer shared = new Rebalancer(self, fromTables, options);
            own.setTargets(targets);
            shared.setTargets(targets);
            for (int step = 0; step < 6; step++) {
                List<Peer> view = new ArrayList<>(Gen.mixedStates(rnd, pool));
                view.removeIf(p -> rnd.nextInt(3) == 0);
                OwnershipChange a = own.setPeers(view);
                OwnershipChange b = shared.setPeers(view);
                assertArrayEquals(owned(own), owned(shared), algorithm + " step " + step);
                assertArrayEquals(a.started(), b.started());
                assertArrayEquals(a.stopped(), b.stopped());
            }
        });
    }

    @Test
    void ownershipTableOnAlloyRingMatchesOwnerLookupsAtTokensAndWrap() {
        Property.forAll(200, rnd -> {
            List<Peer> peers = Gen.mixedStates(rnd, Gen.names(rnd, 1 + rnd.nextInt(15)));
            AlloyRing ring = new AlloyRing(1 + rnd.nextInt(64));
            ring.setPeers(peers);
            var snap = ring.snapshot(Op.READ_WRITE);
            long[] keys = Gen.keys(rnd, 300);
            for (int i = 0; i < 20 && snap.size() > 0; i++) {
                keys[i] = snap.token(rnd.nextInt(snap.size())); // exactly on a token
            }
            keys[20] = 0;
            keys[21] = -1L;
            TargetSet targets = TargetSet.of(keys);
            OwnershipTable table = OwnershipTable.compute(peers, new AlloyRing(snap.size() == 0 ? 1 : ring.tokensPerNode()), targets, Op.READ_WRITE);
            for (int i = 0; i < keys.length; i++) {
                String expected;
                try {
                    expected = ring.owner(keys[i], Op.READ_WRITE).name();
                } catch (io.fleetlab.core.ring.NotEnoughNodesException e) {
                    expected = null;
                }
                assertEquals(expected, table.ownerOf(i), "key " + Long.toUnsignedString(keys[i]));
            }
        });
    }

    @Test
    void joinUsesTheIncrementalPathAndReportsExactlyTheMovedTargets() {
        long[] keys = Gen.keys(new java.util.SplittableRandom(9), 100_000);
        Rebalancer r = new Rebalancer("alloy-0", new AlloyRing(), ClusteringOptions.alloyDefaults());
        r.setTargets(keys);
        List<String> names = new ArrayList<>(List.of("alloy-0", "alloy-1", "alloy-2", "alloy-3"));
        r.setPeers(Gen.participants(names));
        int[] before = owned(r);
        names.add("alloy-4");
        OwnershipChange change = r.setPeers(Gen.participants(names));
        assertTrue(r.lastUpdateWasIncremental());
        assertEquals(0, change.started().length, "a join never hands an existing node new targets");
        assertEquals(before.length - r.ownedCount(), change.stopped().length);
        assertFalse(change.isEmpty());
    }

    @Test
    void targetChangesReportStartedAndStoppedByKey() {
        Rebalancer r = new Rebalancer("a", new AlloyRing(), ClusteringOptions.alloyDefaults());
        r.setTargets(new long[] {5, 6, 7});
        OwnershipChange change = r.setTargets(new long[] {7, 8});
        assertArrayEquals(new int[] {1}, change.started(), "key 8 is new (index 1 of the new array)");
        assertArrayEquals(new int[] {0, 1}, change.stopped(), "keys 5 and 6 are gone (indices of the old array)");
    }

    private static int symmetricDifference(int[] a, int[] b) {
        java.util.Set<Integer> sa = new java.util.HashSet<>();
        for (int x : a) {
            sa.add(x);
        }
        java.util.Set<Integer> sb = new java.util.HashSet<>();
        for (int x : b) {
            sb.add(x);
        }
        int d = 0;
        for (int x : sa) {
            d += sb.contains(x) ? 0 : 1;
        }
        for (int x : sb) {
            d += sa.contains(x) ? 0 : 1;
        }
        return d;
    }

    @Test
    void readOpIncludesTerminatingNodes() {
        Rebalancer r = new Rebalancer("t", new AlloyRing(), new ClusteringOptions(true, 0, Op.READ));
        r.setTargets(Gen.keys(new java.util.SplittableRandom(4), 1000));
        r.setPeers(List.of(peer("t", PeerState.TERMINATING, true), peer("p", PeerState.PARTICIPANT, false)));
        assertTrue(r.ownedCount() > 0 && r.ownedCount() < 1000);
    }

    @Test
    void applyingWithoutTheChangeOwnsWhatSettingOwns() {
        Property.forAll(100, rnd -> {
            List<String> names = Gen.names(rnd, 1 + rnd.nextInt(12));
            String local = names.get(0);
            ClusteringOptions options = rnd.nextInt(4) == 0 ? ClusteringOptions.disabled()
                    : ClusteringOptions.alloyDefaults().withMinClusterSize(rnd.nextInt(4));
            Rebalancer setting = new Rebalancer(local, new AlloyRing(), options);
            Rebalancer applying = new Rebalancer(local, new AlloyRing(), options);
            for (int step = 0; step < 6; step++) {
                if (step == 0 || rnd.nextInt(3) == 0) {
                    TargetSet targets = TargetSet.of(Gen.keys(rnd, rnd.nextInt(300)));
                    setting.setTargets(targets);
                    applying.applyTargets(targets);
                } else {
                    List<Peer> view = new ArrayList<>();
                    for (String n : names) {
                        if (n.equals(local) || rnd.nextBoolean()) {
                            PeerState st = rnd.nextInt(5) == 0 ? PeerState.VIEWER : PeerState.PARTICIPANT;
                            view.add(peer(n, st, n.equals(local)));
                        }
                    }
                    boolean ready = rnd.nextInt(5) != 0;
                    setting.setPeers(view, ready);
                    applying.applyPeers(view, ready);
                }
                assertEquals(setting.ownedSet(), applying.ownedSet(), "step " + step);
            }
        });
    }
}
