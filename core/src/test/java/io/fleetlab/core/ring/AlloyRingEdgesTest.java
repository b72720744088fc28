package io.fleetlab.core.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.testing.Gen;
import io.fleetlab.core.testing.Property;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Token boundaries, wrap-around and incremental rebuilds of Alloy's ring. */
class AlloyRingEdgesTest {

    @Test
    void keyEqualToATokenBelongsToThatTokensNode() {
        Property.forAll(300, r -> {
            AlloyRing ring = new AlloyRing(1 + r.nextInt(64));
            ring.setPeers(Gen.participants(Gen.names(r, 1 + r.nextInt(12))));
            RingSnapshot snap = ring.snapshot(Op.READ_WRITE);
            int i = r.nextInt(snap.size());
            int first = i;
            while (first > 0 && snap.token(first - 1) == snap.token(i)) {
                first--; // ties go to the lowest name, which sorts first
            }
            assertEquals(snap.holder(first), ring.owner(snap.token(i), Op.READ_WRITE).name());
            if (snap.token(i) != -1L) {
                int next = (i + 1) % snap.size();
                while (snap.token(next) == snap.token(i) && next != i) {
                    next = (next + 1) % snap.size();
                }
                assertEquals(snap.holder(next), ring.owner(snap.token(i) + 1, Op.READ_WRITE).name(),
                        "one past a token belongs to the next token");
            }
        });
    }

    @Test
    void keysPastTheLastTokenWrapToTheFirst() {
        Property.forAll(300, r -> {
            AlloyRing ring = new AlloyRing(1 + r.nextInt(64));
            ring.setPeers(Gen.participants(Gen.names(r, 1 + r.nextInt(12))));
            RingSnapshot snap = ring.snapshot(Op.READ_WRITE);
            long last = snap.token(snap.size() - 1);
            if (last != -1L) {
                assertEquals(snap.holder(0), ring.owner(last + 1, Op.READ_WRITE).name());
                assertEquals(snap.holder(0), ring.owner(-1L, Op.READ_WRITE).name(), "max unsigned key wraps");
            }
            assertEquals(snap.holder(0), ring.owner(0L, Op.READ_WRITE).name(), "key 0 goes to the first token");
            assertEquals(snap.holder(0), ring.owner(snap.token(0), Op.READ_WRITE).name());
        });
    }

    @Test
    void incrementalRebuildEqualsBuildingFromScratch() {
        Property.forAll(300, r -> {
            int tokens = 1 + r.nextInt(64);
            AlloyRing evolving = new AlloyRing(tokens);
            List<String> pool = Gen.names(r, 30);
            List<Peer> current = new ArrayList<>();
            for (int step = 0; step < 8; step++) {
                current = Gen.mixedStates(r, pool.subList(0, 1 + r.nextInt(pool.size())));
                current = new ArrayList<>(Gen.shuffled(r, current));
                current.removeIf(p -> r.nextInt(4) == 0);
                evolving.setPeers(current);
                AlloyRing fresh = new AlloyRing(tokens);
                fresh.setPeers(current);
                for (Op op : Op.values()) {
                    RingSnapshot a = evolving.snapshot(op);
                    RingSnapshot b = fresh.snapshot(op);
                    assertEquals(b.size(), a.size());
                    for (int i = 0; i < a.size(); i++) {
                        assertEquals(b.token(i), a.token(i), "token " + i);
                        assertEquals(b.holder(i), a.holder(i), "holder " + i);
                    }
                }
            }
        });
    }

    @Test
    void prefixIndexedSearchEqualsAPlainSearchOfTheWholeRing() {
        Property.forAll(300, r -> {
            AlloyRing ring = new AlloyRing(1 + r.nextInt(600));
            ring.setPeers(Gen.participants(Gen.names(r, 1 + r.nextInt(30))));
            RingSnapshot snap = ring.snapshot(Op.READ_WRITE);
            long[] probes = new long[400];
            for (int i = 0; i < probes.length; i++) {
                long t = snap.token(r.nextInt(snap.size()));
                probes[i] = switch (i % 4) {
                    case 0 -> r.nextLong();
                    case 1 -> t;
                    case 2 -> t + 1;
                    default -> t - 1;
                };
            }
            for (long key : probes) {
                int expected = 0;
                while (expected < snap.size() && Long.compareUnsigned(snap.token(expected), key) < 0) {
                    expected++;
                }
                expected = expected == snap.size() ? 0 : expected;
                assertEquals(expected, snap.successor(key), "key " + Long.toUnsignedString(key));
            }
        });
    }

    @Test
    void duplicateNamesAreRejected() {
        AlloyRing ring = new AlloyRing();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ring.setPeers(List.of(Peer.participant("a"), Peer.participant("a"))));
        assertEquals("peer set names node 'a' twice", e.getMessage());
    }

    @Test
    void negativeOwnerCountIsRejected() {
        AlloyRing ring = new AlloyRing();
        ring.setPeers(List.of(Peer.participant("a")));
        assertThrows(IllegalArgumentException.class, () -> ring.lookup(1, -1, Op.READ));
    }
}
