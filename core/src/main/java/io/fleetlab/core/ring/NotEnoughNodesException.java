package io.fleetlab.core.ring;

/** A lookup asked for more distinct owners than the ring has eligible nodes. */
public final class NotEnoughNodesException extends RuntimeException {
    private final int needed;
    private final int available;

    public NotEnoughNodesException(int needed, int available) {
        super("not enough nodes: need at least " + needed + ", have " + available);
        this.needed = needed;
        this.available = available;
    }

    public int needed() {
        return needed;
    }

    public int available() {
        return available;
    }
}
