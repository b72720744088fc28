package io.fleetlab.core.ring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

    /**
     * The packed lookup index (token suffix and owner in one long per token) against a plain
     * search and walk of the snapshot: the primary owner, the first three distinct owners and the
     * successor, for the ring as built and for the same ring indexed with only 2^1 to 2^6 buckets,
     * so that crowded buckets (as in rings of millions of tokens) and owner indices wider than the
     * prefix are exercised too. Keys are random, equal to a token, or one either side of it.
     */
    @Test
    void packedIndexAgreesWithAPlainSearchAndWalk() {
        Property.forAll(300, r -> {
            AlloyRing ring = new AlloyRing(1 + r.nextInt(300));
            ring.setPeers(Gen.participants(Gen.names(r, 1 + r.nextInt(40))));
            RingSnapshot snap = ring.snapshot(Op.READ_WRITE);
            TokenRing built = ring.tokenRing(Op.READ_WRITE);
            TokenRing crowded = built.withPrefixLimit(1 + r.nextInt(6));
            int n = Math.min(3, snap.nodeCount());
            int[] out = new int[n];
            boolean[] seen = new boolean[snap.nodeCount()];
            for (int probe = 0; probe < 200; probe++) {
                long t = snap.token(r.nextInt(snap.size()));
                long key = switch (probe % 4) {
                    case 0 -> r.nextLong();
                    case 1 -> t;
                    case 2 -> t + 1;
                    default -> t - 1;
                };
                int expected = 0;
                while (expected < snap.size() && Long.compareUnsigned(snap.token(expected), key) < 0) {
                    expected++;
                }
                expected = expected == snap.size() ? 0 : expected;
                int[] owners = new int[n];
                for (int i = expected, found = 0; found < n; i = (i + 1) % snap.size()) {
                    int holder = snap.holderIndex(i);
                    boolean known = false;
                    for (int k = 0; k < found; k++) {
                        known |= owners[k] == holder;
                    }
                    if (!known) {
                        owners[found++] = holder;
                    }
                }
                String what = "key " + Long.toUnsignedString(key) + ", prefix bits " + crowded.prefixBits();
                assertEquals(snap.holder(expected), ring.owner(key, Op.READ_WRITE).name(), what);
                for (TokenRing index : new TokenRing[] {built, crowded}) {
                    assertEquals(expected, index.successor(key), what);
                    assertEquals(owners[0], index.primary(key), what);
                    index.walk(key, n, out, seen);
                    assertArrayEquals(owners, out, what);
                }
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
