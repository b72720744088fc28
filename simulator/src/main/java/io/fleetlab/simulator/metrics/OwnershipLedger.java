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
    private long windowMaxUnowned;
    private long windowMaxDoubleOwned;
    private double windowUnownedSeconds;
    private double windowDoubleOwnedSeconds;

    public OwnershipLedger(int targets) {
        this.owners = new int[targets];
        this.unowned = targets;
    }

    /** Integrals count only from {@code nanos} on (the fleet's start-up is not the story). */
    public void measureFrom(long nanos) {
        this.measureFromNanos = nanos;
    }

    /**
     * Accumulates the integrals up to {@code now}; call before every change. The maxima count only
     * states that lasted: several nodes updating at the same instant pass through intermediate
     * counts that no scrape ever sees.
     */
    public void advance(long now) {
        long from = Math.max(lastNanos, measureFromNanos);
        if (now > from) {
            double dt = (now - from) / 1e9;
            unownedSeconds += unowned * dt;
            doubleOwnedSeconds += doubleOwned * dt;
            maxUnowned = Math.max(maxUnowned, unowned);
            maxDoubleOwned = Math.max(maxDoubleOwned, doubleOwned);
            windowUnownedSeconds += unowned * dt;
            windowDoubleOwnedSeconds += doubleOwned * dt;
            windowMaxUnowned = Math.max(windowMaxUnowned, unowned);
            windowMaxDoubleOwned = Math.max(windowMaxDoubleOwned, doubleOwned);
        }
        lastNanos = Math.max(lastNanos, now);
    }

    /**
     * Closes the sample interval that ends at {@code now}: what it held at its end, its worst
     * lasting state and its integrals, counted by the same rules as the run's totals, so the
     * intervals' integrals add up to the totals and their maxima to the overall maxima.
     */
    public Interval closeInterval(long now) {
        advance(now);
        Interval i = new Interval(unowned, doubleOwned, windowMaxUnowned, windowMaxDoubleOwned,
                windowUnownedSeconds, windowDoubleOwnedSeconds);
        windowMaxUnowned = 0;
        windowMaxDoubleOwned = 0;
        windowUnownedSeconds = 0;
        windowDoubleOwnedSeconds = 0;
        return i;
    }

    /**
     * One sample interval of the agreement series.
     *
     * @param unowned                  targets nobody scrapes at the interval's end
     * @param doubleOwned              targets scraped twice or more at the interval's end
     * @param maxUnowned               the most unowned targets of any state that lasted within the interval
     * @param maxDoubleOwned           the same for double-owned targets
     * @param unownedTargetSeconds     unowned targets integrated over the interval
     * @param doubleOwnedTargetSeconds double-owned targets integrated over the interval
     */
    public record Interval(long unowned, long doubleOwned, long maxUnowned, long maxDoubleOwned,
            double unownedTargetSeconds, double doubleOwnedTargetSeconds) {}

    public void apply(long now, OwnershipChange change) {
        advance(now);
        for (int t : change.started()) {
            gain(t);
        }
        for (int t : change.stopped()) {
            lose(t);
        }
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
