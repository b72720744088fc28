package io.fleetlab.core.net;

import io.fleetlab.core.time.Cancellable;
import io.fleetlab.core.time.Scheduler;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Scheduler} on the wall clock: one thread runs every task and every transport callback,
 * so the protocol it drives needs no locks. Other threads reach protocol state through
 * {@link #call(Callable)}.
 */
public final class RealTimeScheduler implements Scheduler, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(RealTimeScheduler.class.getName());

    private final ScheduledExecutorService executor;
    private volatile Thread thread;

    /** @param threadName the event loop's thread name (shows up in thread dumps) */
    public RealTimeScheduler(String threadName) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            thread = t;
            return t;
        });
    }

    @Override
    public long nowNanos() {
        return System.nanoTime();
    }

    @Override
    public Cancellable schedule(long delayNanos, Runnable task) {
        try {
            ScheduledFuture<?> f = executor.schedule(guard(task), Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
            return () -> f.cancel(false);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return () -> { };
        }
    }

    /** Runs {@code task} on the event loop as soon as possible; dropped after {@link #close()}. */
    public void execute(Runnable task) {
        try {
            executor.execute(guard(task));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed: late network input is dropped
        }
    }

    /** Runs {@code task} on the event loop and waits for its result (never call it from the loop). */
    public <T> T call(Callable<T> task) throws InterruptedException, ExecutionException {
        if (Thread.currentThread() == thread) {
            throw new IllegalStateException("call() from the event loop would deadlock");
        }
        Future<T> f = executor.submit(task);
        return f.get();
    }

    /** Whether the caller runs on the event loop. */
    public boolean inEventLoop() {
        return Thread.currentThread() == thread;
    }

    /** Stops the event loop; pending tasks are dropped. */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static Runnable guard(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "task failed on the event loop", e);
            }
        };
    }
}
