package io.fleetlab.core.rebalance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link OwnershipChange#between} walks both sets without copying either: it must give what the
 * bitwise difference gives (started = after and not before, stopped = before and not after, both
 * ascending), leave both sets as they were, and say nothing changed for one set with itself.
 */
class OwnershipChangeTest {
    private static final int CASES = 500;

    @Test
    void equalsTheBitwiseDifferenceOfRandomSets() {
        long base = Long.getLong("fleetlab.seed", 0xC4A96EL);
        SplittableRandom seeds = new SplittableRandom(base);
        for (int c = 0; c < CASES; c++) {
            long seed = c == 0 ? base : seeds.nextLong();
            try {
                oneCase(new SplittableRandom(seed));
            } catch (AssertionError e) {
                throw new AssertionError("case " + c + " failed with seed " + seed + " (replay: -Dfleetlab.seed=" + seed
                        + "): " + e.getMessage(), e);
            }
        }
    }

    private static void oneCase(SplittableRandom r) {
        int size = r.nextInt(4) == 0 ? r.nextInt(70) : r.nextInt(5_000);
        BitSet before = randomSet(r, size);
        BitSet after = r.nextInt(5) == 0 ? (BitSet) before.clone() : randomSet(r, r.nextBoolean() ? size : r.nextInt(5_000));
        if (r.nextInt(5) == 0 && size > 0) {
            after = (BitSet) before.clone(); // a few bits flipped: the usual view change
            for (int k = r.nextInt(4); k >= 0; k--) {
                after.flip(r.nextInt(size));
            }
        }
        BitSet beforeCopy = (BitSet) before.clone();
        BitSet afterCopy = (BitSet) after.clone();
        OwnershipChange change = OwnershipChange.between(before, after);
        BitSet started = (BitSet) after.clone();
        started.andNot(before);
        BitSet stopped = (BitSet) before.clone();
        stopped.andNot(after);
        assertArrayEquals(started.stream().toArray(), change.started(), "started");
        assertArrayEquals(stopped.stream().toArray(), change.stopped(), "stopped");
        assertEquals(beforeCopy, before, "before unchanged");
        assertEquals(afterCopy, after, "after unchanged");
        assertTrue(OwnershipChange.between(after, after).isEmpty(), "a set with itself");
    }

    private static BitSet randomSet(SplittableRandom r, int size) {
        BitSet s = new BitSet();
        int density = 1 + r.nextInt(r.nextBoolean() ? 3 : 200); // dense, or sparse as a node's share
        IntStream.range(0, size).filter(i -> r.nextInt(density) == 0).forEach(s::set);
        return s;
    }
}
