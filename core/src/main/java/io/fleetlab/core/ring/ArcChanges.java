package io.fleetlab.core.ring;

/**
 * The arcs of the key circle whose primary owner changed to or from one node between two rings,
 * so a node can touch only the targets that moved instead of looking every target up again.
 * Arc {@code i} covers keys in {@code (startExclusive[i], endInclusive[i]]} (unsigned; it wraps
 * past zero when start >= end, and a lone arc with start == end is the whole circle).
 *
 * @param gained whether the node owns the arc's keys after the change (else it lost them)
 */
public record ArcChanges(long[] startExclusive, long[] endInclusive, boolean[] gained) {

    /** Number of arcs. */
    public int size() {
        return endInclusive.length;
    }

    /**
     * Compares the primary owners of two non-empty rings from {@code node}'s point of view. Costs
     * one merge pass over both token arrays and allocates only the result.
     */
    public static ArcChanges between(RingSnapshot before, RingSnapshot after, String node) {
        TokenRing a = before.ring();
        TokenRing b = after.ring();
        if (a.tokenCount() == 0 || b.tokenCount() == 0) {
            throw new IllegalArgumentException("both rings must have tokens");
        }
        int selfA = indexOf(a, node);
        int selfB = indexOf(b, node);
        ArcBuilder arcs = new ArcBuilder();
        int ia = 0;
        int ib = 0;
        long previous = Long.compareUnsigned(lastToken(a), lastToken(b)) >= 0 ? lastToken(a) : lastToken(b);
        // Walk the union of both token sets in order; between two consecutive union tokens, every
        // key has the same successor in each ring, so one comparison decides the whole segment.
        while (ia < a.tokenCount() || ib < b.tokenCount()) {
            long u;
            if (ib >= b.tokenCount() || (ia < a.tokenCount() && Long.compareUnsigned(a.token(ia), b.token(ib)) <= 0)) {
                u = a.token(ia);
            } else {
                u = b.token(ib);
            }
            boolean ownedBefore = a.ownerAt(ia < a.tokenCount() ? ia : 0) == selfA;
            boolean ownedAfter = b.ownerAt(ib < b.tokenCount() ? ib : 0) == selfB;
            if (ownedBefore != ownedAfter) {
                arcs.add(previous, u, ownedAfter);
            }
            while (ia < a.tokenCount() && a.token(ia) == u) {
                ia++;
            }
            while (ib < b.tokenCount() && b.token(ib) == u) {
                ib++;
            }
            previous = u;
        }
        return arcs.build();
    }

    private static long lastToken(TokenRing r) {
        return r.token(r.tokenCount() - 1);
    }

    private static int indexOf(TokenRing r, String node) {
        for (int i = 0; i < r.nodeCount(); i++) {
            if (r.name(i).equals(node)) {
                return i;
            }
        }
        return -1;
    }

    /** Collects arcs, joining one that continues the previous arc in the same direction. */
    private static final class ArcBuilder {
        private long[] starts = new long[16];
        private long[] ends = new long[16];
        private boolean[] gains = new boolean[16];
        private int size;

        void add(long startExclusive, long endInclusive, boolean gained) {
            if (size > 0 && ends[size - 1] == startExclusive && gains[size - 1] == gained) {
                ends[size - 1] = endInclusive;
                return;
            }
            if (size == starts.length) {
                starts = java.util.Arrays.copyOf(starts, size * 2);
                ends = java.util.Arrays.copyOf(ends, size * 2);
                gains = java.util.Arrays.copyOf(gains, size * 2);
            }
            starts[size] = startExclusive;
            ends[size] = endInclusive;
            gains[size] = gained;
            size++;
        }

        ArcChanges build() {
            return new ArcChanges(java.util.Arrays.copyOf(starts, size), java.util.Arrays.copyOf(ends, size),
                    java.util.Arrays.copyOf(gains, size));
        }
    }
}
