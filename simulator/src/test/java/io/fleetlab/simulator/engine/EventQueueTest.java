package io.fleetlab.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventQueueTest {
    /** Polls always return the earliest (time, sequence) of what is queued, with many ties and interleaved polls. */
    @Test
    void pollsInTimeThenSequenceOrder() {
        for (int c = 0; c < 300; c++) {
            long seed = 1_000 + c;
            SplittableRandom rnd = new SplittableRandom(seed);
            EventQueue q = new EventQueue();
            PriorityQueue<Event> reference = new PriorityQueue<>(
                    Comparator.<Event>comparingLong(e -> e.time).thenComparingLong(e -> e.sequence));
            int n = 1 + rnd.nextInt(2_000);
            for (int i = 0; i < n; i++) {
                Event e = new Event(rnd.nextInt(40), i, () -> {});
                q.add(e);
                reference.add(e);
                if (rnd.nextInt(3) == 0) {
                    assertSame(reference.poll(), q.poll(), seed);
                }
            }
            while (!reference.isEmpty()) {
                assertSame(reference.poll(), q.poll(), seed);
            }
            assertNull(q.poll(), "seed " + seed);
        }
    }

    private static void assertSame(Event expected, Event actual, long seed) {
        assertEquals(expected.time + "/" + expected.sequence, actual.time + "/" + actual.sequence, "seed " + seed);
    }
}
