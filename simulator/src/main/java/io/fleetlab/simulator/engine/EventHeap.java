package io.fleetlab.simulator.engine;

import java.util.Arrays;

/**
 * A binary min-heap of events by (time, sequence): the calendar queue's current bucket. The keys
 * sit in arrays beside the events, so sifting compares longs in two arrays instead of reading
 * each event it passes (scattered objects, mostly out of cache by the time their tick comes).
 */
final class EventHeap {
    private Event[] events = new Event[256];
    private long[] times = new long[256];
    private long[] sequences = new long[256];
    private int size;

    void add(Event e) {
        if (size == events.length) {
            int grown = size * 2;
            events = Arrays.copyOf(events, grown);
            times = Arrays.copyOf(times, grown);
            sequences = Arrays.copyOf(sequences, grown);
        }
        long t = e.time;
        long s = e.sequence;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            long pt = times[parent];
            if (!(t < pt || (t == pt && s < sequences[parent]))) {
                break;
            }
            events[i] = events[parent];
            times[i] = pt;
            sequences[i] = sequences[parent];
            i = parent;
        }
        events[i] = e;
        times[i] = t;
        sequences[i] = s;
    }

    Event peek() {
        return size == 0 ? null : events[0];
    }

    Event poll() {
        if (size == 0) {
            return null;
        }
        Event top = events[0];
        int last = --size;
        Event e = events[last];
        long t = times[last];
        long s = sequences[last];
        events[last] = null;
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
                events[i] = events[child];
                times[i] = ct;
                sequences[i] = cs;
                i = child;
            }
            events[i] = e;
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
