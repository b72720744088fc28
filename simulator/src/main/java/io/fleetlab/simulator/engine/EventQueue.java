package io.fleetlab.simulator.engine;

import java.util.Arrays;

/**
 * A calendar queue of events by (time, sequence). Virtual time is cut into ticks of about a
 * millisecond ({@code 2^20} ns); a wheel of {@code 2^13} buckets (about 8.6 s) holds the events of
 * future ticks in unsorted arrays (keys beside the events), and only the events of the current tick sit in a small binary
 * heap. Protocol timers (200 ms gossip, 1-5 s probes) and network deliveries land a few ticks
 * ahead, so an insert is O(1) and a pop costs a heap of one tick's events, not of everything
 * pending. Events further ahead than the wheel (30 s push-pull, 60 s rejoin) wait in their bucket
 * and are passed over until their round comes. The order is exactly that of one heap over
 * all events, so runs are the same event for event.
 */
final class EventQueue {
    static final int TICK_SHIFT = 20;
    static final int BUCKETS = 1 << 13;
    private static final int MASK = BUCKETS - 1;

    /**
     * Each bucket's events, with their times and sequences beside them: loading a tick reads the
     * times in a row and hands due events to the heap with their keys, so no event is read before
     * it is dispatched (a chain of events would be one dependent cache miss per event).
     */
    private final Event[][] events = new Event[BUCKETS][];
    private final long[][] times = new long[BUCKETS][];
    private final long[][] sequences = new long[BUCKETS][];
    private final int[] sizes = new int[BUCKETS];
    private final EventHeap current = new EventHeap();
    /** Every event of a tick at or before this one is in {@link #current}; later ones are in the wheel. */
    private long cursor;
    private int inWheel;

    void add(Event e) {
        long time = e.time;
        long tick = time >>> TICK_SHIFT;
        if (tick <= cursor) {
            current.add(e, time, e.sequence);
            return;
        }
        int b = (int) tick & MASK;
        int n = sizes[b];
        if (events[b] == null || n == events[b].length) {
            grow(b, n);
        }
        events[b][n] = e;
        times[b][n] = time;
        sequences[b][n] = e.sequence;
        sizes[b] = n + 1;
        inWheel++;
    }

    private void grow(int b, int n) {
        int capacity = n == 0 ? 8 : 2 * n;
        events[b] = events[b] == null ? new Event[capacity] : Arrays.copyOf(events[b], capacity);
        times[b] = times[b] == null ? new long[capacity] : Arrays.copyOf(times[b], capacity);
        sequences[b] = sequences[b] == null ? new long[capacity] : Arrays.copyOf(sequences[b], capacity);
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
        int n = sizes[b];
        if (n == 0) {
            return;
        }
        Event[] es = events[b];
        long[] ts = times[b];
        long[] ss = sequences[b];
        int kept = 0;
        for (int i = 0; i < n; i++) {
            long t = ts[i];
            if (t >>> TICK_SHIFT == cursor) {
                current.add(es[i], t, ss[i]);
            } else {
                es[kept] = es[i];
                ts[kept] = t;
                ss[kept] = ss[i];
                kept++;
            }
        }
        Arrays.fill(es, kept, n, null);
        inWheel -= n - kept;
        sizes[b] = kept;
    }

    private long earliestTick() {
        long min = Long.MAX_VALUE;
        for (int b = 0; b < BUCKETS; b++) {
            for (int i = 0; i < sizes[b]; i++) {
                min = Math.min(min, times[b][i] >>> TICK_SHIFT);
            }
        }
        return min;
    }
}
