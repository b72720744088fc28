package io.fleetlab.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link DistinctAddresses#all} answers what a set answers, also where hash codes collide: any
 * string made of the blocks "Aa" and "BB" (equal hash codes) has the hash code of every other
 * string of as many blocks, so a list of them is one long run of equal hash codes.
 */
class DistinctAddressesTest {
    private static final int CASES = 500;

    @Test
    void answersWhatASetAnswers() {
        long base = Long.getLong("fleetlab.seed", 0xD15715L);
        SplittableRandom seeds = new SplittableRandom(base);
        for (int c = 0; c < CASES; c++) {
            long seed = c == 0 ? base : seeds.nextLong();
            List<String> list = randomList(new SplittableRandom(seed));
            assertEquals(new HashSet<>(list).size() == list.size(), DistinctAddresses.all(list),
                    "case " + c + ", seed " + seed + " (replay: -Dfleetlab.seed=" + seed + "): " + list);
        }
    }

    @Test
    void aDuplicateAmongCollidingHashCodesIsFound() {
        List<String> colliding = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            colliding.add(blocks(i, 2) + ":7946"); // four strings, one hash code
        }
        assertEquals(1, new HashSet<>(colliding.stream().map(String::hashCode).toList()).size());
        assertTrue(DistinctAddresses.all(colliding));
        colliding.add(new String(colliding.get(2))); // equal, not the same instance
        assertFalse(DistinctAddresses.all(colliding));
    }

    /** Up to 60 addresses: plain ones, repeats, and strings of "Aa"/"BB" blocks in runs short and long. */
    private static List<String> randomList(SplittableRandom r) {
        int n = r.nextInt(4) == 0 ? r.nextInt(3) : r.nextInt(60);
        int blockCount = 1 + r.nextInt(4); // 2, 4, 8 or 16 colliding strings
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(4);
            if (kind == 0 && !out.isEmpty() && r.nextInt(3) == 0) {
                out.add(new String(out.get(r.nextInt(out.size())))); // a repeat, as an equal copy
            } else if (kind == 1) {
                out.add(blocks(r.nextInt(1 << blockCount), blockCount) + ":7946");
            } else {
                out.add("n" + r.nextInt(2 * n + 1) + ":7946");
            }
        }
        return out;
    }

    /** {@code count} blocks, block {@code b} "BB" where bit {@code b} of {@code bits} is set, else "Aa". */
    private static String blocks(int bits, int count) {
        StringBuilder s = new StringBuilder();
        for (int b = 0; b < count; b++) {
            s.append((bits >> b & 1) == 1 ? "BB" : "Aa");
        }
        return s.toString();
    }
}
