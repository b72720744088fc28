package io.fleetlab.viewer.ring;

/**
 * A stretch of the 64-bit key circle owned by one node, as fractions of the circle.
 *
 * @param start where it starts, in [0, 1)
 * @param end   where it ends, in (start, 1]
 * @param node  the owning node
 */
public record Arc(double start, double end, String node) {
    public Arc {
        if (!(start >= 0 && end <= 1 && start < end)) {
            throw new IllegalArgumentException("arc [" + start + ", " + end + ") is not inside [0, 1]");
        }
    }

    /** Whether the key at {@code fraction} of the circle falls in this arc. */
    public boolean contains(double fraction) {
        return fraction >= start && fraction < end;
    }

    public double length() {
        return end - start;
    }
}
