package io.fleetlab.core.rebalance;

import io.fleetlab.core.ring.Op;
import java.util.Objects;

/**
 * How a component takes part in clustering.
 *
 * @param enabled        whether the component distributes its targets; when false it scrapes all
 *                       of them, like a component without {@code clustering { enabled = true }}
 * @param minClusterSize Alloy's wait-for-size: while the view has fewer peers, the node owns
 *                       nothing (0 disables the wait)
 * @param op             the ring to look targets up on; Alloy's scrape components use
 *                       {@link Op#READ_WRITE}
 */
public record ClusteringOptions(boolean enabled, int minClusterSize, Op op) {
    public ClusteringOptions {
        Objects.requireNonNull(op, "op");
        if (minClusterSize < 0) {
            throw new IllegalArgumentException("minimum cluster size must not be negative: " + minClusterSize);
        }
    }

    /** Clustering on, no size wait, read-write ring: what Alloy's scrape components do. */
    public static ClusteringOptions alloyDefaults() {
        return new ClusteringOptions(true, 0, Op.READ_WRITE);
    }

    /** Clustering off: the component owns every target it discovers. */
    public static ClusteringOptions disabled() {
        return new ClusteringOptions(false, 0, Op.READ_WRITE);
    }

    /** These options with a minimum cluster size. */
    public ClusteringOptions withMinClusterSize(int size) {
        return new ClusteringOptions(enabled, size, op);
    }
}
