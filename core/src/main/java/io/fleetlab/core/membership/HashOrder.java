package io.fleetlab.core.membership;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Small-integer indices, each with a string key, kept in the order a {@code java.util.HashMap}
 * of those keys iterates: by bucket (the key's spread hash modulo the capacity), then by
 * insertion within a bucket; the capacity starts at 16 and doubles as the map's does (load
 * factor 0.75, and a bucket past eight keys in a table below 64 grows it), splitting buckets in
 * order. A bucket the map would turn into a tree (past eight keys at 64 or more) stays a chain
 * here, so only its order could differ. The cost is an int per bucket and per index, instead of
 * a map entry per key.
 */
final class HashOrder {
    private static final int FIRST_CAPACITY = 16;
    private static final int TREEIFY_THRESHOLD = 8;
    private static final int MIN_TREEIFY_CAPACITY = 64;

    /** The key of an index in the order (to split buckets when the table grows). */
    private final IntFunction<String> keyOf;
    /** The next index in the same bucket, or -1. */
    private int[] next = new int[0];
    /** The first index of each bucket, or -1; its length is the map's capacity. */
    private int[] buckets = new int[0];
    private int size;
    private boolean exact = true;
    /** The last snapshot, while the order has not changed since (null when it has). */
    private java.util.function.Supplier<int[]> current;

    HashOrder(IntFunction<String> keyOf) {
        this.keyOf = keyOf;
    }

    int size() {
        return size;
    }

    /** Appends {@code index}, not yet in the order, with {@code key} (a HashMap's put of a new key). */
    void add(int index, String key) {
        current = null;
        if (index >= next.length) {
            next = Arrays.copyOf(next, Math.max(index + 1, next.length + (next.length >> 3) + 8));
        }
        next[index] = -1;
        if (buckets.length == 0) {
            buckets = new int[FIRST_CAPACITY];
            Arrays.fill(buckets, -1);
        }
        int b = spread(key) & (buckets.length - 1);
        int chain = 0;
        if (buckets[b] < 0) {
            buckets[b] = index;
        } else {
            int p = buckets[b];
            chain = 1;
            while (next[p] >= 0) {
                p = next[p];
                chain++;
            }
            next[p] = index;
        }
        // HashMap.putVal: a long bucket in a small table grows the table (treeifyBin), then the
        // size check may grow it again
        if (chain >= TREEIFY_THRESHOLD) {
            if (buckets.length < MIN_TREEIFY_CAPACITY) {
                grow();
            } else {
                exact = false; // the map would have made a tree of this bucket
            }
        }
        if (++size > buckets.length / 4 * 3) {
            grow();
        }
    }

    /** Removes {@code index}, present with {@code key}. */
    void remove(int index, String key) {
        current = null;
        int b = spread(key) & (buckets.length - 1);
        if (buckets[b] == index) {
            buckets[b] = next[index];
        } else {
            int p = buckets[b];
            while (next[p] != index) {
                p = next[p];
            }
            next[p] = next[index];
        }
        size--;
    }

    /** Whether the order is still exactly the map's (no bucket grew past where the map makes a tree). */
    boolean exact() {
        return exact;
    }

    /** Reserves room for indices below {@code limit}. */
    void ensure(int limit) {
        if (limit > next.length) {
            next = Arrays.copyOf(next, limit);
        }
    }

    /**
     * Writes every index in order to {@code out} (at least {@link #size()} long): what a push-pull
     * lists, in one tight pass over the table without a visitor call per index.
     */
    void copyTo(int[] out) {
        copyTo(buckets, next, out);
    }

    private static void copyTo(int[] table, int[] links, int[] out) {
        int k = 0;
        for (int b = 0; b < table.length; b++) {
            for (int i = table[b]; i >= 0; i = links[i]) {
                out[k++] = i;
            }
        }
    }

    /**
     * The order as it is now, written out ({@link #size()} long as now) in an array nobody
     * changes: until the order changes, every snapshot is the same one, written out once. A
     * table that did not change since its last full state lists its order again without a pass.
     */
    java.util.function.Supplier<int[]> snapshot() {
        if (current == null) {
            int[] out = new int[size];
            copyTo(out);
            current = () -> out;
        }
        return current;
    }

    /** Visits every index in order. */
    void forEach(java.util.function.IntConsumer visitor) {
        for (int b = 0; b < buckets.length; b++) {
            for (int i = buckets[b]; i >= 0; i = next[i]) {
                visitor.accept(i);
            }
        }
    }

    /** HashMap.resize: doubles the table, splitting each bucket into a low and a high one in order. */
    private void grow() {
        int old = buckets.length;
        int[] grown = new int[old * 2];
        Arrays.fill(grown, -1);
        for (int b = 0; b < old; b++) {
            int loHead = -1;
            int loTail = -1;
            int hiHead = -1;
            int hiTail = -1;
            for (int i = buckets[b]; i >= 0; ) {
                int after = next[i];
                next[i] = -1;
                if ((spread(keyOf.apply(i)) & old) == 0) {
                    if (loTail < 0) {
                        loHead = i;
                    } else {
                        next[loTail] = i;
                    }
                    loTail = i;
                } else {
                    if (hiTail < 0) {
                        hiHead = i;
                    } else {
                        next[hiTail] = i;
                    }
                    hiTail = i;
                }
                i = after;
            }
            grown[b] = loHead;
            grown[b + old] = hiHead;
        }
        buckets = grown;
    }

    /** HashMap.hash. */
    private static int spread(String key) {
        int h = key.hashCode();
        return h ^ (h >>> 16);
    }
}
