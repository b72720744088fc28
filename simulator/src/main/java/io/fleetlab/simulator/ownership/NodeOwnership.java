package io.fleetlab.simulator.ownership;

import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.rebalance.OwnershipStrategy;
import io.fleetlab.core.rebalance.TargetSet;
import io.fleetlab.core.ring.Op;
import java.util.BitSet;
import java.util.List;

/**
 * One node's ownership strategy on Alloy's ring over the run's shared {@link TokenIndex}: which
 * targets the node is the primary owner of under its own view. A view change walks only this
 * node's own arcs (from each of its tokens back to the previous token of an admitted node: about a
 * 1/V share of the index for V admitted nodes) and sets the targets on them: never a ring rebuild,
 * a pass over every token, or a lookup of every target. The node's rebalancer applies Alloy's rules
 * on top and diffs the answer with the last one, as it does with the node's own ring; a property
 * test holds the two to the same answers.
 *
 * <p>An arc-diff path (walking from the tokens of the nodes that entered or left the view back to a
 * node in both views) was measured slower in every case that matters: each changed token walks
 * about (nodes / stable nodes) tokens, more than this node's own arcs hold.
 */
public final class NodeOwnership implements OwnershipStrategy {
    private final TokenIndex index;
    private final String localName;
    private final int self;
    private final BitSet owned = new BitSet();

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
        int[] ids = index.idsOf(peers, op);
        for (int k = 0, n = peers.size(); k < n; k++) {
            int id = ids[k];
            if (id >= 0) {
                if (!next.get(id)) {
                    next.set(id);
                    nextCount++;
                }
            }
        }
        index.ensureBuilt();
        walkOwnArcs(next, nextCount);
        return (BitSet) owned.clone();
    }

    /**
     * This node's own arcs under the view. The global arc at token {@code h} belongs
     * to the holder of the first admitted token at or after {@code h}, so this node owns, for each
     * of its tokens, the arcs back to (not including) the previous admitted token: walking them
     * visits only the tokens this node owns (about a 1/V share of the index for V admitted nodes).
     */
    private void walkOwnArcs(BitSet view, int admittedNodes) {
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
                setArc(h);
                h = h == 0 ? g - 1 : h - 1;
            } while (!view.get(index.holder(h)));
        }
    }

    private void setArc(int h) {
        setPositions(index.arcStart(h), index.arcEnd(h));
        if (h == 0) {
            setPositions(index.wrapStart(), index.targetCount());
        }
    }

    private void setPositions(int from, int to) {
        for (int pos = from; pos < to; pos++) {
            owned.set(index.targetAt(pos));
        }
    }
}
