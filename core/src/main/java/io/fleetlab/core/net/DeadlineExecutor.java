package io.fleetlab.core.net;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed pool of threads with a bounded queue, where every task runs under a deadline: a task
 * still running when its deadline passes has its thread interrupted. For the status server that
 * closes the blocking socket channel the task is reading from or writing to (an interrupted
 * {@link java.nio.channels.InterruptibleChannel} closes), so a client that sends half a request or
 * never reads the answer holds a thread for at most the deadline (the same holds for an outbound
 * stream to a peer that stops reading). A full queue refuses the task
 * with {@link java.util.concurrent.RejectedExecutionException}.
 */
public final class DeadlineExecutor implements Executor, AutoCloseable {
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService watchdog;
    private final long deadlineNanos;

    /**
     * @param name     thread name prefix
     * @param threads  worker threads (at least 1)
     * @param queue    tasks that may wait for a thread (at least 1)
     * @param deadline time one task may run
     */
    public DeadlineExecutor(String name, int threads, int queue, Duration deadline) {
        if (threads < 1 || queue < 1 || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("threads and queue must be >= 1 and the deadline positive");
        }
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queue), r -> daemon(r, name + "-" + n.incrementAndGet()),
                new ThreadPoolExecutor.AbortPolicy());
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, name + "-deadline"));
        this.deadlineNanos = deadline.toNanos();
    }

    @Override
    public void execute(Runnable task) {
        pool.execute(() -> runWithDeadline(task));
    }

    /** Tasks running or waiting. */
    public int pending() {
        return pool.getActiveCount() + pool.getQueue().size();
    }

    @Override
    public void close() {
        pool.shutdownNow();
        watchdog.shutdownNow();
    }

    private void runWithDeadline(Runnable task) {
        Thread self = Thread.currentThread();
        Object lock = new Object();
        boolean[] finished = {false};
        ScheduledFuture<?> alarm = watchdog.schedule(() -> {
            synchronized (lock) {
                if (!finished[0]) {
                    self.interrupt();
                }
            }
        }, deadlineNanos, TimeUnit.NANOSECONDS);
        try {
            task.run();
        } finally {
            synchronized (lock) {
                finished[0] = true;
            }
            alarm.cancel(false);
            // a late alarm must not leak into the next task on this thread
            Thread.interrupted();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
