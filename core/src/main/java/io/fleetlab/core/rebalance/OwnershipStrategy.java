package io.fleetlab.core.rebalance;

import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.ring.HashingAlgorithm;
import io.fleetlab.core.ring.Op;
import io.fleetlab.core.ring.Sharder;
import java.util.BitSet;
import java.util.List;

/**
 * Where a {@link Rebalancer}'s lookups come from. Alloy's way, and the default, is that every node
 * looks its targets up on its own ring ({@link #ownRing}); a simulator that runs thousands of
 * nodes may instead share the lookups of one view between all nodes that hold it. Either way the
 * rebalancer applies Alloy's rules (fail open, wait for size, clustering disabled) on top, through
 * its one {@link Rebalancer#setPeers(java.util.Collection, boolean)} path.
 *
 * <p>An instance serves one node's one component and is called on that node's thread only.
 */
public interface OwnershipStrategy {
    /**
     * The targets {@code localName} owns under {@code peers} on {@code op}'s ring, as a set
     * indexed like {@code targets}: target {@code i} is owned when the node is its primary owner,
     * or when its lookup fails (fail open). The answer is {@code previous} itself when nothing
     * changed, else a new set; no one modifies a set once it was answered.
     *
     * @param previous what this strategy answered on its previous call for the same {@code targets}
     *                 and the same node, or null when there was none (or the targets changed since);
     *                 an incremental strategy may start from it; never modified
     */
    BitSet owned(String localName, TargetSet targets, List<Peer> peers, Op op, BitSet previous);

    /**
     * As {@link #owned}, for a caller that holds {@code previous} nowhere else and reads it no
     * more: the answer may be {@code previous} itself, changed in place (no copy of every target's
     * bit per view). The answer is the same set of targets as {@link #owned}'s.
     */
    default BitSet ownedReusing(String localName, TargetSet targets, List<Peer> peers, Op op, BitSet previous) {
        return owned(localName, targets, peers, op, previous);
    }

    /** Whether the last {@link #owned} answer was computed incrementally (for tests and benchmarks). */
    default boolean lastWasIncremental() {
        return false;
    }

    /** Makes one strategy per node and component. */
    @FunctionalInterface
    interface Factory {
        /** A strategy for the component of the node {@code localName}. */
        OwnershipStrategy create(String localName);
    }

    /** Alloy's way: the node's own {@code sharder} (not shared with anyone else), arc-diffed on Alloy's ring. */
    static OwnershipStrategy ownRing(Sharder sharder) {
        return new RingOwnership(sharder);
    }

    /** Each node gets its own sharder of {@code algorithm} with {@code tokensPerNode}. */
    static Factory ownRing(HashingAlgorithm algorithm, int tokensPerNode) {
        java.util.Objects.requireNonNull(algorithm, "algorithm");
        return localName -> new RingOwnership(algorithm.create(tokensPerNode));
    }
}
