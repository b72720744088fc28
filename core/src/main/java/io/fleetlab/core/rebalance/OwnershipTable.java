package io.fleetlab.core.rebalance;

import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.ring.AlloyRing;
import io.fleetlab.core.ring.KeyAwareSharder;
import io.fleetlab.core.ring.RingSnapshot;
import io.fleetlab.core.ring.NotEnoughNodesException;
import io.fleetlab.core.ring.Op;
import io.fleetlab.core.ring.Sharder;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The primary owner of every target of a {@link TargetSet} under one peer set: the ring lookups
 * done once, for any number of rebalancers that share the view (components on one host, or
 * simulated nodes that hold the same view). A target whose lookup failed has no owner, and every
 * rebalancer then takes it (fail open).
 */
public final class OwnershipTable {
    private static final int NO_OWNER = -1;

    private final String[] names;
    private final int[] owners;
    private final int peerCount;

    private OwnershipTable(String[] names, int[] owners, int peerCount) {
        this.names = names;
        this.owners = owners;
        this.peerCount = peerCount;
    }

    /** Looks every target up on {@code sharder} after giving it {@code peers}. */
    public static OwnershipTable compute(Collection<Peer> peers, Sharder sharder, TargetSet targets, Op op) {
        sharder.setPeers(peers);
        if (sharder instanceof KeyAwareSharder aware) {
            aware.setKeys(targets.keysForSharder());
        }
        Map<String, Integer> ids = new HashMap<>();
        List<Peer> list = List.copyOf(peers);
        String[] names = new String[list.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = list.get(i).name();
            ids.put(names[i], i);
        }
        int[] owners = new int[targets.size()];
        if (sharder instanceof AlloyRing ring) {
            mergeWithRing(ring.snapshot(op), targets.sorted(), ids, owners);
            return new OwnershipTable(names, owners, names.length);
        }
        for (int i = 0; i < owners.length; i++) {
            try {
                owners[i] = ids.get(sharder.owner(targets.key(i), op).name());
            } catch (NotEnoughNodesException e) {
                owners[i] = NO_OWNER;
            }
        }
        return new OwnershipTable(names, owners, names.length);
    }

    /**
     * Walks the sorted keys and the sorted tokens together: each key's owner is the holder of
     * the first token at or after it, so the whole table costs one pass over both (no binary
     * search per key). Same answers as {@link Sharder#owner}, which a property test checks.
     */
    private static void mergeWithRing(RingSnapshot ring, SortedKeys keys, Map<String, Integer> ids, int[] owners) {
        if (ring.size() == 0) {
            java.util.Arrays.fill(owners, NO_OWNER);
            return;
        }
        int[] peerIdOfRingNode = new int[ring.nodeCount()];
        for (int k = 0; k < peerIdOfRingNode.length; k++) {
            peerIdOfRingNode[k] = ids.get(ring.nodeName(k));
        }
        int t = 0;
        int tokens = ring.size();
        for (int pos = 0; pos < keys.size(); pos++) {
            long key = keys.keyAt(pos);
            while (t < tokens && Long.compareUnsigned(ring.token(t), key) < 0) {
                t++;
            }
            owners[keys.indexAt(pos)] = peerIdOfRingNode[ring.holderIndex(t == tokens ? 0 : t)];
        }
    }

    /** Number of targets. */
    public int size() {
        return owners.length;
    }

    /** Number of peers in the view the table was computed for. */
    public int peerCount() {
        return peerCount;
    }

    /** The owner's name of target {@code i}, or null when the lookup failed. */
    public String ownerOf(int i) {
        int o = owners[i];
        return o == NO_OWNER ? null : names[o];
    }

    /**
     * The targets {@code name} owns in this table, as a new set: those it is the primary owner of,
     * and those whose lookup failed (fail open).
     */
    public java.util.BitSet ownedBy(String name) {
        int id = idOf(name);
        java.util.BitSet out = new java.util.BitSet(owners.length);
        for (int i = 0; i < owners.length; i++) {
            if (ownedBy(i, id)) {
                out.set(i);
            }
        }
        return out;
    }

    /** The peer id of {@code name} in this table, or -1. */
    int idOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return NO_OWNER - 1;
    }

    /** Whether peer {@code id} owns target {@code i}, counting a failed lookup as owned. */
    boolean ownedBy(int i, int id) {
        int o = owners[i];
        return o == id || o == NO_OWNER;
    }
}
