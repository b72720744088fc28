package io.fleetlab.core.rebalance;

/**
 * What changed in the local node's owned set: the targets to start scraping and those to stop,
 * as ascending target indices. After a peer change both refer to the current target array; after
 * a target change {@code started} refers to the new array and {@code stopped} to the previous one.
 */
public record OwnershipChange(int[] started, int[] stopped) {
    private static final int[] NONE = new int[0];

    /** Nothing started or stopped. */
    public static OwnershipChange none() {
        return new OwnershipChange(NONE, NONE);
    }

    /**
     * From owning {@code before} to owning {@code after} (both indexed like the same targets).
     * Neither set is copied: each is walked once by its set bits.
     */
    public static OwnershipChange between(java.util.BitSet before, java.util.BitSet after) {
        if (before == after) {
            return none();
        }
        IntListBuilder started = new IntListBuilder();
        IntListBuilder stopped = new IntListBuilder();
        for (int i = after.nextSetBit(0); i >= 0; i = after.nextSetBit(i + 1)) {
            if (!before.get(i)) {
                started.add(i);
            }
        }
        for (int i = before.nextSetBit(0); i >= 0; i = before.nextSetBit(i + 1)) {
            if (!after.get(i)) {
                stopped.add(i);
            }
        }
        return new OwnershipChange(started.toArray(), stopped.toArray());
    }

    /** Whether anything started or stopped. */
    public boolean isEmpty() {
        return started.length == 0 && stopped.length == 0;
    }

    /** Started plus stopped: how much work the change causes on this node. */
    public int size() {
        return started.length + stopped.length;
    }
}
