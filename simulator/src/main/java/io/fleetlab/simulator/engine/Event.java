package io.fleetlab.simulator.engine;

import io.fleetlab.core.time.Cancellable;

/**
 * One scheduled action; its (time, sequence) pair orders the queue, so ties run in scheduling
 * order. A pooled event is never handed out as a {@link Cancellable} and goes back to the
 * simulation's free list as soon as it is dispatched, so a steady state allocates no events.
 */
final class Event implements Cancellable {
    long time;
    long sequence;
    Runnable action;
    /** The next event in the same calendar bucket, or in the free list. */
    Event next;
    final boolean pooled;

    Event(boolean pooled) {
        this.pooled = pooled;
    }

    boolean before(Event other) {
        return time < other.time || (time == other.time && sequence < other.sequence);
    }

    @Override
    public void cancel() {
        action = null; // left in the queue and skipped when popped: O(1) cancel
    }

    boolean cancelled() {
        return action == null;
    }
}
