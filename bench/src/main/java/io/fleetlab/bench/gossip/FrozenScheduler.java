package io.fleetlab.bench.gossip;

import io.fleetlab.core.time.Cancellable;
import io.fleetlab.core.time.Scheduler;

/**
 * A scheduler stopped at one instant that drops what it is given, so a benchmark measures how a
 * message is handled and nothing that timers would do later.
 */
final class FrozenScheduler implements Scheduler {
    private static final Cancellable NOTHING = () -> {};
    private final long now;
    private long dropped;

    FrozenScheduler(long nowNanos) {
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

    long dropped() {
        return dropped;
    }
}
