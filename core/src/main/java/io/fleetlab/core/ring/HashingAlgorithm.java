package io.fleetlab.core.ring;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The hashing algorithms a fleet can share targets with, by the names scenario files, command
 * lines, reports and benchmarks use. This is the one list of them: the scenario validator, the
 * simulator, the real node, the {@code fleetlab} command and the benchmarks all read it.
 */
public enum HashingAlgorithm {
    /** {@link AlloyRing}: what Alloy runs (ckit's {@code shard.Ring}). */
    ALLOY_RING("alloy-ring", true, AlloyRing::new),
    /** {@link RendezvousHashing}. */
    RENDEZVOUS("rendezvous", false, tokens -> new RendezvousHashing()),
    /** {@link MultiprobeHashing}. */
    MULTIPROBE("multiprobe", false, tokens -> new MultiprobeHashing()),
    /** {@link MaglevHashing}. */
    MAGLEV("maglev", false, tokens -> new MaglevHashing()),
    /** {@link JumpHashing}. */
    JUMP("jump", false, tokens -> new JumpHashing()),
    /** {@link BoundedLoadRing} with {@link BoundedLoadRing#DEFAULT_CAPACITY_FACTOR}. */
    BOUNDED_LOAD("bounded-load", true,
            tokens -> new BoundedLoadRing(tokens, BoundedLoadRing.DEFAULT_CAPACITY_FACTOR));

    /** What Alloy runs, and the default everywhere. */
    public static final HashingAlgorithm DEFAULT = ALLOY_RING;

    private final String id;
    private final boolean tokens;
    private final IntFunction<Sharder> factory;

    HashingAlgorithm(String id, boolean tokens, IntFunction<Sharder> factory) {
        this.id = id;
        this.tokens = tokens;
        this.factory = factory;
    }

    /** The name in files, flags and reports, e.g. {@code alloy-ring}. */
    public String id() {
        return id;
    }

    /** Whether the algorithm places tokens on a ring, so that tokens per node matter. */
    public boolean usesTokens() {
        return tokens;
    }

    /**
     * A new sharder.
     *
     * @param tokensPerNode tokens per node for the token rings (Alloy: 512); ignored by the others
     */
    public Sharder create(int tokensPerNode) {
        return factory.apply(tokensPerNode);
    }

    /** Every algorithm name, in declaration order; {@code alloy-ring} first. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(HashingAlgorithm::id).toList();
    }

    /**
     * The algorithm called {@code id}.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static HashingAlgorithm of(String id) {
        for (HashingAlgorithm a : values()) {
            if (a.id.equals(id)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown hashing algorithm '" + id + "'; expected one of " + ids());
    }

    /**
     * A new sharder of the algorithm called {@code id}.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static Sharder create(String id, int tokensPerNode) {
        return of(id).create(tokensPerNode);
    }

    @Override
    public String toString() {
        return id;
    }
}
