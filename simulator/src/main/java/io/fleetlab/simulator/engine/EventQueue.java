package io.fleetlab.simulator.engine;

import java.util.Arrays;

/**
 * A calendar queue of events by (time, sequence). Virtual time is cut into ticks of about a
 * millisecond ({@code 2^20} ns); a wheel of {@code 2^13} buckets (about 8.6 s) holds the events of
 * future ticks in unsorted chains, and only the events of the current tick sit in a small binary
 * heap. Protocol timers (200 ms gossip, 1-5 s probes) and network deliveries land a few ticks
 * ahead, so an insert is O(1) and a pop costs a heap of one tick's events, not of everything
 * pending. Events further ahead than the wheel (30 s push-pull, 60 s rejoin) wait in their bucket's
 * chain and are passed over until their round comes. The order is exactly that of one heap over
 * all events, so runs are the same event for event.
 *
 * <p>A queued event sits in a numbered slot; in the wheel its time, sequence and chain link sit in
 * an array by slot. Chains and the heap are made of slot numbers, so queueing an event stores one reference
 * (into its slot) where linking event objects stored a few into scattered, long-lived objects
 * (each a write barrier and a card the collector scans again), and loading a tick reads the
 * arrays, not every event of the bucket. Freed slots are reused last-freed first, so the slots
 * in use stay few and close. A pooled event keeps its slot for good (it is queued again and
 * again); any other event gives its slot back when it is polled.
 */
final class EventQueue {
    static final int TICK_SHIFT = 20;
    static final int BUCKETS = 1 << 13;
    private static final int MASK = BUCKETS - 1;
    private static final int NONE = -1;

    /** Per bucket, the first slot of its chain, or {@link #NONE}. */
    private final int[] heads = new int[BUCKETS];
    private Event[] events = new Event[1024];
    /**
     * Per slot, side by side (so that walking a chain reads one line per event): its time, its
     * sequence and the next slot in its bucket's chain ({@link #NONE} at the end), and a spare.
     */
    private long[] rows = new long[4 * 1024];
    private int slotsUsed;
    private int[] freeSlots = new int[256];
    private int freeCount;
    private final EventHeap current = new EventHeap();
    /** Every event of a tick at or before this one is in {@link #current}; later ones are in the wheel. */
    private long cursor;
    private int inWheel;

    EventQueue() {
        Arrays.fill(heads, NONE);
    }

    void add(Event e) {
        int slot = e.slot;
        if (slot < 0) {
            slot = claim();
            events[slot] = e;
            if (e.pooled) {
                e.slot = slot;
            }
        }
        long t = e.time;
        long s = e.sequence;
        long tick = t >>> TICK_SHIFT;
        if (tick <= cursor) {
            current.add(slot, t, s);
            return;
        }
        int r = slot << 2;
        rows[r] = t;
        rows[r + 1] = s;
        int b = (int) tick & MASK;
        rows[r + 2] = heads[b];
        heads[b] = slot;
        inWheel++;
    }

    Event peek() {
        return current.isEmpty() && !advance() ? null : events[current.peek()];
    }

    Event poll() {
        if (current.isEmpty() && !advance()) {
            return null;
        }
        int slot = current.poll();
        Event e = events[slot];
        if (!e.pooled) {
            events[slot] = null;
            release(slot);
        }
        return e;
    }

    int size() {
        return current.size() + inWheel;
    }

    private int claim() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        if (slotsUsed == events.length) {
            int grown = slotsUsed * 2;
            events = Arrays.copyOf(events, grown);
            rows = Arrays.copyOf(rows, 4 * grown);
        }
        return slotsUsed++;
    }

    private void release(int slot) {
        if (freeCount == freeSlots.length) {
            freeSlots = Arrays.copyOf(freeSlots, freeCount * 2);
        }
        freeSlots[freeCount++] = slot;
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
        int slot = heads[b];
        int kept = NONE;
        while (slot != NONE) {
            int r = slot << 2;
            int following = (int) rows[r + 2];
            long t = rows[r];
            if (t >>> TICK_SHIFT == cursor) {
                current.add(slot, t, rows[r + 1]);
                inWheel--;
            } else {
                rows[r + 2] = kept;
                kept = slot;
            }
            slot = following;
        }
        heads[b] = kept;
    }

    private long earliestTick() {
        long min = Long.MAX_VALUE;
        for (int head : heads) {
            for (int slot = head; slot != NONE; slot = (int) rows[(slot << 2) + 2]) {
                min = Math.min(min, rows[slot << 2] >>> TICK_SHIFT);
            }
        }
        return min;
    }
}
