package io.fleetlab.simulator.engine;

/**
 * A calendar queue of events by (time, sequence). Virtual time is cut into ticks of about a
 * millisecond ({@code 2^20} ns); a wheel of {@code 2^13} buckets (about 8.6 s) holds the events of
 * future ticks in unsorted chains, and only the events of the current tick sit in a small binary
 * heap. Protocol timers (200 ms gossip, 1-5 s probes) and network deliveries land a few ticks
 * ahead, so an insert is O(1) and a pop costs a heap of one tick's events, not of everything
 * pending. Events further ahead than the wheel (30 s push-pull, 60 s rejoin) wait in their bucket's
 * chain and are passed over until their round comes. The order is exactly that of one heap over
 * all events, so runs are the same event for event.
 */
final class EventQueue {
    static final int TICK_SHIFT = 20;
    static final int BUCKETS = 1 << 13;
    private static final int MASK = BUCKETS - 1;

    private final Event[] buckets = new Event[BUCKETS];
    private final EventHeap current = new EventHeap();
    /** Every event of a tick at or before this one is in {@link #current}; later ones are in the wheel. */
    private long cursor;
    private int inWheel;

    void add(Event e) {
        long tick = e.time >>> TICK_SHIFT;
        if (tick <= cursor) {
            current.add(e);
            return;
        }
        int b = (int) tick & MASK;
        e.next = buckets[b];
        buckets[b] = e;
        inWheel++;
    }

    Event peek() {
        return current.isEmpty() && !advance() ? null : current.peek();
    }

    Event poll() {
        return current.isEmpty() && !advance() ? null : current.poll();
    }

    int size() {
        return current.size() + inWheel;
    }

    /** Moves the cursor to the next tick that has events and loads them; false when there are none. */
    private boolean advance() {
        if (inWheel == 0) {
            return false;
        }
        int emptyTicks = 0;
        while (current.isEmpty()) {
            if (++emptyTicks > BUCKETS) {
                // a whole turn found nothing due: jump straight to the earliest pending tick
                cursor = earliestTick() - 1;
                emptyTicks = 0;
            }
            cursor++;
            load((int) cursor & MASK);
        }
        return true;
    }

    /** Moves the events of the cursor's tick from bucket {@code b} into the heap, keeping later rounds. */
    private void load(int b) {
        Event e = buckets[b];
        Event kept = null;
        while (e != null) {
            Event following = e.next;
            if (e.time >>> TICK_SHIFT == cursor) {
                e.next = null;
                current.add(e);
                inWheel--;
            } else {
                e.next = kept;
                kept = e;
            }
            e = following;
        }
        buckets[b] = kept;
    }

    private long earliestTick() {
        long min = Long.MAX_VALUE;
        for (Event head : buckets) {
            for (Event e = head; e != null; e = e.next) {
                min = Math.min(min, e.time >>> TICK_SHIFT);
            }
        }
        return min;
    }
}
