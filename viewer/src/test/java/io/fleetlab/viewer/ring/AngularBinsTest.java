package io.fleetlab.viewer.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.peer.Peer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AngularBinsTest {
    private static final int BINS = 720;

    private static RingLayout ring(int nodes, int tokens) {
        List<Peer> peers = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            peers.add(Peer.participant("node-" + i));
        }
        return new RingLayouts("alloy-ring", tokens).layout(peers, "");
    }

    @Test
    void binOwnerIsTheOwnerOfItsMiddleKey() {
        RingLayout layout = ring(7, 16);
        String[] owners = AngularBins.owners(layout, BINS);
        for (int b = 0; b < BINS; b++) {
            assertEquals(layout.ownerAt((b + 0.5) / BINS).orElseThrow(), owners[b], "bin " + b);
        }
    }

    @Test
    void everyArcOfANodeShowsOnItsTrackEvenWhenNarrowerThanABin() {
        RingLayout layout = ring(50, 512);
        String node = "node-17";
        boolean[] covered = AngularBins.coverage(layout, node, BINS);
        int arcs = 0;
        for (Arc arc : layout.arcs()) {
            int first = (int) (arc.start() * BINS);
            int last = Math.min(BINS - 1, (int) Math.ceil(arc.end() * BINS) - 1);
            boolean mine = arc.node().equals(node);
            if (mine) {
                arcs++;
                assertTrue(covered[first], "arc " + arc + " not shown");
            } else if (first == last) {
                // A bin wholly inside another node's arc shows only if node-17 also has keys in it.
                boolean shared = layout.arcs().stream().anyMatch(a -> a.node().equals(node)
                        && a.end() > (double) first / BINS && a.start() < (double) (first + 1) / BINS);
                assertEquals(shared, covered[first], "bin " + first);
            }
        }
        assertTrue(arcs > 100, "node-17 has many small arcs at 512 tokens");
    }
}
