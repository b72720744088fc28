package io.fleetlab.core.testkit;

import io.fleetlab.core.time.Cancellable;
import io.fleetlab.core.time.Scheduler;

/**
 * A scheduler stopped at one instant that drops what it is given, so a benchmark measures how a
 * message is handled and nothing that timers would do later (and holds no growing queue of them).
 */
public final class FrozenScheduler implements Scheduler {
    private static final Cancellable NOTHING = () -> {};
    private final long now;
    private long dropped;

    /** A clock that always reads {@code nowNanos}. */
    public FrozenScheduler(long nowNanos) {
        this.now = nowNanos;
    }

    @Override
    public long nowNanos() {
        return now;
    }

    @Override
    public Cancellable schedule(long delayNanos, Runnable task) {
        dropped++;
        return NOTHING;
    }

    /** Tasks handed over and dropped so far. */
    public long dropped() {
        return dropped;
    }
}
