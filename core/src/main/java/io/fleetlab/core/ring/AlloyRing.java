package io.fleetlab.core.ring;

/**
 * Alloy's token ring (ckit's {@code shard.Ring}): each node places {@code tokensPerNode} tokens
 * (512 in Alloy) on the 64-bit circle; a key belongs to the node of the first token at or after
 * it, and further owners are the next distinct nodes clockwise. O(log tokens) per lookup, and a
 * join or leave moves only the keys on the arcs that changed hands.
 */
public final class AlloyRing extends AbstractSharder {
    /** Alloy's number of tokens per node. */
    public static final int DEFAULT_TOKENS = 512;

    private final int tokensPerNode;
    private TokenRing read;
    private TokenRing readWrite;
    private boolean[] seen = new boolean[0];

    /** A ring that gives each node {@code tokensPerNode} tokens. */
    public AlloyRing(int tokensPerNode) {
        if (tokensPerNode < 1) {
            throw new IllegalArgumentException("tokens per node must be at least 1, got " + tokensPerNode);
        }
        this.tokensPerNode = tokensPerNode;
        this.read = TokenRing.empty(tokensPerNode);
        this.readWrite = read;
    }

    /** A ring with Alloy's 512 tokens per node. */
    public AlloyRing() {
        this(DEFAULT_TOKENS);
    }

    @Override
    void rebuild(Op op, String[] sortedNames) {
        if (op == Op.READ) {
            read = read.withNodes(sortedNames);
            seen = new boolean[sortedNames.length];
        } else {
            // Derive from the READ ring, which already holds every READ_WRITE node's tokens.
            readWrite = read.withNodes(sortedNames);
        }
    }

    @Override
    void shareReadStructure() {
        readWrite = read;
    }

    @Override
    int primary(long key, Op op) {
        return ring(op).primary(key);
    }

    @Override
    void owners(long key, int n, Op op, int[] out) {
        ring(op).walk(key, n, out, seen);
    }

    /** Tokens per node. */
    public int tokensPerNode() {
        return tokensPerNode;
    }

    /** A read-only view of the ring for {@code op}: its tokens in order and who holds each. */
    public RingSnapshot snapshot(Op op) {
        return new RingSnapshot(ring(op));
    }

    TokenRing tokenRing(Op op) {
        return ring(op);
    }

    private TokenRing ring(Op op) {
        return op == Op.READ ? read : readWrite;
    }

    @Override
    public HashingAlgorithm algorithm() {
        return HashingAlgorithm.ALLOY_RING;
    }
}
