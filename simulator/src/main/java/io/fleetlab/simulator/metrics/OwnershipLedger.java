package io.fleetlab.simulator.metrics;

import io.fleetlab.core.rebalance.OwnershipChange;

/**
 * How many nodes scrape each target, kept up to date from every node's started/stopped diffs,
 * with the time integral of unowned and double-owned targets: target-seconds of missing data and
 * of duplicate scrapes, the cost users feel during a rollout.
 */
public final class OwnershipLedger {
    private final int[] owners;
    private long unowned;
    private long doubleOwned;
    private long maxUnowned;
    private long maxDoubleOwned;
    private long lastNanos;
    private long measureFromNanos;
    private double unownedSeconds;
    private double doubleOwnedSeconds;

    public OwnershipLedger(int targets) {
        this.owners = new int[targets];
        this.unowned = targets;
    }

    /** Integrals count only from {@code nanos} on (the fleet's start-up is not the story). */
    public void measureFrom(long nanos) {
        this.measureFromNanos = nanos;
    }

    /** Accumulates the integrals up to {@code now}; call before every change. */
    public void advance(long now) {
        long from = Math.max(lastNanos, measureFromNanos);
        if (now > from) {
            double dt = (now - from) / 1e9;
            unownedSeconds += unowned * dt;
            doubleOwnedSeconds += doubleOwned * dt;
        }
        lastNanos = Math.max(lastNanos, now);
        if (now >= measureFromNanos) {
            maxUnowned = Math.max(maxUnowned, unowned);
            maxDoubleOwned = Math.max(maxDoubleOwned, doubleOwned);
        }
    }

    public void apply(long now, OwnershipChange change) {
        advance(now);
        for (int t : change.started()) {
            gain(t);
        }
        for (int t : change.stopped()) {
            lose(t);
        }
        trackMax(now);
    }

    public void gain(int t) {
        int c = ++owners[t];
        if (c == 1) {
            unowned--;
        } else if (c == 2) {
            doubleOwned++;
        }
    }

    public void lose(int t) {
        int c = --owners[t];
        if (c == 0) {
            unowned++;
        } else if (c == 1) {
            doubleOwned--;
        }
        if (c < 0) {
            throw new IllegalStateException("target " + t + " released more often than taken");
        }
    }

    public void trackMax(long now) {
        if (now >= measureFromNanos) {
            maxUnowned = Math.max(maxUnowned, unowned);
            maxDoubleOwned = Math.max(maxDoubleOwned, doubleOwned);
        }
    }

    public long unowned() {
        return unowned;
    }

    public long doubleOwned() {
        return doubleOwned;
    }

    public long maxUnowned() {
        return maxUnowned;
    }

    public long maxDoubleOwned() {
        return maxDoubleOwned;
    }

    public double unownedTargetSeconds() {
        return unownedSeconds;
    }

    public double doubleOwnedTargetSeconds() {
        return doubleOwnedSeconds;
    }
}
