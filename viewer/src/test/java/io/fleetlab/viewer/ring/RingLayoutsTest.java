package io.fleetlab.viewer.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.hash.TargetKeys;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.ring.HashingAlgorithm;
import io.fleetlab.core.ring.KeyAwareSharder;
import io.fleetlab.core.ring.Op;
import io.fleetlab.core.ring.Sharder;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RingLayoutsTest {

    @Test
    void alloyRingArcsGiveTheSameOwnerAsTheCoreForRandomKeys() {
        long seed = 20261125L;
        SplittableRandom random = new SplittableRandom(seed);
        for (int run = 0; run < 40; run++) {
            List<Peer> peers = randomPeers(random);
            int tokens = 1 + random.nextInt(64);
            RingLayout layout = new RingLayouts("alloy-ring", tokens).layout(peers, "");
            Sharder core = HashingAlgorithm.ALLOY_RING.create(tokens);
            core.setPeers(peers);
            assertTrue(layout.exact());
            assertCoversCircle(layout, "seed " + seed + " run " + run);
            for (int k = 0; k < 200; k++) {
                long key = random.nextLong();
                assertEquals(core.owner(key, Op.READ_WRITE).name(),
                        layout.ownerAt(RingLayouts.fraction(key)).orElseThrow(),
                        "seed " + seed + " run " + run + " key " + Long.toUnsignedString(key));
            }
        }
    }

    @Test
    void onlyParticipantsAreOnTheScrapeRing() {
        List<Peer> peers = List.of(
                new Peer("a", "a:1", PeerState.PARTICIPANT, true),
                new Peer("b", "b:1", PeerState.VIEWER, false),
                new Peer("c", "c:1", PeerState.TERMINATING, false),
                new Peer("d", "d:1", PeerState.PARTICIPANT, false));
        RingLayout layout = new RingLayouts("alloy-ring", 512).layout(peers, "target-7");
        assertEquals(List.of("a", "d"), layout.nodes());
        assertEquals(Set.of("a", "d"), layout.shares().keySet());
    }

    @Test
    void targetIsPlacedAtItsStringKeyAndOwnedAsTheCoreSays() {
        List<Peer> peers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            peers.add(Peer.participant("node-" + i));
        }
        Sharder core = HashingAlgorithm.ALLOY_RING.create(512);
        core.setPeers(peers);
        for (int i = 0; i < 100; i++) {
            String target = "target-" + i;
            RingLayout.Target placed = new RingLayouts("alloy-ring", 512).layout(peers, target).target().orElseThrow();
            long key = TargetKeys.ofString(target);
            assertEquals(core.owner(key, Op.READ_WRITE).name(), placed.owner(), target);
            assertEquals(RingLayouts.fraction(key), placed.position(), 0.0, target);
        }
    }

    @Test
    void algorithmsWithoutTokensAreSampledWithTheirOwnOwners() {
        List<Peer> peers = List.of(Peer.participant("x"), Peer.participant("y"), Peer.participant("z"));
        for (String algorithm : List.of("rendezvous", "multiprobe", "maglev", "jump", "bounded-load")) {
            RingLayout layout = new RingLayouts(algorithm, 64).layout(peers, "t");
            assertFalse(layout.exact(), algorithm);
            assertCoversCircle(layout, algorithm);
            Sharder core = HashingAlgorithm.create(algorithm, 64);
            if (!(core instanceof KeyAwareSharder)) {
                core.setPeers(peers);
                long[] keys = RingLayouts.sampleKeys();
                for (int i = 0; i < keys.length; i += 17) {
                    assertEquals(core.owner(keys[i], Op.READ_WRITE).name(),
                            layout.ownerAt(RingLayouts.fraction(keys[i])).orElseThrow(), algorithm + " sample " + i);
                }
            }
        }
    }

    @Test
    void emptyRingAndUnknownAlgorithm() {
        RingLayout empty = new RingLayouts("alloy-ring", 8).layout(List.of(new Peer("v", "v", PeerState.VIEWER, true)), "t");
        assertTrue(empty.arcs().isEmpty());
        assertTrue(empty.target().isEmpty());
        var e = assertThrows(IllegalArgumentException.class, () -> new RingLayouts("chord", 8));
        assertTrue(e.getMessage().contains("chord"), e.getMessage());
    }

    private static void assertCoversCircle(RingLayout layout, String context) {
        double at = 0;
        String previous = null;
        for (Arc arc : layout.arcs()) {
            assertEquals(at, arc.start(), 0.0, context + ": gap or overlap at " + at);
            assertFalse(arc.node().equals(previous), context + ": neighbouring arcs of one node not merged");
            at = arc.end();
            previous = arc.node();
        }
        assertEquals(1.0, at, 0.0, context);
        assertEquals(1.0, layout.shares().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9, context);
    }

    private static List<Peer> randomPeers(SplittableRandom random) {
        List<Peer> peers = new ArrayList<>();
        int n = 1 + random.nextInt(12);
        for (int i = 0; i < n; i++) {
            peers.add(Peer.participant("n" + random.nextInt(1000) + "-" + i));
        }
        return peers;
    }
}
