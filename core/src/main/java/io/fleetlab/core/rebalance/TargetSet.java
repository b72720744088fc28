package io.fleetlab.core.rebalance;

/**
 * An immutable population of target keys ({@code key(i)} is target {@code i}), sorted once so
 * that any number of rebalancers on a host can share it instead of each copying and sorting.
 */
public final class TargetSet {
    private final long[] keys;
    private final SortedKeys sorted;

    private TargetSet(long[] keys) {
        this.keys = keys;
        this.sorted = SortedKeys.of(keys);
    }

    /** A target set over a copy of {@code keys}. */
    public static TargetSet of(long[] keys) {
        return new TargetSet(keys.clone());
    }

    /** Number of targets. */
    public int size() {
        return keys.length;
    }

    /** Target {@code i}'s key. */
    public long key(int i) {
        return keys[i];
    }

    SortedKeys sorted() {
        return sorted;
    }

    long[] keysForSharder() {
        return keys;
    }
}
