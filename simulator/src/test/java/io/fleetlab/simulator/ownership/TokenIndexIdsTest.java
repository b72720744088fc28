package io.fleetlab.simulator.ownership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.rebalance.TargetSet;
import io.fleetlab.core.ring.Op;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link TokenIndex#idsOf} gives each admitted peer the id a lookup of its name gives, names new to
 * the index getting ids in the order a lookup per admitted peer would hand them out: seeded runs
 * of views as nodes build them (sorted, with equal names as other instances), views out of order
 * and views with new names, from several nodes in turn.
 */
class TokenIndexIdsTest {
    @Test
    void everyAdmittedPeerGetsTheIdItsNameHas() {
        int matched = 0;
        for (int c = 0; c < 300; c++) {
            long seed = 0x1d5L + c;
            SplittableRandom r = new SplittableRandom(seed);
            TokenIndex index = new TokenIndex(1 + r.nextInt(8), TargetSet.of(new long[] {1, 2, 3}));
            List<String> pool = new ArrayList<>();
            int size = 1 + r.nextInt(c < 280 ? 30 : 400);
            for (int i = 0; i < size; i++) {
                pool.add("alloy-" + i);
            }
            if (r.nextBoolean()) {
                index.register(pool.subList(0, r.nextInt(size)));
            }
            for (int v = 0; v < 30; v++) {
                List<Peer> view = new ArrayList<>();
                for (String n : pool) {
                    if (r.nextInt(4) != 0) {
                        PeerState st = PeerState.values()[r.nextInt(PeerState.values().length)];
                        String name = r.nextInt(10) == 0 ? new String(n) : n;
                        view.add(new Peer(name, name, st, false));
                    }
                }
                if (r.nextInt(5) != 0) {
                    view.sort((a, b) -> a.name().compareTo(b.name()));
                } else {
                    Collections.shuffle(view, new java.util.Random(r.nextLong()));
                }
                Op op = r.nextBoolean() ? Op.READ_WRITE : Op.READ;
                int[] ids = index.idsOf(List.copyOf(view), op);
                for (int k = 0; k < view.size(); k++) {
                    String where = "seed " + seed + " view " + v + " peer " + view.get(k);
                    if (!op.admits(view.get(k).state())) {
                        assertEquals(-1, ids[k], where);
                    } else {
                        assertEquals(index.idOf(view.get(k).name()), ids[k], where);
                        matched++;
                    }
                }
            }
        }
        assertTrue(matched > 10_000, "admitted peers checked: " + matched);
    }

    @Test
    void newNamesGetIdsInTheOrderAdmittedPeersNameThem() {
        TokenIndex index = new TokenIndex(1, TargetSet.of(new long[0]));
        index.register(List.of("b"));
        List<Peer> view = List.of(new Peer("a", "a", PeerState.PARTICIPANT, false),
                new Peer("b", "b", PeerState.PARTICIPANT, false),
                new Peer("c", "c", PeerState.VIEWER, false),
                new Peer("d", "d", PeerState.PARTICIPANT, false));
        int[] ids = index.idsOf(view, Op.READ_WRITE);
        assertEquals(1, ids[0]);
        assertEquals(0, ids[1]);
        assertEquals(-1, ids[2], "a viewer is not admitted, nor named to the index");
        assertEquals(2, ids[3]);
        assertEquals(3, index.idOf("c"));
    }
}
