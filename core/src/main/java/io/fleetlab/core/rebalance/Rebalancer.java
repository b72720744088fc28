package io.fleetlab.core.rebalance;

import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.ring.AlloyRing;
import io.fleetlab.core.ring.ArcChanges;
import io.fleetlab.core.ring.KeyAwareSharder;
import io.fleetlab.core.ring.NotEnoughNodesException;
import io.fleetlab.core.ring.RingSnapshot;
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
 * <p>Rules, as in Alloy: a lookup that fails (no eligible node) makes the local node take the
 * target (fail open); below the minimum cluster size the node owns nothing; with clustering
 * disabled it owns everything. A node that has never seen a peer set is a one-node cluster.
 *
 * <p>On Alloy's ring a peer change is applied incrementally: only the arcs that changed hands to
 * or from this node are visited ({@link #lastUpdateWasIncremental()}). Not thread-safe.
 */
public final class Rebalancer {
    private final String localName;
    private final Sharder sharder;
    private final ClusteringOptions options;
    private TargetSet targets = TargetSet.of(new long[0]);
    private BitSet owned = new BitSet();
    private Collection<Peer> peers;
    private boolean incremental;

    /** A rebalancer for the node {@code localName}, using {@code sharder} exclusively. */
    public Rebalancer(String localName, Sharder sharder, ClusteringOptions options) {
        this.localName = Objects.requireNonNull(localName, "localName");
        this.sharder = Objects.requireNonNull(sharder, "sharder");
        this.options = Objects.requireNonNull(options, "options");
        this.peers = List.of(new Peer(localName, localName, PeerState.PARTICIPANT, true));
        sharder.setPeers(peers);
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
        targets = Objects.requireNonNull(newTargets, "newTargets");
        if (sharder instanceof KeyAwareSharder aware) {
            aware.setKeys(targets.keysForSharder());
        }
        owned = computeAll();
        incremental = false;
        return diffByKey(old, oldOwned);
    }

    /**
     * Applies a new view whose lookups were already done in {@code table} (computed for exactly
     * these peers and this rebalancer's targets and op): the rules apply as in
     * {@link #setPeers(Collection)}, but no lookup is repeated. O(targets).
     */
    public OwnershipChange setPeers(Collection<Peer> newPeers, OwnershipTable table) {
        if (table.size() != targets.size()) {
            throw new IllegalArgumentException("ownership table covers " + table.size() + " targets, this rebalancer has "
                    + targets.size());
        }
        peers = List.copyOf(newPeers);
        incremental = false;
        BitSet previous = owned;
        BitSet next = new BitSet(targets.size());
        if (!options.enabled()) {
            next.set(0, targets.size());
        } else if (peers.size() >= options.minClusterSize()) {
            int self = table.idOf(localName);
            for (int i = 0; i < targets.size(); i++) {
                if (table.ownedBy(i, self)) {
                    next.set(i);
                }
            }
        }
        owned = next;
        return diffByIndex(previous, owned);
    }

    /** Applies a new view of the peers and returns what this node starts and stops scraping. */
    public OwnershipChange setPeers(Collection<Peer> newPeers) {
        List<Peer> copy = List.copyOf(newPeers);
        boolean wasNormal = isNormal(peers);
        RingSnapshot before = sharder instanceof AlloyRing ring ? ring.snapshot(options.op()) : null;
        sharder.setPeers(copy);
        peers = copy;
        if (before != null && wasNormal && isNormal(copy) && before.size() > 0) {
            RingSnapshot after = ((AlloyRing) sharder).snapshot(options.op());
            if (after.size() > 0) {
                incremental = true;
                return applyArcs(ArcChanges.between(before, after, localName));
            }
        }
        incremental = false;
        BitSet previous = owned;
        owned = computeAll();
        return diffByIndex(previous, owned);
    }

    /** Recomputes every target from scratch on the current view; the reference the fast path must equal. */
    public OwnershipChange recomputeAll() {
        BitSet previous = owned;
        owned = computeAll();
        incremental = false;
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

    /** Number of discovered targets. */
    public int targetCount() {
        return targets.size();
    }

    /** Whether the last peer change took the arc-diff path rather than a full recompute. */
    public boolean lastUpdateWasIncremental() {
        return incremental;
    }

    /** The local node's name. */
    public String localName() {
        return localName;
    }

    private boolean isNormal(Collection<Peer> view) {
        return options.enabled() && view.size() >= options.minClusterSize() && eligible(view) > 0;
    }

    private int eligible(Collection<Peer> view) {
        int n = 0;
        for (Peer p : view) {
            if (options.op().admits(p.state())) {
                n++;
            }
        }
        return n;
    }

    private BitSet computeAll() {
        BitSet result = new BitSet(targets.size());
        if (!options.enabled()) {
            result.set(0, targets.size());
            return result;
        }
        if (peers.size() < options.minClusterSize()) {
            return result;
        }
        for (int i = 0; i < targets.size(); i++) {
            if (ownsKey(targets.key(i))) {
                result.set(i);
            }
        }
        return result;
    }

    private boolean ownsKey(long key) {
        try {
            return sharder.owner(key, options.op()).name().equals(localName);
        } catch (NotEnoughNodesException e) {
            return true; // fail open: better scraped twice than not at all
        }
    }

    private OwnershipChange applyArcs(ArcChanges arcs) {
        IntListBuilder started = new IntListBuilder();
        IntListBuilder stopped = new IntListBuilder();
        for (int a = 0; a < arcs.size(); a++) {
            boolean gained = arcs.gained()[a];
            targets.sorted().forEachInArc(arcs.startExclusive()[a], arcs.endInclusive()[a], index -> {
                if (owned.get(index) != gained) {
                    owned.set(index, gained);
                    (gained ? started : stopped).add(index);
                }
            });
        }
        return new OwnershipChange(started.toSortedArray(), stopped.toSortedArray());
    }

    private static OwnershipChange diffByIndex(BitSet before, BitSet after) {
        IntListBuilder started = new IntListBuilder();
        IntListBuilder stopped = new IntListBuilder();
        BitSet changed = (BitSet) before.clone();
        changed.xor(after);
        for (int i = changed.nextSetBit(0); i >= 0; i = changed.nextSetBit(i + 1)) {
            (after.get(i) ? started : stopped).add(i);
        }
        return new OwnershipChange(started.toSortedArray(), stopped.toSortedArray());
    }

    private OwnershipChange diffByKey(TargetSet old, BitSet oldOwned) {
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
