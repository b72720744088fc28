package io.fleetlab.viewer.ring;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The key circle divided among nodes, plus the selected target and its owner.
 *
 * @param algorithm   the sharding algorithm that produced it
 * @param exact       true when arcs come from the ring's tokens; false when the key space was
 *                    sampled (algorithms without tokens, where ownership is not contiguous)
 * @param arcs        arcs in circle order, covering [0, 1) without gaps, adjacent arcs of one
 *                    node merged
 * @param nodes       the nodes on the ring, in name order
 * @param target      the selected target, if any
 */
public record RingLayout(String algorithm, boolean exact, List<Arc> arcs, List<String> nodes, Optional<Target> target) {

    /**
     * @param name     the target's name (what its key hashes)
     * @param position its key as a fraction of the circle
     * @param owner    the node that owns it
     */
    public record Target(String name, double position, String owner) {}

    public RingLayout {
        arcs = List.copyOf(arcs);
        nodes = List.copyOf(nodes);
    }

    /** The node whose arc holds {@code fraction}, or empty on an empty ring. */
    public Optional<String> ownerAt(double fraction) {
        int lo = 0;
        int hi = arcs.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Arc a = arcs.get(mid);
            if (fraction < a.start()) {
                hi = mid - 1;
            } else if (fraction >= a.end()) {
                lo = mid + 1;
            } else {
                return Optional.of(a.node());
            }
        }
        return Optional.empty();
    }

    /** Fraction of the circle each node owns. */
    public Map<String, Double> shares() {
        Map<String, Double> shares = new TreeMap<>();
        for (Arc a : arcs) {
            shares.merge(a.node(), a.length(), Double::sum);
        }
        return shares;
    }
}
