package io.fleetlab.bench.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fleetlab.bench.fixtures.Fleets;
import io.fleetlab.core.ring.AlloyRing;
import io.fleetlab.core.ring.Op;
import io.fleetlab.core.ring.RingSnapshot;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The four searches {@link RingSearchBench} compares find the same token and owner as the ring itself. */
class RingSearchTest {
    @Test
    void everySearchFindsTheRingsSuccessor() {
        for (int nodes : new int[] {1, 3, 100}) {
            RingSearchBench bench = new RingSearchBench();
            bench.nodes = nodes;
            bench.build();
            AlloyRing ring = new AlloyRing();
            ring.setPeers(Fleets.statefulSet(nodes));
            RingSnapshot snap = ring.snapshot(Op.READ_WRITE);
            long seed = 1400 + nodes;
            SplittableRandom r = new SplittableRandom(seed);
            for (int i = 0; i < 2_000; i++) {
                long t = snap.token(r.nextInt(snap.size()));
                long key = switch (i % 4) {
                    case 0 -> r.nextLong();
                    case 1 -> t;
                    case 2 -> t + 1;
                    default -> t - 1;
                };
                int expected = snap.successor(key);
                String where = "seed " + seed + ", nodes " + nodes + ", key " + Long.toUnsignedString(key);
                assertEquals(expected, bench.wholeRingBinary(key), where);
                assertEquals(expected, bench.bucketBinary(key), where);
                assertEquals(expected, bench.bucketLinear(key), where);
                assertEquals(snap.holderIndex(expected), bench.packedOwner(key), where);
            }
        }
    }
}
