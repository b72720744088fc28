package io.fleetlab.core.ring;

import io.fleetlab.core.peer.Peer;
import java.util.Arrays;
import java.util.Collection;

/**
 * Consistent hashing with bounded loads (Mirrokni, Thorup and Zadimoghaddam, 2018) on Alloy's
 * token ring: no node takes more than {@code ceil(c * keys / nodes)} keys; a key whose ring owner
 * is full walks clockwise to the next node with room. Keys are placed in ascending order so every
 * node computes the same assignment. Keys outside the population get the plain ring owner.
 */
public final class BoundedLoadRing extends AbstractSharder implements KeyAwareSharder {
    /** The capacity factor commonly used in practice (25% above the mean). */
    public static final double DEFAULT_CAPACITY_FACTOR = 1.25;

    private final AlloyRing ring;
    private final double capacityFactor;
    private long[] keys = new long[0];
    private Assignment read = Assignment.EMPTY;
    private Assignment readWrite = read;

    /** Sorted keys and the node index each was given. */
    private record Assignment(long[] keys, int[] owners) {
        static final Assignment EMPTY = new Assignment(new long[0], new int[0]);

        int find(long key) {
            int lo = 0;
            int hi = keys.length - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int c = Long.compareUnsigned(keys[mid], key);
                if (c == 0) {
                    return mid;
                } else if (c < 0) {
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return -1;
        }
    }

    /** A bounded-load ring with {@code tokensPerNode} tokens and capacity factor {@code c > 1}. */
    public BoundedLoadRing(int tokensPerNode, double capacityFactor) {
        if (!(capacityFactor > 1.0)) {
            throw new IllegalArgumentException("capacity factor must be above 1, got " + capacityFactor);
        }
        this.ring = new AlloyRing(tokensPerNode);
        this.capacityFactor = capacityFactor;
    }

    @Override
    public void setKeys(long[] newKeys) {
        long[] sorted = newKeys.clone();
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] ^= Long.MIN_VALUE; // signed order of flipped values is unsigned order
        }
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i] ^ Long.MIN_VALUE;
            }
        }
        keys = Arrays.copyOf(sorted, distinct);
        read = assign(Op.READ);
        readWrite = assign(Op.READ_WRITE);
    }

    @Override
    void rebuild(Op op, String[] sortedNames) {
        // The inner ring is given the peers whole, in afterPeers.
    }

    @Override
    void shareReadStructure() {}

    /** Keeps the inner ring and the assignments in step with the peers given to this sharder. */
    @Override
    void afterPeers(Collection<Peer> peers) {
        ring.setPeers(peers);
        read = assign(Op.READ);
        readWrite = assign(Op.READ_WRITE);
    }

    private Assignment assign(Op op) {
        int nodes = ring.eligibleCount(op);
        if (nodes == 0 || keys.length == 0) {
            return Assignment.EMPTY;
        }
        TokenRing tokens = ringOf(op);
        int capacity = (int) Math.ceil(capacityFactor * keys.length / nodes);
        int[] load = new int[nodes];
        int[] owners = new int[keys.length];
        for (int k = 0; k < keys.length; k++) {
            int index = tokens.successor(keys[k]);
            while (load[tokens.ownerAt(index)] >= capacity) {
                index = index + 1 == tokens.tokenCount() ? 0 : index + 1;
            }
            owners[k] = tokens.ownerAt(index);
            load[owners[k]]++;
        }
        return new Assignment(keys, owners);
    }

    private TokenRing ringOf(Op op) {
        return ring.tokenRing(op);
    }

    @Override
    int primary(long key, Op op) {
        Assignment a = op == Op.READ ? read : readWrite;
        int at = a.find(key);
        return at >= 0 ? a.owners()[at] : ringOf(op).primary(key);
    }

    @Override
    void owners(long key, int n, Op op, int[] out) {
        int first = primary(key, op);
        ringOf(op).walk(key, Math.min(n + 1, ring.eligibleCount(op)), scratch(n + 1), seen(op));
        out[0] = first;
        int found = 1;
        for (int i = 0; found < n; i++) {
            if (walked[i] != first) {
                out[found++] = walked[i];
            }
        }
    }

    private int[] walked = new int[0];
    private boolean[] seenRead = new boolean[0];

    private int[] scratch(int size) {
        if (walked.length < size) {
            walked = new int[size];
        }
        return walked;
    }

    private boolean[] seen(Op op) {
        int nodes = ring.eligibleCount(Op.READ);
        if (seenRead.length < nodes) {
            seenRead = new boolean[nodes];
        }
        return seenRead;
    }

    /** The capacity factor c. */
    public double capacityFactor() {
        return capacityFactor;
    }

    @Override
    public HashingAlgorithm algorithm() {
        return HashingAlgorithm.BOUNDED_LOAD;
    }
}
