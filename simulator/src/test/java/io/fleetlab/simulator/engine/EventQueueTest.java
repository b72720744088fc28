package io.fleetlab.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The calendar queue against a plain priority queue over (time, sequence). */
class EventQueueTest {
    private static final long TICK = 1L << EventQueue.TICK_SHIFT;
    private static final long TURN = TICK * EventQueue.BUCKETS;

    /**
     * Polls and peeks always return the earliest (time, sequence) of what is queued: many ties,
     * times within one tick, a few ticks ahead, beyond a whole turn of the wheel and far beyond,
     * inserts interleaved with polls, and (as the simulation does) nothing scheduled before the
     * last event polled.
     */
    @Test
    void pollsInTimeThenSequenceOrder() {
        for (int c = 0; c < 300; c++) {
            long seed = 1_000 + c;
            SplittableRandom rnd = new SplittableRandom(seed);
            EventQueue q = new EventQueue();
            PriorityQueue<Event> reference = new PriorityQueue<>(
                    Comparator.<Event>comparingLong(e -> e.time).thenComparingLong(e -> e.sequence));
            int n = 1 + rnd.nextInt(2_000);
            long now = 0;
            for (int i = 0; i < n; i++) {
                Event e = event(now + delay(rnd), i);
                q.add(e);
                reference.add(e);
                assertEquals(reference.size(), q.size(), "seed " + seed);
                if (rnd.nextInt(3) == 0) {
                    assertSame(reference.peek(), q.peek(), seed);
                    Event polled = q.poll();
                    assertSame(reference.poll(), polled, seed);
                    now = polled.time;
                }
            }
            while (!reference.isEmpty()) {
                assertSame(reference.poll(), q.poll(), seed);
            }
            assertNull(q.poll(), "seed " + seed);
            assertNull(q.peek(), "seed " + seed);
            assertEquals(0, q.size());
        }
    }

    private static long delay(SplittableRandom rnd) {
        return switch (rnd.nextInt(6)) {
            case 0 -> 0;
            case 1 -> rnd.nextLong(40);
            case 2 -> rnd.nextLong(TICK);
            case 3 -> rnd.nextLong(20 * TICK);
            case 4 -> TURN - TICK + rnd.nextLong(3 * TICK);
            default -> rnd.nextLong(50 * TURN);
        };
    }

    private static Event event(long time, long sequence) {
        Event e = new Event(false);
        e.time = time;
        e.sequence = sequence;
        e.action = () -> { };
        return e;
    }

    private static void assertSame(Event expected, Event actual, long seed) {
        assertEquals(expected.time + "/" + expected.sequence, actual.time + "/" + actual.sequence, "seed " + seed);
    }
}
