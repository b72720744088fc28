package io.fleetlab.simulator.engine;

import io.fleetlab.core.time.Cancellable;

/**
 * One scheduled action; its (time, sequence) pair orders the queue, so ties run in scheduling
 * order. A pooled event is never handed out as a {@link Cancellable} and goes back to the
 * simulation's free list as soon as it is dispatched, so a steady state allocates no events.
 * A node's timer is an event too ({@link #node} set): the one object a schedule allocates is the
 * handle, the queue entry and the crash check at once.
 */
final class Event implements Cancellable {
    long time;
    long sequence;
    Runnable action;
    /** A pooled event's slot in the queue, kept from its first queueing on; -1 before that and for any other event. */
    int slot = -1;
    final boolean pooled;
    /** The node whose timer this is (runs only if that node has not crashed since), or null. */
    NodeScheduler node;
    /** The node's generation when the timer was set. */
    long scheduledIn;

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
