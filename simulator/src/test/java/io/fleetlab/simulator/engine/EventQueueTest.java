package io.fleetlab.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventQueueTest {
    private record Entry(long time, int order) {}

    @Test
    void pollsInTimeThenInsertionOrder() {
        for (int c = 0; c < 300; c++) {
            long seed = 1000 + c;
            SplittableRandom rnd = new SplittableRandom(seed);
            EventQueue q = new EventQueue();
            java.util.PriorityQueue<Entry> expected = new java.util.PriorityQueue<>(
                    Comparator.comparingLong(Entry::time).thenComparingInt(Entry::order));
            List<Integer> got = new ArrayList<>();
            int n = 1 + rnd.nextInt(3000);
            for (int i = 0; i < n; i++) {
                long t = rnd.nextInt(50); // many ties
                int order = i;
                expected.add(new Entry(t, order));
                q.add(t, () -> got.add(order));
                if (rnd.nextInt(4) == 0 && !q.isEmpty()) {
                    // interleave polls: what is polled must be the minimum of what was added so far
                    q.poll().run();
                    assertEquals(expected.poll().order(), got.get(got.size() - 1), "seed " + seed);
                }
            }
            int start = got.size();
            while (!q.isEmpty()) {
                q.poll().run();
            }
            for (int i = start; i < got.size(); i++) {
                assertEquals(expected.poll().order(), got.get(i), "seed " + seed + " at " + i);
            }
            assertEquals(0, expected.size(), "seed " + seed);
        }
    }
}
