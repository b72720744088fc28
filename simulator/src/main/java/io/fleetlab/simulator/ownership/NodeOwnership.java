package io.fleetlab.simulator.ownership;

import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.rebalance.ClusteringOptions;
import io.fleetlab.core.rebalance.OwnershipChange;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;

/**
 * Which targets one node owns on Alloy's ring under its own view, kept up to date from the arcs
 * that changed hands: a view change visits only the tokens of the nodes that entered or left the
 * view (and the arcs back to the nearest token of a node in both views), never a ring rebuild or
 * a lookup of every target. The rules are the core {@code Rebalancer}'s, which a property test
 * holds this to: a view below the minimum cluster size owns nothing, disabled clustering owns
 * everything, and a view that admits no node fails open (owns everything).
 *
 * <p>Before its first view the node is a one-node cluster of itself as a participant, as a fresh
 * rebalancer is.
 */
public final class NodeOwnership {
    private final TokenIndex index;
    private final int self;
    private final ClusteringOptions options;
    private final BitSet owned;
    private BitSet admitted = new BitSet();
    private int admittedCount;
    private int viewSize;
    private boolean incremental;
    private final IntList started = new IntList();
    private final IntList stopped = new IntList();

    public NodeOwnership(TokenIndex index, String localName, ClusteringOptions options) {
        this.index = index;
        this.self = index.idOf(localName);
        this.options = options;
        this.viewSize = 1;
        if (options.op().admits(PeerState.PARTICIPANT)) {
            admitted.set(self);
            admittedCount = 1;
        }
        this.owned = ownedUnder(admitted, admittedCount, viewSize);
    }

    /** Applies a new view of the peers and returns what this node starts and stops scraping. */
    public OwnershipChange apply(Collection<Peer> peers) {
        BitSet next = new BitSet(index.nodeCount());
        int nextCount = 0;
        for (Peer p : peers) {
            if (options.op().admits(p.state())) {
                int id = index.idOf(p.name());
                if (!next.get(id)) {
                    next.set(id);
                    nextCount++;
                }
            }
        }
        index.ensureBuilt();
        boolean wasNormal = normal(admittedCount, viewSize);
        BitSet before = admitted;
        admitted = next;
        admittedCount = nextCount;
        viewSize = peers.size();
        incremental = false;
        if (wasNormal && normal(nextCount, viewSize)) {
            BitSet changed = (BitSet) before.clone();
            changed.xor(next);
            if (changed.isEmpty()) {
                incremental = true;
                return OwnershipChange.none();
            }
            BitSet stable = (BitSet) before.clone();
            stable.and(next);
            int stableCount = stable.cardinality();
            // each changed token walks back to a stable one, about nodes/stable tokens away:
            // past about half the ring in total, one pass over everything is cheaper
            if (stableCount > 0 && 2L * changed.cardinality() <= stableCount) {
                incremental = true;
                return applyArcs(changed, stable, next);
            }
        }
        return replaceWith(ownedUnder(next, nextCount, viewSize));
    }

    /** Whether the node owns target {@code t}. */
    public boolean owns(int t) {
        return owned.get(t);
    }

    public int ownedCount() {
        return owned.cardinality();
    }

    public int targetCount() {
        return index.targetCount();
    }

    /** The owned targets, ascending. */
    public int[] ownedTargets() {
        return owned.stream().toArray();
    }

    /** Whether the last view change took the arc path rather than a pass over everything. */
    public boolean lastUpdateWasIncremental() {
        return incremental;
    }

    private boolean normal(int admittedNodes, int size) {
        return options.enabled() && size >= options.minClusterSize() && admittedNodes > 0;
    }

    private BitSet ownedUnder(BitSet view, int admittedNodes, int size) {
        int n = index.targetCount();
        BitSet result = new BitSet(n);
        if (!options.enabled() || (size >= options.minClusterSize() && admittedNodes == 0)) {
            result.set(0, n); // disabled, or no node to own anything: fail open
            return result;
        }
        if (size < options.minClusterSize() || !view.get(self)) {
            return result;
        }
        index.ensureBuilt();
        int g = index.tokenCount();
        int first = 0;
        while (!view.get(index.holder(first))) {
            first++;
        }
        int owner = index.holder(first); // keys past the last token wrap to the first admitted one
        if (owner == self) {
            markPositions(result, index.wrapStart(), n);
        }
        for (int h = g - 1; h >= 0; h--) {
            int holder = index.holder(h);
            if (view.get(holder)) {
                owner = holder;
            }
            if (owner == self) {
                markPositions(result, index.arcStart(h), index.arcEnd(h));
            }
        }
        return result;
    }

    private void markPositions(BitSet result, int from, int to) {
        for (int pos = from; pos < to; pos++) {
            result.set(index.targetAt(pos));
        }
    }

    private OwnershipChange replaceWith(BitSet next) {
        BitSet flipped = (BitSet) owned.clone();
        flipped.xor(next);
        started.clear();
        stopped.clear();
        for (int t = flipped.nextSetBit(0); t >= 0; t = flipped.nextSetBit(t + 1)) {
            (next.get(t) ? started : stopped).add(t);
        }
        owned.clear();
        owned.or(next);
        return change();
    }

    /**
     * Visits, for each token of a node that entered or left the view, the arcs back to the
     * nearest token whose node is in both views: only there can an owner have changed. Ranges
     * are visited from the highest token down, so a range that covers the next token is not
     * walked twice; re-walking an arc would be harmless, as each arc is set, not toggled.
     */
    private OwnershipChange applyArcs(BitSet changed, BitSet stable, BitSet next) {
        started.clear();
        stopped.clear();
        int[] positions = changedPositions(changed);
        int g = index.tokenCount();
        int coveredFrom = Integer.MAX_VALUE;
        for (int i = positions.length - 1; i >= 0; i--) {
            int top = positions[i];
            if (top >= coveredFrom) {
                continue;
            }
            int p = top;
            do {
                p = p == 0 ? g - 1 : p - 1;
            } while (!stable.get(index.holder(p)));
            int j = top;
            while (!next.get(index.holder(j))) {
                j = j + 1 == g ? 0 : j + 1;
            }
            int owner = index.holder(j);
            int last = p + 1 == g ? 0 : p + 1;
            for (int h = top; ; h = h == 0 ? g - 1 : h - 1) {
                int holder = index.holder(h);
                if (next.get(holder)) {
                    owner = holder;
                }
                assignArc(h, owner == self);
                if (h == last) {
                    break;
                }
            }
            coveredFrom = p < top ? p + 1 : 0;
        }
        return change();
    }

    private int[] changedPositions(BitSet changed) {
        int total = 0;
        for (int id = changed.nextSetBit(0); id >= 0; id = changed.nextSetBit(id + 1)) {
            total += index.positionsOf(id).length;
        }
        int[] out = new int[total];
        int at = 0;
        for (int id = changed.nextSetBit(0); id >= 0; id = changed.nextSetBit(id + 1)) {
            int[] own = index.positionsOf(id);
            System.arraycopy(own, 0, out, at, own.length);
            at += own.length;
        }
        Arrays.sort(out);
        return out;
    }

    private void assignArc(int h, boolean mine) {
        assignPositions(index.arcStart(h), index.arcEnd(h), mine);
        if (h == 0) {
            assignPositions(index.wrapStart(), index.targetCount(), mine);
        }
    }

    private void assignPositions(int from, int to, boolean mine) {
        for (int pos = from; pos < to; pos++) {
            int t = index.targetAt(pos);
            if (owned.get(t) != mine) {
                owned.set(t, mine);
                (mine ? started : stopped).add(t);
            }
        }
    }

    private OwnershipChange change() {
        if (started.size() == 0 && stopped.size() == 0) {
            return OwnershipChange.none();
        }
        return new OwnershipChange(started.toSortedArray(), stopped.toSortedArray());
    }

    /** A growable int list reused across view changes. */
    private static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        void clear() {
            size = 0;
        }

        int size() {
            return size;
        }

        int[] toSortedArray() {
            int[] out = Arrays.copyOf(values, size);
            Arrays.sort(out);
            return out;
        }
    }
}
