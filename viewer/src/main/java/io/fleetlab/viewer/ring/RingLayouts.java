package io.fleetlab.viewer.ring;

import io.fleetlab.core.hash.TargetKeys;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.ring.AlloyRing;
import io.fleetlab.core.ring.HashingAlgorithm;
import io.fleetlab.core.ring.KeyAwareSharder;
import io.fleetlab.core.ring.Op;
import io.fleetlab.core.ring.RingSnapshot;
import io.fleetlab.core.ring.Sharder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Computes ring layouts with the core's own sharders, so the picture is what the fleet computes.
 * Token rings are drawn exactly from their tokens; other algorithms by sampling the key space.
 * Not thread-safe: it belongs to the JavaFX thread.
 */
public final class RingLayouts {
    /** Samples of the key circle for algorithms without tokens. */
    static final int SAMPLES = 4096;
    private static final double TWO_TO_64 = 0x1p64;

    private final String algorithm;
    private final int tokensPerNode;
    private Ring last;

    /**
     * @throws IllegalArgumentException for an algorithm the core does not know
     */
    public RingLayouts(String algorithm, int tokensPerNode) {
        this.algorithm = algorithm;
        this.tokensPerNode = tokensPerNode;
        HashingAlgorithm.create(algorithm, Math.max(1, tokensPerNode)); // fail early on an unknown name
    }

    /**
     * The ring the {@code READ_WRITE} operation sees over {@code peers} (Alloy's scrape ring), with
     * {@code target} (when not blank) placed at its string key.
     */
    public RingLayout layout(Collection<Peer> peers, String target) {
        Optional<String> targetName = target == null || target.isBlank() ? Optional.empty() : Optional.of(target.strip());
        long targetKey = targetName.map(TargetKeys::ofString).orElse(0L);
        Ring ring = ring(List.copyOf(peers), targetName.isPresent(), targetKey);
        if (ring.nodes().isEmpty()) {
            return new RingLayout(algorithm, true, List.of(), ring.nodes(), Optional.empty());
        }
        Optional<RingLayout.Target> placed = targetName.map(name -> new RingLayout.Target(
                name, fraction(targetKey), ring.sharder().owner(targetKey, Op.READ_WRITE).name()));
        return new RingLayout(algorithm, ring.exact(), ring.arcs(), ring.nodes(), placed);
    }

    /** A sharder over some peers and the arcs it gives. */
    private record Ring(List<Peer> peers, Sharder sharder, boolean exact, List<Arc> arcs, List<String> nodes) {}

    /**
     * The ring over {@code peers}; the last one is reused while the peers stay the same (the
     * slider mostly moves between changes). A sharder that depends on the key population is
     * rebuilt every time, since the target is part of that population.
     */
    private Ring ring(List<Peer> peers, boolean withTarget, long targetKey) {
        if (last != null && last.peers().equals(peers)) {
            return last;
        }
        Sharder sharder = HashingAlgorithm.create(algorithm, Math.max(1, tokensPerNode));
        boolean keyAware = sharder instanceof KeyAwareSharder;
        if (keyAware) {
            ((KeyAwareSharder) sharder).setKeys(withTarget(sampleKeys(), withTarget, targetKey));
        }
        sharder.setPeers(peers);
        List<String> nodes = peers.stream()
                .filter(p -> Op.READ_WRITE.admits(p.state()))
                .map(Peer::name)
                .sorted()
                .toList();
        boolean exact = sharder instanceof AlloyRing;
        List<Arc> arcs = nodes.isEmpty() ? List.of()
                : exact ? tokenArcs(((AlloyRing) sharder).snapshot(Op.READ_WRITE)) : sampledArcs(sharder);
        Ring ring = new Ring(peers, sharder, exact, arcs, nodes);
        last = keyAware ? null : ring;
        return ring;
    }

    /** Token i's holder owns the keys after token i-1 up to and including token i. */
    static List<Arc> tokenArcs(RingSnapshot ring) {
        ArcBuilder arcs = new ArcBuilder();
        int n = ring.size();
        String wrapOwner = ring.holder(0);
        double previous = 0;
        for (int i = 0; i < n; i++) {
            double at = fraction(ring.token(i));
            arcs.add(previous, at, ring.holder(i));
            previous = at;
        }
        arcs.add(previous, 1.0, wrapOwner);
        return arcs.build();
    }

    private static List<Arc> sampledArcs(Sharder sharder) {
        ArcBuilder arcs = new ArcBuilder();
        long[] keys = sampleKeys();
        for (int i = 0; i < SAMPLES; i++) {
            arcs.add((double) i / SAMPLES, (double) (i + 1) / SAMPLES, sharder.owner(keys[i], Op.READ_WRITE).name());
        }
        return arcs.build();
    }

    /** The middle key of each of the {@link #SAMPLES} equal slices of the circle. */
    static long[] sampleKeys() {
        long[] keys = new long[SAMPLES];
        int shift = 64 - Integer.numberOfTrailingZeros(SAMPLES);
        for (int i = 0; i < SAMPLES; i++) {
            keys[i] = ((long) i << shift) | (1L << (shift - 1));
        }
        return keys;
    }

    private static long[] withTarget(long[] keys, boolean present, long key) {
        if (!present) {
            return keys;
        }
        long[] all = Arrays.copyOf(keys, keys.length + 1);
        all[keys.length] = key;
        return all;
    }

    /** An unsigned 64-bit key as a fraction of the circle, in [0, 1). */
    public static double fraction(long key) {
        double f = (key >>> 1) * 2.0 / TWO_TO_64;
        return Math.min(f, Math.nextDown(1.0));
    }

    /** Collects arcs in circle order, merging neighbours of one node and dropping empty ones. */
    private static final class ArcBuilder {
        private final List<Arc> arcs = new ArrayList<>();
        private double start = -1;
        private double end;
        private String node;

        void add(double from, double to, String owner) {
            if (!(to > from)) {
                return;
            }
            if (owner.equals(node) && from == end) {
                end = to;
                return;
            }
            flush();
            start = from;
            end = to;
            node = owner;
        }

        private void flush() {
            if (node != null) {
                arcs.add(new Arc(start, end, node));
            }
        }

        List<Arc> build() {
            flush();
            node = null;
            return arcs;
        }
    }
}
