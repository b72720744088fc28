package io.fleetlab.simulator.engine;

/**
 * The virtual clock and the one event queue of a run. Single-threaded: events run one after the
 * other in (time, sequence) order and time jumps from one event to the next.
 */
public final class EventLoop {
    private final EventQueue queue = new EventQueue();
    private long now;
    private long dispatched;

    /** Virtual nanoseconds since the start of the run. */
    public long now() {
        return now;
    }

    /** Runs {@code event} at absolute virtual time {@code at} (never earlier than now). */
    public void at(long at, Runnable event) {
        queue.add(Math.max(at, now), event);
    }

    /** Runs {@code event} {@code delay} nanoseconds from now. */
    public void after(long delay, Runnable event) {
        at(now + Math.max(0, delay), event);
    }

    /** Dispatches every event due up to and including {@code until}, then sets the clock to it. */
    public void runUntil(long until) {
        while (!queue.isEmpty() && queue.peekTime() <= until) {
            now = queue.peekTime();
            Runnable e = queue.poll();
            dispatched++;
            e.run();
        }
        now = Math.max(now, until);
    }

    public long dispatched() {
        return dispatched;
    }

    public int pending() {
        return queue.size();
    }
}
