package io.fleetlab.core.rebalance;

import java.util.function.IntConsumer;

/** Target indices sorted by unsigned key, to find the targets on an arc by binary search. */
final class SortedKeys {
    private final long[] keys;
    private final int[] indices;

    private SortedKeys(long[] keys, int[] indices) {
        this.keys = keys;
        this.indices = indices;
    }

    static SortedKeys of(long[] unsorted) {
        int n = unsorted.length;
        // Pack (flipped key) and sort with an index array via a primitive sort of longs.
        long[] flipped = new long[n];
        for (int i = 0; i < n; i++) {
            flipped[i] = unsorted[i] ^ Long.MIN_VALUE;
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        sortByKey(flipped, idx, 0, n - 1);
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = flipped[i] ^ Long.MIN_VALUE;
        }
        return new SortedKeys(keys, idx);
    }

    int size() {
        return keys.length;
    }

    /** The key at sorted position {@code pos}. */
    long keyAt(int pos) {
        return keys[pos];
    }

    /** The target index at sorted position {@code pos}. */
    int indexAt(int pos) {
        return indices[pos];
    }

    /** The index of a target with {@code key}, or -1. */
    int indexOf(long key) {
        int at = lowerBound(key);
        return at < keys.length && keys[at] == key ? indices[at] : -1;
    }

    /** Visits every target whose key lies on the arc {@code (startExclusive, endInclusive]}. */
    void forEachInArc(long startExclusive, long endInclusive, IntConsumer visit) {
        if (Long.compareUnsigned(startExclusive, endInclusive) < 0) {
            visitRange(upperBound(startExclusive), upperBound(endInclusive), visit);
        } else {
            // Wraps past zero (or is the whole circle when start == end).
            visitRange(upperBound(startExclusive), keys.length, visit);
            visitRange(0, upperBound(endInclusive), visit);
        }
    }

    private void visitRange(int from, int to, IntConsumer visit) {
        for (int i = from; i < to; i++) {
            visit.accept(indices[i]);
        }
    }

    /** First position whose key is >= {@code key}. */
    private int lowerBound(long key) {
        int lo = 0;
        int hi = keys.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(keys[mid], key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** First position whose key is > {@code key}. */
    private int upperBound(long key) {
        int lo = 0;
        int hi = keys.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(keys[mid], key) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Quicksort of keys carrying indices; equal keys are ordered by index for determinism. */
    private static void sortByKey(long[] k, int[] idx, int lo, int hi) {
        while (lo < hi) {
            if (hi - lo < 16) {
                for (int i = lo + 1; i <= hi; i++) {
                    long kv = k[i];
                    int iv = idx[i];
                    int j = i - 1;
                    while (j >= lo && (k[j] > kv || (k[j] == kv && idx[j] > iv))) {
                        k[j + 1] = k[j];
                        idx[j + 1] = idx[j];
                        j--;
                    }
                    k[j + 1] = kv;
                    idx[j + 1] = iv;
                }
                return;
            }
            int mid = (lo + hi) >>> 1;
            long pk = k[mid];
            int pi = idx[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (k[i] < pk || (k[i] == pk && idx[i] < pi)) {
                    i++;
                }
                while (k[j] > pk || (k[j] == pk && idx[j] > pi)) {
                    j--;
                }
                if (i <= j) {
                    long tk = k[i];
                    k[i] = k[j];
                    k[j] = tk;
                    int ti = idx[i];
                    idx[i] = idx[j];
                    idx[j] = ti;
                    i++;
                    j--;
                }
            }
            if (j - lo < hi - i) {
                sortByKey(k, idx, lo, j);
                lo = i;
            } else {
                sortByKey(k, idx, i, hi);
                hi = j;
            }
        }
    }
}
