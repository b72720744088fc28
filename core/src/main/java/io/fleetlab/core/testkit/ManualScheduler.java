package io.fleetlab.core.testkit;

import io.fleetlab.core.time.Cancellable;
import io.fleetlab.core.time.Scheduler;
import java.time.Duration;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * Virtual time for tests: tasks run in time order (ties in scheduling order) only when the test
 * advances the clock ({@link #runFor}, {@link #runUntil}); nothing runs on its own.
 */
public final class ManualScheduler implements Scheduler {
    private static final class Task implements Cancellable {
        final long at;
        final long seq;
        final Runnable body;
        boolean cancelled;

        Task(long at, long seq, Runnable body) {
            this.at = at;
            this.seq = seq;
            this.body = body;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private final PriorityQueue<Task> queue = new PriorityQueue<>(
            (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
    private long now;
    private long seq;

    @Override
    public long nowNanos() {
        return now;
    }

    @Override
    public Cancellable schedule(long delayNanos, Runnable task) {
        if (delayNanos < 0) {
            throw new IllegalArgumentException("negative delay " + delayNanos);
        }
        Task t = new Task(now + delayNanos, seq++, task);
        queue.add(t);
        return t;
    }

    /** Runs every task due within {@code d} and leaves the clock at now + d. */
    public void runFor(Duration d) {
        long end = now + d.toNanos();
        while (!queue.isEmpty() && queue.peek().at <= end) {
            Task t = queue.poll();
            now = t.at;
            if (!t.cancelled) {
                t.body.run();
            }
        }
        now = end;
    }

    /**
     * Runs tasks until {@code done} holds (checked after each task) or {@code max} passes.
     *
     * @return whether {@code done} held
     */
    public boolean runUntil(BooleanSupplier done, Duration max) {
        long end = now + max.toNanos();
        while (!done.getAsBoolean()) {
            if (queue.isEmpty() || queue.peek().at > end) {
                now = end;
                return done.getAsBoolean();
            }
            Task t = queue.poll();
            now = t.at;
            if (!t.cancelled) {
                t.body.run();
            }
        }
        return true;
    }
}
