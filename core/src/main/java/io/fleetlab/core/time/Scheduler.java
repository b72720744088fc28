package io.fleetlab.core.time;

/**
 * The only way the core reads time or defers work.
 *
 * <p>The simulator implements it with virtual time and a single-threaded event queue; a real node
 * implements it with {@link System#nanoTime()} and a single-threaded executor. Either way, every
 * task runs on the one thread that also delivers transport messages, so protocol state needs no
 * locks.
 */
public interface Scheduler {
    /** Monotonic time in nanoseconds; only differences are meaningful. */
    long nowNanos();

    /**
     * Runs {@code task} once, {@code delayNanos} from now (0 means "after the current task").
     *
     * @return a handle that cancels the task if it has not started yet
     */
    Cancellable schedule(long delayNanos, Runnable task);
}
