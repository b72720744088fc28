package io.fleetlab.bench.gossip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.membership.swim.BroadcastQueue;
import io.fleetlab.core.membership.swim.BroadcastQueue.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Core's tiered {@link BroadcastQueue} hands out exactly what the sorted-set walk it replaced did
 * (memberlist's order as this project keeps it: fewest sends, then newest; what does not fit is
 * passed over): seeded random runs of adds (replacing per topic and node), takes with every kind
 * of budget, count and retransmit limit (including a limit that shrinks as a fleet would), and
 * clears, compared take by take.
 */
class BroadcastQueueOrderTest {
    private static final int CASES = 400;

    @Test
    void everyTakeMatchesTheSortedSetWalk() {
        for (int c = 0; c < CASES; c++) {
            long seed = 0x5eed0000L + c;
            try {
                runCase(seed);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            }
        }
    }

    private static void runCase(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        BroadcastQueue<byte[]> tiers = new BroadcastQueue<>(b -> b.length);
        TreeWalkBroadcastQueue<byte[]> tree = new TreeWalkBroadcastQueue<>(b -> b.length);
        int names = 1 + r.nextInt(r.nextBoolean() ? 8 : 200);
        int maxLength = 1 + r.nextInt(r.nextBoolean() ? 40 : 400);
        int steps = 50 + r.nextInt(400);
        List<byte[]> outTiers = new ArrayList<>();
        List<byte[]> outTree = new ArrayList<>();
        int taken = 0;
        for (int step = 0; step < steps; step++) {
            int what = r.nextInt(100);
            if (what < 55) {
                Topic topic = r.nextInt(4) == 0 ? Topic.PEER_STATE : Topic.LIVENESS;
                String node = "n" + r.nextInt(names);
                byte[] body = new byte[1 + r.nextInt(maxLength)];
                tiers.add(topic, node, body);
                tree.add(topic, node, body);
            } else if (what < 99) {
                int budget = r.nextInt(r.nextBoolean() ? 100 : 1500);
                int overhead = r.nextInt(4);
                int maxCount = 1 + r.nextInt(r.nextBoolean() ? 3 : 255);
                int limit = 1 + r.nextInt(r.nextBoolean() ? 3 : 20);
                outTiers.clear();
                outTree.clear();
                int usedTiers = tiers.take(budget, overhead, maxCount, limit, outTiers);
                int usedTree = tree.take(budget, overhead, maxCount, limit, outTree);
                assertEquals(usedTree, usedTiers, "bytes used at step " + step);
                assertEquals(outTree.size(), outTiers.size(), "messages taken at step " + step);
                for (int k = 0; k < outTree.size(); k++) {
                    assertSame(outTree.get(k), outTiers.get(k), "message " + k + " at step " + step);
                }
                taken += outTree.size();
            } else {
                tiers.clear();
                tree.clear();
            }
            assertEquals(tree.size(), tiers.size(), "queued after step " + step);
            if (step % 25 != 0 && step != steps - 1) {
                continue;
            }
            for (int n = 0; n < names; n++) {
                for (Topic t : Topic.values()) {
                    assertEquals(tree.pending(t, "n" + n), tiers.pending(t, "n" + n), "pending n" + n + " " + t);
                }
            }
        }
        assertTrue(steps < 100 || taken > 0, "a run of " + steps + " steps took nothing");
    }

    @Test
    void theBenchmarkFeedsBothQueuesAlike() {
        BroadcastQueueBench bench = new BroadcastQueueBench();
        bench.queued = 100;
        bench.fill();
        BroadcastQueueBench twin = new BroadcastQueueBench();
        twin.queued = 100;
        twin.fill();
        BroadcastQueueBench triplet = new BroadcastQueueBench();
        triplet.queued = 100;
        triplet.fill();
        for (int i = 0; i < 500; i++) {
            int used = bench.tiers();
            assertEquals(twin.treeWalk(), used, "packet " + i);
            assertEquals(triplet.tiersUnbounded(), used, "packet " + i);
            assertTrue(used > 1000, "a packet is filled: " + used);
        }
        assertEquals(twin.treeWalk.size(), bench.tiers.size());
        assertEquals(triplet.tiersUnbounded.size(), bench.tiers.size());
        BroadcastQueueBench rows = new BroadcastQueueBench();
        rows.queued = 100;
        rows.fill();
        BroadcastQueueBench byName = new BroadcastQueueBench();
        byName.queued = 100;
        byName.fill();
        for (int i = 0; i < 500; i++) {
            assertEquals(byName.tiers(), rows.tiersByRow(), "packet " + i + " by row");
        }
        int burst = bench.burstTiers();
        assertEquals(rows.burstTiersByRow(), burst, "a burst by row sends the same bytes");
        assertEquals(triplet.burstUnbounded(), burst, "a burst sends the same bytes");
        assertTrue(burst > 100 * 30 * 4, "every message of the burst is sent the retransmit limit times: " + burst);
        assertTrue(bench.tiers.size() > 50, "the queue stays long: " + bench.tiers.size());
    }

    @Test
    void theFleetBenchmarkFeedsBothQueuesAlike() {
        FleetQueuesBench bench = new FleetQueuesBench();
        bench.queues = 20;
        bench.fill();
        FleetQueuesBench twin = new FleetQueuesBench();
        twin.queues = 20;
        twin.fill();
        long picked = 0;
        for (int i = 0; i < 2000; i++) {
            int used = bench.slots();
            assertEquals(twin.linked(), used, "packet " + i);
            assertTrue(used > 1000, "a packet carries much news: " + used);
            picked += used;
        }
        for (int q = 0; q < 20; q++) {
            assertEquals(twin.linked[q].size(), bench.slots[q].size(), "queue " + q);
        }
        assertTrue(picked > 2000L * 100 * 15, "about 140 messages a packet: " + picked + " bytes in 2,000");
    }
}
