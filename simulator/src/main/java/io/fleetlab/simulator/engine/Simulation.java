package io.fleetlab.simulator.engine;

import io.fleetlab.core.time.Cancellable;

/**
 * Virtual time and the event loop of one run. Events at the same instant run in the order they
 * were scheduled, which together with one seeded random source makes a run reproducible.
 */
public final class Simulation {
    private final EventQueue queue = new EventQueue();
    private long now;
    private long sequence;
    private long dispatched;

    /** Current virtual time in nanoseconds since the start of the run. */
    public long now() {
        return now;
    }

    /** Runs {@code action} at absolute virtual time {@code time} (not before now). */
    public Cancellable at(long time, Runnable action) {
        Event e = new Event(Math.max(time, now), sequence++, action);
        queue.add(e);
        return e;
    }

    /** Runs {@code action} {@code delay} nanoseconds from now. */
    public Cancellable after(long delay, Runnable action) {
        return at(now + Math.max(0, delay), action);
    }

    /**
     * Dispatches events in order until the queue is empty or the next event lies after
     * {@code end}; virtual time then stands at {@code end}.
     */
    public void runUntil(long end) {
        while (true) {
            Event next = queue.peek();
            if (next == null || next.time > end) {
                break;
            }
            queue.poll();
            if (next.cancelled()) {
                continue;
            }
            now = next.time;
            Runnable action = next.action;
            next.action = null;
            dispatched++;
            action.run();
        }
        now = Math.max(now, end);
    }

    /** Events run so far: the engine's unit of work. */
    public long dispatched() {
        return dispatched;
    }

    /** Events waiting in the queue (cancelled ones included until they surface). */
    public int pending() {
        return queue.size();
    }
}
