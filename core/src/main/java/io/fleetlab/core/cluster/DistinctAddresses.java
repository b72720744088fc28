package io.fleetlab.core.cluster;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * Whether a discovered address list names every address once, as {@code new HashSet<>(list).size()
 * == list.size()} answers, without a set: the strings' hash codes (kept in each string) are
 * sorted beside their positions, and only strings with equal hash codes are compared. A list of
 * a thousand addresses costs one array of a thousand longs instead of a thousand map entries;
 * a rejoin asks whenever discovery hands out a changed list.
 */
final class DistinctAddresses {
    /** Equal hash codes compared pairwise up to this many in a row; past it (contrived input) a set answers. */
    private static final int LONGEST_PAIRWISE_RUN = 8;

    private DistinctAddresses() {
    }

    /** Whether no two entries of {@code addresses} (no nulls) are equal. */
    static boolean all(List<String> addresses) {
        int n = addresses.size();
        long[] keyed = new long[n];
        for (int k = 0; k < n; k++) {
            keyed[k] = ((long) addresses.get(k).hashCode() << 32) | k;
        }
        Arrays.sort(keyed);
        int runStart = 0;
        for (int k = 1; k <= n; k++) {
            if (k < n && hash(keyed[k]) == hash(keyed[runStart])) {
                continue;
            }
            int run = k - runStart;
            if (run > LONGEST_PAIRWISE_RUN) {
                return new HashSet<>(addresses).size() == n;
            }
            for (int i = runStart; i < k; i++) {
                for (int j = i + 1; j < k; j++) {
                    if (addresses.get(position(keyed[i])).equals(addresses.get(position(keyed[j])))) {
                        return false;
                    }
                }
            }
            runStart = k;
        }
        return true;
    }

    private static int hash(long key) {
        return (int) (key >> 32);
    }

    private static int position(long key) {
        return (int) key;
    }
}
