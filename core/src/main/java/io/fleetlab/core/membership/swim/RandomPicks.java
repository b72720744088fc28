package io.fleetlab.core.membership.swim;

import java.util.List;
import java.util.random.RandomGenerator;

/** In-place random selections driven by an injected generator (so seeded runs repeat exactly). */
public final class RandomPicks {
    private RandomPicks() {
    }

    /** Fisher-Yates shuffle. */
    public static <T> void shuffle(List<T> list, RandomGenerator random) {
        for (int i = list.size() - 1; i > 0; i--) {
            swap(list, i, random.nextInt(i + 1));
        }
    }

    /** Moves up to {@code k} distinct random elements to the front of {@code list}; returns how many. */
    public static <T> int pickToFront(List<T> list, int k, RandomGenerator random) {
        int n = Math.min(k, list.size());
        for (int i = 0; i < n; i++) {
            swap(list, i, i + random.nextInt(list.size() - i));
        }
        return n;
    }

    /** Appends {@code item} and swaps it to a random position (memberlist's random offset on insert). */
    public static <T> void insertAtRandom(List<T> list, T item, RandomGenerator random) {
        list.add(item);
        swap(list, list.size() - 1, random.nextInt(list.size()));
    }

    private static <T> void swap(List<T> list, int i, int j) {
        T t = list.get(i);
        list.set(i, list.get(j));
        list.set(j, t);
    }
}
