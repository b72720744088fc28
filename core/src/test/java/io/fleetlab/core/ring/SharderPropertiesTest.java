package io.fleetlab.core.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.testing.Gen;
import io.fleetlab.core.testing.Property;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Invariants every algorithm must keep, checked over hundreds of seeded peer sets. */
class SharderPropertiesTest {
    private static final int TOKENS = 32;

    static List<String> algorithms() {
        return HashingAlgorithm.ids();
    }

    /** The algorithms whose join moves keys only to the newcomer and whose leave moves only the leaver's. */
    static List<String> minimalMovers() {
        return List.of("alloy-ring", "rendezvous", "multiprobe");
    }

    private static List<String> owners(Sharder s, long key, int n, Op op) {
        return s.lookup(key, n, op).stream().map(Peer::name).toList();
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void sameAnswerWhateverThePeerOrder(String algorithm) {
        Property.forAll(200, r -> {
            List<Peer> peers = Gen.mixedStates(r, Gen.names(r, 1 + r.nextInt(20)));
            Sharder a = HashingAlgorithm.create(algorithm, TOKENS);
            Sharder b = HashingAlgorithm.create(algorithm, TOKENS);
            a.setPeers(peers);
            b.setPeers(Gen.shuffled(r, peers));
            long[] keys = Gen.keys(r, 200);
            for (Op op : Op.values()) {
                int eligible = (int) peers.stream().filter(p -> op.admits(p.state())).count();
                int n = Math.min(eligible, 3);
                for (long k : keys) {
                    assertEquals(owners(a, k, n, op), owners(b, k, n, op), "key " + Long.toUnsignedString(k));
                }
            }
        });
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void ownersAreDistinctEligibleAndPrimaryFirst(String algorithm) {
        Property.forAll(200, r -> {
            List<Peer> peers = Gen.mixedStates(r, Gen.names(r, 1 + r.nextInt(20)));
            Sharder s = HashingAlgorithm.create(algorithm, TOKENS);
            s.setPeers(peers);
            for (Op op : Op.values()) {
                int eligible = (int) peers.stream().filter(p -> op.admits(p.state())).count();
                for (long k : Gen.keys(r, 50)) {
                    if (eligible == 0) {
                        NotEnoughNodesException e = assertThrows(NotEnoughNodesException.class, () -> s.owner(k, op));
                        assertEquals("not enough nodes: need at least 1, have 0", e.getMessage());
                        continue;
                    }
                    int n = 1 + r.nextInt(eligible);
                    List<Peer> owners = s.lookup(k, n, op);
                    assertEquals(n, owners.size());
                    assertEquals(n, new HashSet<>(owners).size(), "owners must be distinct");
                    assertTrue(owners.stream().allMatch(p -> op.admits(p.state())), "only eligible owners");
                    assertEquals(owners.get(0), s.owner(k, op), "owner() is the first of lookup()");
                    assertEquals(List.of(), s.lookup(k, 0, op));
                    int tooMany = eligible + 1;
                    NotEnoughNodesException e = assertThrows(NotEnoughNodesException.class, () -> s.lookup(k, tooMany, op));
                    assertEquals("not enough nodes: need at least " + tooMany + ", have " + eligible, e.getMessage());
                }
            }
        });
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void removeThenReAddRestoresTheMapping(String algorithm) {
        Property.forAll(200, r -> {
            List<Peer> peers = Gen.participants(Gen.names(r, 2 + r.nextInt(20)));
            Sharder s = HashingAlgorithm.create(algorithm, TOKENS);
            s.setPeers(peers);
            long[] keys = Gen.keys(r, 200);
            List<List<String>> before = new ArrayList<>();
            for (long k : keys) {
                before.add(owners(s, k, 2, Op.READ_WRITE));
            }
            List<Peer> fewer = new ArrayList<>(peers);
            fewer.remove(r.nextInt(fewer.size()));
            s.setPeers(fewer);
            s.setPeers(Gen.shuffled(r, peers));
            for (int i = 0; i < keys.length; i++) {
                assertEquals(before.get(i), owners(s, keys[i], 2, Op.READ_WRITE));
            }
        });
    }

    @ParameterizedTest
    @MethodSource("minimalMovers")
    void joinMovesKeysOnlyToTheNewNode(String algorithm) {
        Property.forAll(200, r -> {
            List<String> names = Gen.names(r, 2 + r.nextInt(20));
            String newcomer = names.remove(names.size() - 1);
            Sharder s = HashingAlgorithm.create(algorithm, TOKENS);
            s.setPeers(Gen.participants(names));
            long[] keys = Gen.keys(r, 500);
            String[] before = new String[keys.length];
            for (int i = 0; i < keys.length; i++) {
                before[i] = s.owner(keys[i], Op.READ_WRITE).name();
            }
            List<String> grown = new ArrayList<>(names);
            grown.add(newcomer);
            s.setPeers(Gen.participants(grown));
            for (int i = 0; i < keys.length; i++) {
                String after = s.owner(keys[i], Op.READ_WRITE).name();
                assertTrue(after.equals(before[i]) || after.equals(newcomer),
                        "key moved from " + before[i] + " to " + after + ", not to the newcomer " + newcomer);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("minimalMovers")
    void leaveMovesOnlyTheLeaversKeys(String algorithm) {
        Property.forAll(200, r -> {
            List<String> names = Gen.names(r, 2 + r.nextInt(20));
            Sharder s = HashingAlgorithm.create(algorithm, TOKENS);
            s.setPeers(Gen.participants(names));
            long[] keys = Gen.keys(r, 500);
            String[] before = new String[keys.length];
            for (int i = 0; i < keys.length; i++) {
                before[i] = s.owner(keys[i], Op.READ_WRITE).name();
            }
            List<String> shrunk = new ArrayList<>(names);
            String leaver = shrunk.remove(r.nextInt(shrunk.size()));
            s.setPeers(Gen.participants(shrunk));
            for (int i = 0; i < keys.length; i++) {
                String after = s.owner(keys[i], Op.READ_WRITE).name();
                assertTrue(after.equals(before[i]) || before[i].equals(leaver),
                        "key of " + before[i] + " moved to " + after + " although only " + leaver + " left");
            }
        });
    }

    /** Successor lists: multiprobe's secondaries are not stable under removal of the primary. */
    static List<String> successorListAlgorithms() {
        return List.of("alloy-ring", "rendezvous");
    }

    @ParameterizedTest
    @MethodSource("successorListAlgorithms")
    void removingAnOwnerPromotesTheNext(String algorithm) {
        Property.forAll(200, r -> {
            List<String> names = Gen.names(r, 3 + r.nextInt(20));
            Sharder s = HashingAlgorithm.create(algorithm, TOKENS);
            s.setPeers(Gen.participants(names));
            long key = r.nextLong();
            List<String> three = owners(s, key, 3, Op.READ_WRITE);
            List<String> rest = new ArrayList<>(names);
            rest.remove(three.get(0));
            s.setPeers(Gen.participants(rest));
            assertEquals(three.subList(1, 3), owners(s, key, 2, Op.READ_WRITE));
        });
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void terminatingNodesServeReadsOnly(String algorithm) {
        Property.forAll(200, r -> {
            List<Peer> peers = Gen.mixedStates(r, Gen.names(r, 1 + r.nextInt(15)));
            Sharder s = HashingAlgorithm.create(algorithm, TOKENS);
            s.setPeers(peers);
            for (long k : Gen.keys(r, 50)) {
                for (Op op : Op.values()) {
                    try {
                        assertTrue(op.admits(s.owner(k, op).state()));
                    } catch (NotEnoughNodesException e) {
                        assertTrue(peers.stream().noneMatch(p -> op.admits(p.state())));
                    }
                }
            }
        });
    }
}
