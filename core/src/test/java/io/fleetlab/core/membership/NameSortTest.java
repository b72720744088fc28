package io.fleetlab.core.membership;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link NameSort} against {@link Arrays#sort(Object[], int, int)} on seeded runs of names. */
class NameSortTest {

    /**
     * Runs of 0 to 300 distinct names (so both the insertion and the merge path), sorted in place
     * inside a longer array whose other entries must stay as they were: already sorted, reversed,
     * shuffled, and names sharing long prefixes (fleet names such as alloy-17 and alloy-170).
     */
    @Test
    void sortsAsTheLibraryDoes() {
        for (int c = 0; c < 600; c++) {
            long seed = 7_000 + c;
            SplittableRandom rnd = new SplittableRandom(seed);
            int n = rnd.nextInt(301);
            int before = rnd.nextInt(4);
            int after = rnd.nextInt(4);
            String[] a = new String[before + n + after];
            for (int i = 0; i < a.length; i++) {
                a[i] = name(rnd, i);
            }
            switch (c % 4) {
                case 0 -> Arrays.sort(a, before, before + n);
                case 1 -> {
                    Arrays.sort(a, before, before + n);
                    reverse(a, before, before + n);
                }
                default -> { } // as generated: shuffled
            }
            String[] expected = a.clone();
            Arrays.sort(expected, before, before + n);
            NameSort.sort(a, before, before + n);
            assertArrayEquals(expected, a, "seed " + seed + ", " + n + " names");
        }
    }

    /** Distinct by construction: the position is part of the name. */
    private static String name(SplittableRandom rnd, int i) {
        return switch (rnd.nextInt(3)) {
            case 0 -> "alloy-" + i;
            case 1 -> "node-" + Integer.toString(rnd.nextInt(1 << 20), 36) + "-" + i;
            default -> "z" + (char) ('a' + rnd.nextInt(26)) + i;
        };
    }

    private static void reverse(String[] a, int from, int to) {
        for (int i = from, j = to - 1; i < j; i++, j--) {
            String t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
