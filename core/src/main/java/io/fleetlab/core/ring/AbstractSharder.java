package io.fleetlab.core.ring;

import io.fleetlab.core.peer.Peer;
import java.util.Collection;
import java.util.List;

/**
 * What every algorithm shares: one structure per {@link Op} over that op's eligible peers, the
 * argument checks and the error Alloy reports when a lookup asks for too many owners.
 * Subclasses answer with node indices into the sorted eligible names.
 */
abstract class AbstractSharder implements Sharder {
    private EligiblePeers read = new EligiblePeers(new String[0], new Peer[0]);
    private EligiblePeers readWrite = read;
    private int[] scratch = new int[0];

    @Override
    public final void setPeers(Collection<Peer> peers) {
        EligiblePeers.requireDistinctNames(peers);
        EligiblePeers newRead = EligiblePeers.of(peers, Op.READ);
        EligiblePeers newReadWrite = EligiblePeers.of(peers, Op.READ_WRITE);
        rebuild(Op.READ, newRead.names());
        if (newReadWrite.sameNames(newRead)) {
            shareReadStructure();
        } else {
            rebuild(Op.READ_WRITE, newReadWrite.names());
        }
        read = newRead;
        readWrite = newReadWrite;
        scratch = new int[Math.max(newRead.size(), 1)];
        afterPeers(peers);
    }

    /** A hook for algorithms that need the peers whole once the eligible sets are known. */
    void afterPeers(Collection<Peer> peers) {}

    @Override
    public final List<Peer> lookup(long key, int n, Op op) {
        if (n < 0) {
            throw new IllegalArgumentException("number of owners must not be negative: " + n);
        }
        EligiblePeers eligible = eligible(op);
        if (n > eligible.size()) {
            throw new NotEnoughNodesException(n, eligible.size());
        }
        if (n == 0) {
            return List.of();
        }
        owners(key, n, op, scratch);
        Peer[] result = new Peer[n];
        for (int i = 0; i < n; i++) {
            result[i] = eligible.peers()[scratch[i]];
        }
        return List.of(result);
    }

    @Override
    public final Peer owner(long key, Op op) {
        EligiblePeers eligible = eligible(op);
        if (eligible.size() == 0) {
            throw new NotEnoughNodesException(1, 0);
        }
        return eligible.peers()[primary(key, op)];
    }

    /** The number of peers eligible for {@code op}. */
    public final int eligibleCount(Op op) {
        return eligible(op).size();
    }

    private EligiblePeers eligible(Op op) {
        return op == Op.READ ? read : readWrite;
    }

    /** Rebuilds the structure for {@code op} over {@code sortedNames} (may be empty). */
    abstract void rebuild(Op op, String[] sortedNames);

    /** Makes READ_WRITE use the READ structure, because both have the same nodes. */
    abstract void shareReadStructure();

    /** Index of the primary owner; at least one node is eligible. */
    abstract int primary(long key, Op op);

    /** Writes {@code n} distinct owner indices into {@code out}; {@code 1 <= n <= eligible}. */
    abstract void owners(long key, int n, Op op, int[] out);
}
