package io.fleetlab.core.ring;

import java.util.List;

/** Creates sharders by the names scenario files and reports use. */
public final class Sharders {
    private static final List<String> ALGORITHMS =
            List.of("alloy-ring", "rendezvous", "multiprobe", "maglev", "jump", "bounded-load");

    private Sharders() {}

    /** Every algorithm name {@link #create} accepts; {@code alloy-ring} is what Alloy runs. */
    public static List<String> algorithms() {
        return ALGORITHMS;
    }

    /**
     * A new sharder.
     *
     * @param tokensPerNode tokens per node for the token rings (Alloy: 512); ignored by the others
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static Sharder create(String algorithm, int tokensPerNode) {
        return switch (algorithm) {
            case "alloy-ring" -> new AlloyRing(tokensPerNode);
            case "rendezvous" -> new RendezvousHashing();
            case "multiprobe" -> new MultiprobeHashing();
            case "maglev" -> new MaglevHashing();
            case "jump" -> new JumpHashing();
            case "bounded-load" -> new BoundedLoadRing(tokensPerNode, BoundedLoadRing.DEFAULT_CAPACITY_FACTOR);
            default -> throw new IllegalArgumentException(
                    "unknown hashing algorithm '" + algorithm + "'; expected one of " + ALGORITHMS);
        };
    }
}
