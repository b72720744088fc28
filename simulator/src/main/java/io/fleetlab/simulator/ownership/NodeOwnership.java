package io.fleetlab.simulator.ownership;

import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.rebalance.OwnershipStrategy;
import io.fleetlab.core.rebalance.TargetSet;
import io.fleetlab.core.ring.Op;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * One node's ownership strategy on Alloy's ring over the run's shared {@link TokenIndex}: which
 * targets the node is the primary owner of under its own view, kept up to date from the arcs that
 * changed hands. A view change visits only the tokens of the nodes that entered or left the view
 * (and the arcs back to the nearest token of a node in both views), never a ring rebuild or a
 * lookup of every target. The node's rebalancer applies Alloy's rules on top, as it does with the
 * node's own ring; a property test holds the two to the same answers.
 */
public final class NodeOwnership implements OwnershipStrategy {
    private final TokenIndex index;
    private final String localName;
    private final int self;
    private final BitSet owned = new BitSet();
    private BitSet admitted;
    private int admittedCount;
    private Op lastOp;
    private boolean incremental;

    NodeOwnership(TokenIndex index, String localName) {
        this.index = index;
        this.localName = localName;
        this.self = index.idOf(localName);
    }

    @Override
    public BitSet owned(String name, TargetSet targets, List<Peer> peers, Op op, BitSet previous) {
        if (targets != index.targets() || !name.equals(localName)) {
            throw new IllegalArgumentException("this strategy serves " + localName + " on the run's target set");
        }
        BitSet next = new BitSet(index.nodeCount());
        int nextCount = 0;
        for (Peer p : peers) {
            if (op.admits(p.state())) {
                int id = index.idOf(p.name());
                if (!next.get(id)) {
                    next.set(id);
                    nextCount++;
                }
            }
        }
        index.ensureBuilt();
        BitSet before = admitted;
        boolean comparable = before != null && op == lastOp && admittedCount > 0 && nextCount > 0;
        admitted = next;
        admittedCount = nextCount;
        lastOp = op;
        incremental = false;
        if (comparable) {
            BitSet changed = (BitSet) before.clone();
            changed.xor(next);
            BitSet stable = (BitSet) before.clone();
            stable.and(next);
            int stableCount = stable.cardinality();
            // each changed token walks back to a stable one, about (nodes / stable nodes) tokens
            // away: with few stable nodes (a fleet starting up) or many changes, walking this
            // node's own arcs afresh is cheaper
            if (stableCount > 0 && 2L * changed.cardinality() <= stableCount
                    && 4L * stableCount >= index.nodeCount()) {
                incremental = true;
                applyArcs(changed, stable, before, next);
                return (BitSet) owned.clone();
            }
        }
        recomputeAll(next, nextCount);
        return (BitSet) owned.clone();
    }

    @Override
    public boolean lastWasIncremental() {
        return incremental;
    }

    /**
     * From scratch: this node's own arcs under the view. The global arc at token {@code h} belongs
     * to the holder of the first admitted token at or after {@code h}, so this node owns, for each
     * of its tokens, the arcs back to (not including) the previous admitted token: walking them
     * visits only the tokens this node owns (about a 1/V share of the index for V admitted nodes).
     */
    private void recomputeAll(BitSet view, int admittedNodes) {
        owned.clear();
        if (admittedNodes == 0) {
            owned.set(0, index.targetCount()); // no node to own anything: fail open
            return;
        }
        if (!view.get(self)) {
            return;
        }
        int g = index.tokenCount();
        for (int p : index.positionsOf(self)) {
            int h = p;
            do {
                assignArc(h, true);
                h = h == 0 ? g - 1 : h - 1;
            } while (!view.get(index.holder(h)));
        }
    }

    /**
     * Visits, for each token of a node that entered or left the view, the arcs back to the
     * nearest token whose node is in both views: only there can an owner have changed. Each arc's
     * owner before and after is the node of the first token at or after it that the old and the new
     * view admit; only arcs that this node gained or lost touch their targets. Ranges are visited
     * from the highest token down, so a range that covers the next token is not walked twice.
     */
    private void applyArcs(BitSet changed, BitSet stable, BitSet before, BitSet next) {
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
            int ownerBefore = firstAdmittedFrom(top, before);
            int ownerAfter = firstAdmittedFrom(top, next);
            int last = p + 1 == g ? 0 : p + 1;
            for (int h = top; ; h = h == 0 ? g - 1 : h - 1) {
                int holder = index.holder(h);
                if (before.get(holder)) {
                    ownerBefore = holder;
                }
                if (next.get(holder)) {
                    ownerAfter = holder;
                }
                if ((ownerBefore == self) != (ownerAfter == self)) {
                    assignArc(h, ownerAfter == self);
                }
                if (h == last) {
                    break;
                }
            }
            coveredFrom = p < top ? p + 1 : 0;
        }
    }

    /** The node of the first token at or after {@code from} (wrapping) that {@code view} admits; it admits one. */
    private int firstAdmittedFrom(int from, BitSet view) {
        int g = index.tokenCount();
        int j = from;
        while (!view.get(index.holder(j))) {
            j = j + 1 == g ? 0 : j + 1;
        }
        return index.holder(j);
    }

    /** The index positions of the changed nodes' tokens, ascending. */
    private int[] changedPositions(BitSet changed) {
        int total = 0;
        for (int id = changed.nextSetBit(0); id >= 0; id = changed.nextSetBit(id + 1)) {
            total += index.positionsOf(id).length;
        }
        int[] out = new int[total];
        int at = 0;
        int g = index.tokenCount();
        if ((long) total * 16 > g) {
            // many nodes changed: one pass over the index beats sorting their tokens
            for (int pos = 0; pos < g; pos++) {
                if (changed.get(index.holder(pos))) {
                    out[at++] = pos;
                }
            }
            return out;
        }
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
            owned.set(index.targetAt(pos), mine);
        }
    }
}
