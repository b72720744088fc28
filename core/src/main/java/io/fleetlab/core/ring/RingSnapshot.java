package io.fleetlab.core.ring;

/**
 * A read-only view of one token ring, for tools that draw it or compare two rings: token
 * {@code i} (ascending, unsigned) and the name of the node that holds it.
 */
public final class RingSnapshot {
    private final TokenRing ring;

    RingSnapshot(TokenRing ring) {
        this.ring = ring;
    }

    TokenRing ring() {
        return ring;
    }

    /** Number of tokens on the ring. */
    public int size() {
        return ring.tokenCount();
    }

    /** The {@code i}-th token, as an unsigned 64-bit value. */
    public long token(int i) {
        return ring.token(i);
    }

    /** The node holding the {@code i}-th token. */
    public String holder(int i) {
        return ring.name(ring.ownerAt(i));
    }

    /** The index, in {@link #nodeName(int)} order, of the node holding the {@code i}-th token. */
    public int holderIndex(int i) {
        return ring.ownerAt(i);
    }

    /** Number of distinct nodes on the ring. */
    public int nodeCount() {
        return ring.nodeCount();
    }

    /** The {@code k}-th node's name (nodes are numbered in name order). */
    public String nodeName(int k) {
        return ring.name(k);
    }

    /** Index of the first token at or after {@code key}, wrapping past the end. */
    public int successor(long key) {
        return ring.successor(key);
    }
}
