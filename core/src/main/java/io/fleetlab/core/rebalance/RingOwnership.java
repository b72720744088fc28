package io.fleetlab.core.rebalance;

import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.ring.AlloyRing;
import io.fleetlab.core.ring.ArcChanges;
import io.fleetlab.core.ring.KeyAwareSharder;
import io.fleetlab.core.ring.NotEnoughNodesException;
import io.fleetlab.core.ring.Op;
import io.fleetlab.core.ring.RingSnapshot;
import io.fleetlab.core.ring.Sharder;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * The default {@link OwnershipStrategy}: lookups on the node's own sharder. On Alloy's ring a view
 * change visits only the arcs that changed hands to or from the node (a property test holds that
 * equal to a full recompute); any other sharder, or a first view, is recomputed in full.
 */
final class RingOwnership implements OwnershipStrategy {
    private final Sharder sharder;
    private TargetSet keysGiven;
    private RingSnapshot lastRing;
    private Op lastOp;
    private boolean incremental;

    RingOwnership(Sharder sharder) {
        this.sharder = Objects.requireNonNull(sharder, "sharder");
    }

    @Override
    public BitSet owned(String localName, TargetSet targets, List<Peer> peers, Op op, BitSet previous) {
        if (keysGiven != targets && sharder instanceof KeyAwareSharder aware) {
            aware.setKeys(targets.keysForSharder());
        }
        keysGiven = targets;
        sharder.setPeers(peers);
        RingSnapshot before = lastRing;
        RingSnapshot after = sharder instanceof AlloyRing ring ? ring.snapshot(op) : null;
        boolean sameOp = op == lastOp;
        lastRing = after;
        lastOp = op;
        if (previous != null && before != null && after != null && sameOp && before.size() > 0 && after.size() > 0) {
            incremental = true;
            return applyArcs(ArcChanges.between(before, after, localName), targets, previous);
        }
        incremental = false;
        BitSet result = new BitSet(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            if (ownsKey(targets.key(i), localName, op)) {
                result.set(i);
            }
        }
        return result;
    }

    @Override
    public boolean lastWasIncremental() {
        return incremental;
    }

    private boolean ownsKey(long key, String localName, Op op) {
        try {
            return sharder.owner(key, op).name().equals(localName);
        } catch (NotEnoughNodesException e) {
            return true; // fail open: better scraped twice than not at all
        }
    }

    private static BitSet applyArcs(ArcChanges arcs, TargetSet targets, BitSet previous) {
        BitSet owned = (BitSet) previous.clone();
        for (int a = 0; a < arcs.size(); a++) {
            boolean gained = arcs.gained()[a];
            targets.sorted().forEachInArc(arcs.startExclusive()[a], arcs.endInclusive()[a], index -> owned.set(index, gained));
        }
        return owned;
    }
}
