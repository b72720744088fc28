package io.fleetlab.simulator.engine;

import java.util.random.RandomGenerator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The single seeded source of chance of a run. Each consumer (a node, the network) gets its own
 * generator whose seed is drawn from the root in a fixed order, so adding randomness in one place
 * does not shift another's stream more than the draw order implies.
 */
public final class RunRandom {
    private final UniformRandomProvider root;

    public RunRandom(long seed) {
        this.root = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /** A fresh provider seeded from the root. */
    public UniformRandomProvider split() {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(root.nextLong());
    }

    /** A fresh {@link RandomGenerator} (what the core takes) seeded from the root. */
    public RandomGenerator splitGenerator() {
        UniformRandomProvider p = split();
        return p::nextLong;
    }
}
