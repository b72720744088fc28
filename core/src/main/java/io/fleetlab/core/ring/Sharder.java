package io.fleetlab.core.ring;

import io.fleetlab.core.peer.Peer;
import java.util.Collection;
import java.util.List;

/**
 * Maps 64-bit keys to owning peers. Every node computes the same answer from the same peer set,
 * whatever order the peers were given in; that is what lets a fleet share work without a
 * coordinator.
 *
 * <p>Not thread-safe: a sharder belongs to one node's event loop.
 */
public interface Sharder {
    /** Replaces the peer set; lookups afterwards see only these peers. */
    void setPeers(Collection<Peer> peers);

    /**
     * The {@code n} distinct owners of {@code key}, primary first.
     *
     * @return an empty list when {@code n == 0}
     * @throws NotEnoughNodesException when fewer than {@code n} peers are eligible for {@code op}
     */
    List<Peer> lookup(long key, int n, Op op);

    /**
     * The primary owner of {@code key}; must not allocate.
     *
     * @throws NotEnoughNodesException when no peer is eligible for {@code op}
     */
    Peer owner(long key, Op op);

    /** The algorithm, whose {@link HashingAlgorithm#id()} scenario files and reports use. */
    HashingAlgorithm algorithm();
}
