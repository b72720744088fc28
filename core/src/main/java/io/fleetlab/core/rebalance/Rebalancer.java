package io.fleetlab.core.rebalance;

import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.ring.Sharder;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * One component's share of the work on one node: the targets it discovered, looked up on the
 * node's current view of the peers. Every node runs its own rebalancer on its own, possibly
 * stale, view; nothing coordinates them, which is why views that disagree cause targets to be
 * scraped twice or not at all.
 *
 * <p>Rules, as in Alloy ({@code internal/component/discovery/distributed_targets.go}): a lookup
 * that fails (no eligible node) makes the local node take the target (fail open); while the
 * cluster is not ready (below the minimum cluster size) the node owns nothing; with clustering
 * disabled it owns everything. A node that has never seen a peer set is a one-node cluster.
 *
 * <p>Lookups come from an {@link OwnershipStrategy}: by default the node's own sharder, on which
 * a change of Alloy's ring is applied incrementally (only the arcs that changed hands to or from
 * this node are visited, {@link #lastUpdateWasIncremental()}). Views arrive through one path,
 * {@link #setPeers(Collection, boolean)}. Not thread-safe.
 */
public final class Rebalancer {
    private final String localName;
    private final OwnershipStrategy strategy;
    private final ClusteringOptions options;
    private TargetSet targets = TargetSet.of(new long[0]);
    private BitSet owned = new BitSet();
    private List<Peer> peers;
    private boolean ready;
    private boolean viewGiven;
    /** What the strategy answered last for the current targets, or null: the base of an incremental update. */
    private BitSet strategyAnswer;
    private boolean incremental;

    /** A rebalancer for the node {@code localName} that looks targets up on its own {@code sharder}. */
    public Rebalancer(String localName, Sharder sharder, ClusteringOptions options) {
        this(localName, OwnershipStrategy.ownRing(sharder), options);
    }

    /** A rebalancer for the node {@code localName} whose lookups come from {@code strategy}. */
    public Rebalancer(String localName, OwnershipStrategy strategy, ClusteringOptions options) {
        this.localName = Objects.requireNonNull(localName, "localName");
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.options = Objects.requireNonNull(options, "options");
        this.peers = List.of(new Peer(localName, localName, PeerState.PARTICIPANT, true));
        this.ready = peers.size() >= options.minClusterSize();
    }

    /**
     * Replaces the discovered targets ({@code keys[i]} is target {@code i}'s key) and recomputes
     * ownership. {@code started} indexes the new array, {@code stopped} the previous one.
     */
    public OwnershipChange setTargets(long[] newKeys) {
        return setTargets(TargetSet.of(newKeys));
    }

    /** As {@link #setTargets(long[])}, sharing an immutable target set with other rebalancers. */
    public OwnershipChange setTargets(TargetSet newTargets) {
        TargetSet old = targets;
        BitSet oldOwned = owned;
        applyTargets(newTargets);
        return diffByKey(old, oldOwned);
    }

    /**
     * As {@link #setTargets(TargetSet)} for a caller that reads the owned set later instead of the
     * change (a scrape manager diffing at its reload tick): the change is not computed, which for a
     * node starting with a hundred thousand targets was a list of every one of them.
     */
    public void applyTargets(TargetSet newTargets) {
        targets = Objects.requireNonNull(newTargets, "newTargets");
        strategyAnswer = null;
        owned = compute(false);
    }

    /**
     * Applies a new view, ready when it has at least the options' minimum cluster size, and returns
     * what this node starts and stops scraping.
     */
    public OwnershipChange setPeers(Collection<Peer> newPeers) {
        return setPeers(newPeers, newPeers.size() >= options.minClusterSize());
    }

    /**
     * Applies a new view and returns what this node starts and stops scraping: the one path every
     * view takes. {@code clusterReady} is Alloy's {@code Cluster.Ready()}: false while the cluster
     * waits for its minimum size (the caller decides, since Alloy's wait has a deadline); a node
     * that is not ready owns nothing.
     */
    public OwnershipChange setPeers(Collection<Peer> newPeers, boolean clusterReady) {
        BitSet previous = owned;
        takePeers(newPeers, clusterReady);
        owned = compute(false); // previous is diffed below: the strategy must not change it
        return diffByIndex(previous, owned);
    }

    /**
     * As {@link #setPeers(Collection, boolean)} for a caller that reads the owned set later instead
     * of the change ({@link #changeSince}): the change is not computed, and the owned set may be
     * updated in place.
     */
    public void applyPeers(Collection<Peer> newPeers, boolean clusterReady) {
        takePeers(newPeers, clusterReady);
        owned = compute(true); // the owned set is never handed out, only copied or diffed
    }

    private void takePeers(Collection<Peer> newPeers, boolean clusterReady) {
        peers = List.copyOf(newPeers);
        ready = clusterReady;
        viewGiven = true;
    }

    /**
     * What changed from owning {@code before} (indexed like the current targets) to the owned set
     * now: what a scrape manager applies at its reload. Nothing is copied.
     */
    public OwnershipChange changeSince(BitSet before) {
        return OwnershipChange.between(before, owned);
    }

    /** Recomputes every target from scratch on the current view; the reference the fast path must equal. */
    public OwnershipChange recomputeAll() {
        BitSet previous = owned;
        strategyAnswer = null;
        owned = compute(false);
        return diffByIndex(previous, owned);
    }

    /** Whether the node scrapes target {@code index}. */
    public boolean owns(int index) {
        return owned.get(index);
    }

    /** How many targets the node scrapes. */
    public int ownedCount() {
        return owned.cardinality();
    }

    /** The targets the node scrapes, as a copy. */
    public BitSet ownedSet() {
        return (BitSet) owned.clone();
    }

    /** Number of discovered targets. */
    public int targetCount() {
        return targets.size();
    }

    /** The discovered targets. */
    public TargetSet targets() {
        return targets;
    }

    /** Whether the last peer change took the incremental (arc-diff) path rather than a full recompute. */
    public boolean lastUpdateWasIncremental() {
        return incremental;
    }

    /** The local node's name. */
    public String localName() {
        return localName;
    }

    /** The owned set on the current view and targets; {@code reuse}: the last answer may be changed in place. */
    private BitSet compute(boolean reuse) {
        incremental = false;
        if (options.enabled() && !ready) {
            strategyAnswer = null;
            return new BitSet(targets.size());
        }
        if (!options.enabled() || !viewGiven) {
            // clustering off, or a one-node cluster of a participant: everything is ours
            strategyAnswer = null;
            BitSet all = new BitSet(targets.size());
            all.set(0, targets.size());
            return all;
        }
        BitSet answer = reuse
                ? strategy.ownedReusing(localName, targets, peers, options.op(), strategyAnswer)
                : strategy.owned(localName, targets, peers, options.op(), strategyAnswer);
        incremental = strategyAnswer != null && strategy.lastWasIncremental();
        strategyAnswer = answer;
        return answer;
    }

    private static OwnershipChange diffByIndex(BitSet before, BitSet after) {
        return OwnershipChange.between(before, after);
    }

    private OwnershipChange diffByKey(TargetSet old, BitSet oldOwned) {
        if (old.size() == 0) {
            return OwnershipChange.between(oldOwned, owned); // the first targets: every owned one starts
        }
        SortedKeys oldSorted = old.sorted();
        SortedKeys sorted = targets.sorted();
        IntListBuilder started = new IntListBuilder();
        IntListBuilder stopped = new IntListBuilder();
        for (int i = 0; i < targets.size(); i++) {
            int before = oldSorted.indexOf(targets.key(i));
            if (owned.get(i) && (before < 0 || !oldOwned.get(before))) {
                started.add(i);
            }
        }
        for (int i = 0; i < old.size(); i++) {
            int after = sorted.indexOf(old.key(i));
            if (oldOwned.get(i) && (after < 0 || !owned.get(after))) {
                stopped.add(i);
            }
        }
        return new OwnershipChange(started.toSortedArray(), stopped.toSortedArray());
    }
}
