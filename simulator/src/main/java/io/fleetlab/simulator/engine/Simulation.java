package io.fleetlab.simulator.engine;

import io.fleetlab.core.time.Cancellable;
import java.util.Arrays;

/**
 * Virtual time and the event loop of one run. Events at the same instant run in the order they
 * were scheduled, which together with one seeded random source makes a run reproducible.
 *
 * <p>Two ways to schedule: {@link #at}/{@link #after} return a handle that can cancel the event,
 * so that event object is never reused; {@link #post}/{@link #postAfter} return nothing, and their
 * event objects are recycled once dispatched (no allocation per event in a steady state).
 */
public final class Simulation {
    private final EventQueue queue = new EventQueue();
    /** Pooled events not in the queue, as a stack: the last one dispatched is reused first. */
    private Event[] free = new Event[64];
    private int freeCount;
    private long now;
    private long sequence;
    private long dispatched;

    /** Current virtual time in nanoseconds since the start of the run. */
    public long now() {
        return now;
    }

    /** Runs {@code action} at absolute virtual time {@code time} (not before now). */
    public Cancellable at(long time, Runnable action) {
        return enqueue(new Event(false), time, action);
    }

    /**
     * Runs {@code action} {@code delay} nanoseconds from now. The sum saturates: a delay too large
     * for the clock means "never in this run", not an overflow that lands in the past and runs at once.
     */
    public Cancellable after(long delay, Runnable action) {
        return at(fromNow(delay), action);
    }

    /**
     * A timer of {@code node}, set in its generation {@code scheduledIn}: as {@link #after}, and
     * dispatched through {@link NodeScheduler#run(long, Runnable)}.
     */
    Cancellable timer(long delay, NodeScheduler node, long scheduledIn, Runnable action) {
        Event e = new Event(false);
        e.node = node;
        e.scheduledIn = scheduledIn;
        return enqueue(e, fromNow(delay), action);
    }

    /** As {@link #at}, without a handle: the event object is recycled. */
    public void post(long time, Runnable action) {
        Event e = freeCount > 0 ? free[--freeCount] : new Event(true);
        enqueue(e, time, action);
    }

    /** As {@link #after}, without a handle: the event object is recycled. */
    public void postAfter(long delay, Runnable action) {
        post(fromNow(delay), action);
    }

    /** {@code now + delay}, a negative delay counting as 0 and the sum saturating at the end of time. */
    private long fromNow(long delay) {
        long d = Math.max(0, delay);
        return d > Long.MAX_VALUE - now ? Long.MAX_VALUE : now + d;
    }

    private Event enqueue(Event e, long time, Runnable action) {
        e.time = Math.max(time, now);
        e.sequence = sequence++;
        e.action = action;
        queue.add(e);
        return e;
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
            Runnable action = next.action;
            if (action == null) {
                continue; // cancelled (only handed-out events can be)
            }
            now = next.time;
            next.action = null;
            if (next.pooled) {
                if (freeCount == free.length) {
                    free = Arrays.copyOf(free, freeCount * 2);
                }
                free[freeCount++] = next;
            }
            dispatched++;
            NodeScheduler node = next.node;
            if (node == null) {
                action.run();
            } else {
                node.run(next.scheduledIn, action);
            }
        }
        now = Math.max(now, end);
    }

    /** Events run so far: the engine's unit of work. */
    public long dispatched() {
        return dispatched;
    }
}
