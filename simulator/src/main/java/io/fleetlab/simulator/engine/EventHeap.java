package io.fleetlab.simulator.engine;

import java.util.Arrays;

/**
 * A binary min-heap of events by (time, sequence): the calendar queue's current bucket. It holds
 * the events' slot numbers in the queue ({@link EventQueue}) beside their keys, so sifting moves
 * ints and longs: it neither reads an event it passes (scattered objects, mostly out of cache by
 * the time their tick comes) nor stores a reference (each a write barrier, and a card for the
 * collector to scan again).
 */
final class EventHeap {
    private int[] slots = new int[256];
    private long[] times = new long[256];
    private long[] sequences = new long[256];
    private int size;

    void add(int slot, long t, long s) {
        if (size == slots.length) {
            int grown = size * 2;
            slots = Arrays.copyOf(slots, grown);
            times = Arrays.copyOf(times, grown);
            sequences = Arrays.copyOf(sequences, grown);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            long pt = times[parent];
            if (!(t < pt || (t == pt && s < sequences[parent]))) {
                break;
            }
            slots[i] = slots[parent];
            times[i] = pt;
            sequences[i] = sequences[parent];
            i = parent;
        }
        slots[i] = slot;
        times[i] = t;
        sequences[i] = s;
    }

    /** The earliest event's slot; the heap must not be empty. */
    int peek() {
        return slots[0];
    }

    /** Removes the earliest event and returns its slot; the heap must not be empty. */
    int poll() {
        int top = slots[0];
        int last = --size;
        int e = slots[last];
        long t = times[last];
        long s = sequences[last];
        if (last > 0) {
            int i = 0;
            int half = last >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                long ct = times[child];
                long cs = sequences[child];
                int right = child + 1;
                if (right < last) {
                    long rt = times[right];
                    if (rt < ct || (rt == ct && sequences[right] < cs)) {
                        child = right;
                        ct = rt;
                        cs = sequences[right];
                    }
                }
                if (!(ct < t || (ct == t && cs < s))) {
                    break;
                }
                slots[i] = slots[child];
                times[i] = ct;
                sequences[i] = cs;
                i = child;
            }
            slots[i] = e;
            times[i] = t;
            sequences[i] = s;
        }
        return top;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }
}
