package io.fleetlab.simulator.engine;

import java.util.Arrays;

/**
 * Pending events ordered by (time, sequence): a binary min-heap over parallel primitive arrays, so
 * ordering never boxes a key; the only object per event is the event itself. Equal times run in
 * the order they were scheduled, which is what makes a run deterministic.
 */
public final class EventQueue {
    private long[] times = new long[1024];
    private long[] seqs = new long[1024];
    private Runnable[] events = new Runnable[1024];
    private int size;
    private long nextSeq;

    public void add(long time, Runnable event) {
        if (size == times.length) {
            int cap = size * 2;
            times = Arrays.copyOf(times, cap);
            seqs = Arrays.copyOf(seqs, cap);
            events = Arrays.copyOf(events, cap);
        }
        long seq = nextSeq++;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(time, seq, times[parent], seqs[parent])) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        times[i] = time;
        seqs[i] = seq;
        events[i] = event;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int size() {
        return size;
    }

    /** Time of the earliest event; only valid when not empty. */
    public long peekTime() {
        return times[0];
    }

    /** Removes and returns the earliest event. */
    public Runnable poll() {
        Runnable head = events[0];
        int last = --size;
        long t = times[last];
        long s = seqs[last];
        Runnable e = events[last];
        events[last] = null;
        if (last > 0) {
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= last) {
                    break;
                }
                if (child + 1 < last && less(times[child + 1], seqs[child + 1], times[child], seqs[child])) {
                    child++;
                }
                if (!less(times[child], seqs[child], t, s)) {
                    break;
                }
                move(child, i);
                i = child;
            }
            times[i] = t;
            seqs[i] = s;
            events[i] = e;
        }
        return head;
    }

    private void move(int from, int to) {
        times[to] = times[from];
        seqs[to] = seqs[from];
        events[to] = events[from];
    }

    private static boolean less(long t1, long s1, long t2, long s2) {
        return t1 < t2 || (t1 == t2 && s1 < s2);
    }
}
