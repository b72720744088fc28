package io.fleetlab.simulator.engine;

import io.fleetlab.core.time.Cancellable;

/** One scheduled action; its (time, sequence) pair orders the queue, so ties run in scheduling order. */
final class Event implements Cancellable {
    final long time;
    final long sequence;
    Runnable action;

    Event(long time, long sequence, Runnable action) {
        this.time = time;
        this.sequence = sequence;
        this.action = action;
    }

    boolean before(Event other) {
        return time < other.time || (time == other.time && sequence < other.sequence);
    }

    @Override
    public void cancel() {
        action = null; // left in the heap and skipped when popped: O(1) cancel
    }

    boolean cancelled() {
        return action == null;
    }
}
