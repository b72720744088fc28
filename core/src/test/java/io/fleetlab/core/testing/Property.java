package io.fleetlab.core.testing;

import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Runs a property over many seeded cases. Each case gets its own generator derived from the base
 * seed; a failure names the case's seed so it can be replayed with {@code -Dfleetlab.seed=...}
 * and {@code -Dfleetlab.cases=1}.
 */
public final class Property {
    private static final long DEFAULT_SEED = 0x5EEDF1EE71ABL;

    private Property() {}

    public static void forAll(int cases, Consumer<SplittableRandom> property) {
        long base = Long.getLong("fleetlab.seed", DEFAULT_SEED);
        int n = Integer.getInteger("fleetlab.cases", cases);
        SplittableRandom seeds = new SplittableRandom(base);
        for (int i = 0; i < n; i++) {
            long seed = i == 0 ? base : seeds.nextLong();
            try {
                property.accept(new SplittableRandom(seed));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("property failed on case " + i + " with seed " + seed
                        + " (replay: -Dfleetlab.seed=" + seed + " -Dfleetlab.cases=1): " + e.getMessage(), e);
            }
        }
    }
}
