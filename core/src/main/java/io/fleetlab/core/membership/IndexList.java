package io.fleetlab.core.membership;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A growable list of member indices, with the random picks of {@code RandomPicks} done with the
 * same draws (so a table of indices visits members in the order a list of objects did).
 */
final class IndexList {
    private int[] items;
    private int size;
    /** Whether {@link #share} handed out {@link #items}: then it is copied before the next change. */
    private boolean shared;

    IndexList() {
        this(8);
    }

    IndexList(int capacity) {
        items = new int[Math.max(1, capacity)];
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int get(int k) {
        return items[k];
    }

    void clear() {
        size = 0;
    }

    void add(int index) {
        own();
        if (size == items.length) {
            items = Arrays.copyOf(items, size + (size >> 1) + 1);
        }
        items[size++] = index;
    }

    boolean contains(int index) {
        for (int k = 0; k < size; k++) {
            if (items[k] == index) {
                return true;
            }
        }
        return false;
    }

    /** Removes the entries {@code drop} accepts, keeping the order of the rest. */
    void removeIf(java.util.function.IntPredicate drop) {
        own();
        int kept = 0;
        for (int k = 0; k < size; k++) {
            int v = items[k];
            if (!drop.test(v)) {
                items[kept++] = v;
            }
        }
        size = kept;
    }

    /** Fisher-Yates, drawing as {@code RandomPicks.shuffle} does. */
    void shuffle(RandomGenerator random) {
        for (int i = size - 1; i > 0; i--) {
            swap(i, random.nextInt(i + 1));
        }
    }

    /** Up to {@code k} distinct random entries to the front, drawing as {@code RandomPicks.pickToFront}. */
    int pickToFront(int k, RandomGenerator random) {
        int n = Math.min(k, size);
        for (int i = 0; i < n; i++) {
            swap(i, i + random.nextInt(size - i));
        }
        return n;
    }

    /**
     * Appends and swaps to a random position, drawing as {@code RandomPicks.insertAtRandom}.
     *
     * @return the position {@code index} went to (the entry that sat there is now the last)
     */
    int insertAtRandom(int index, RandomGenerator random) {
        add(index);
        int at = random.nextInt(size);
        swap(size - 1, at);
        return at;
    }

    /**
     * The entries as they are now: {@code share()[0 .. size() - 1]}, an array this list never
     * changes again (it copies it before its next change). What a full state lists, without a copy.
     */
    int[] share() {
        shared = true;
        return items;
    }

    private void own() {
        if (shared) {
            items = items.clone();
            shared = false;
        }
    }

    private void swap(int i, int j) {
        own();
        int t = items[i];
        items[i] = items[j];
        items[j] = t;
    }
}
