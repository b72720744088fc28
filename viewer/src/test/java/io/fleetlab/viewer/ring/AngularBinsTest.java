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
    void aNodesTrackMarksExactlyTheBinsHoldingAnyOfItsKeys() {
        RingLayout layout = ring(50, 512);
        String node = "node-17";
        boolean[] covered = AngularBins.coverage(layout, node, BINS);
        List<Arc> mine = layout.arcs().stream().filter(a -> a.node().equals(node)).toList();
        assertTrue(mine.size() > 100, "node-17 has many arcs narrower than a bin at 512 tokens");
        int marked = 0;
        for (int b = 0; b < BINS; b++) {
            double from = (double) b / BINS;
            double to = (double) (b + 1) / BINS;
            boolean holds = mine.stream().anyMatch(a -> a.end() > from && a.start() < to);
            assertEquals(holds, covered[b], "bin " + b);
            marked += holds ? 1 : 0;
        }
        assertTrue(marked < BINS, "not every bin");
    }
}
