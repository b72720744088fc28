package io.fleetlab.simulator.engine;

import io.fleetlab.core.time.Cancellable;
import io.fleetlab.core.time.Scheduler;
import java.util.ArrayList;
import java.util.List;

/**
 * One node's {@link Scheduler} on the shared virtual clock. Faults act here: a paused node's due
 * tasks wait until it resumes, a slow node runs everything late by a fixed delay, a skewed clock
 * shifts {@link #nowNanos()}, and a stopped (crashed) node never runs anything again.
 */
public final class SimScheduler implements Scheduler {
    private final EventLoop loop;
    private final List<Runnable> deferred = new ArrayList<>();
    private long skewNanos;
    private long slowNanos;
    private boolean paused;
    private boolean stopped;

    public SimScheduler(EventLoop loop) {
        this.loop = loop;
    }

    @Override
    public long nowNanos() {
        return loop.now() + skewNanos;
    }

    @Override
    public Cancellable schedule(long delayNanos, Runnable task) {
        Task t = new Task(task);
        loop.after(Math.max(0, delayNanos) + slowNanos, t);
        return t;
    }

    /** Runs {@code task} on this node after {@code delayNanos}, subject to pause and crash. */
    public void execute(long delayNanos, Runnable task) {
        loop.after(Math.max(0, delayNanos) + slowNanos, new Task(task));
    }

    public void setSkewNanos(long skew) {
        this.skewNanos = skew;
    }

    public void setSlowNanos(long slow) {
        this.slowNanos = Math.max(0, slow);
    }

    public boolean paused() {
        return paused;
    }

    public boolean stopped() {
        return stopped;
    }

    public void pause() {
        paused = true;
    }

    /** Resumes: tasks that fell due while paused run now, in the order they fell due. */
    public void resume() {
        if (!paused) {
            return;
        }
        paused = false;
        List<Runnable> due = new ArrayList<>(deferred);
        deferred.clear();
        for (Runnable r : due) {
            loop.after(0, r);
        }
    }

    /** A crash: nothing scheduled on this node runs any more. */
    public void stop() {
        stopped = true;
        deferred.clear();
    }

    private final class Task implements Runnable, Cancellable {
        private Runnable body;

        Task(Runnable body) {
            this.body = body;
        }

        @Override
        public void run() {
            if (body == null || stopped) {
                return;
            }
            if (paused) {
                deferred.add(this);
                return;
            }
            Runnable b = body;
            body = null;
            b.run();
        }

        @Override
        public void cancel() {
            body = null;
        }
    }
}
