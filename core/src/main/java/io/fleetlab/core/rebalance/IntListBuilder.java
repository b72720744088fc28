package io.fleetlab.core.rebalance;

import java.util.Arrays;

/** A growable int array, so that diffs of a million targets are not boxed. */
final class IntListBuilder {
    private static final int[] NONE = new int[0];
    private int[] values = new int[16];
    private int size;

    void add(int v) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = v;
    }

    /** The values in the order added. */
    int[] toArray() {
        return size == 0 ? NONE : Arrays.copyOf(values, size);
    }

    int[] toSortedArray() {
        int[] out = Arrays.copyOf(values, size);
        Arrays.sort(out);
        return out;
    }
}
