package io.fleetlab.simulator.metrics;

/**
 * How many scraping nodes own each target, kept up to date from ownership diffs, with the number
 * of unowned and double-owned targets integrated over time (target-seconds). Counting starts at
 * {@link #startMeasuring}; changes before it only shape the counts.
 */
public final class OwnershipLedger {
    private final int[] ownerCount;
    private long unowned;
    private long doubleOwned;
    private long lastNanos;
    private boolean measuring;
    private double unownedNanos;
    private double doubleOwnedNanos;
    private long maxUnowned;
    private long maxDoubleOwned;

    public OwnershipLedger(int targets) {
        ownerCount = new int[targets];
        unowned = targets;
    }

    /** Accounts the time since the last change at the current counts; call before each change. */
    public void advance(long nowNanos) {
        if (measuring && nowNanos > lastNanos) {
            unownedNanos += (double) unowned * (nowNanos - lastNanos);
            doubleOwnedNanos += (double) doubleOwned * (nowNanos - lastNanos);
        }
        lastNanos = Math.max(lastNanos, nowNanos);
    }

    public void startMeasuring(long nowNanos) {
        lastNanos = nowNanos;
        measuring = true;
        maxUnowned = unowned;
        maxDoubleOwned = doubleOwned;
    }

    /** One more scraping node owns target {@code t}. */
    public void gain(int t) {
        int c = ownerCount[t]++;
        if (c == 0) {
            unowned--;
        } else if (c == 1) {
            doubleOwned++;
            if (measuring && doubleOwned > maxDoubleOwned) {
                maxDoubleOwned = doubleOwned;
            }
        }
    }

    /** One scraping node fewer owns target {@code t}. */
    public void lose(int t) {
        int c = --ownerCount[t];
        if (c < 0) {
            throw new IllegalStateException("target " + t + " lost an owner it did not have");
        }
        if (c == 0) {
            unowned++;
            if (measuring && unowned > maxUnowned) {
                maxUnowned = unowned;
            }
        } else if (c == 1) {
            doubleOwned--;
        }
    }

    public long unowned() {
        return unowned;
    }

    public long doubleOwned() {
        return doubleOwned;
    }

    public int ownerCount(int t) {
        return ownerCount[t];
    }

    public double unownedTargetSeconds() {
        return unownedNanos / 1e9;
    }

    public double doubleOwnedTargetSeconds() {
        return doubleOwnedNanos / 1e9;
    }

    public long maxUnowned() {
        return maxUnowned;
    }

    public long maxDoubleOwned() {
        return maxDoubleOwned;
    }
}
