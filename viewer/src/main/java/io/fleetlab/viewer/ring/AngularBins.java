package io.fleetlab.viewer.ring;

/**
 * A ring cut into equal angular bins, about one per pixel of circumference. Drawing bins instead
 * of arcs keeps a ring of many thousands of tokens legible and quick to paint: an arc narrower
 * than a pixel cannot be seen anyway.
 */
final class AngularBins {
    private AngularBins() {}

    /** The owner of each bin's middle key, or null for an empty ring. */
    static String[] owners(RingLayout layout, int bins) {
        String[] owners = new String[bins];
        for (int b = 0; b < bins; b++) {
            owners[b] = layout.ownerAt((b + 0.5) / bins).orElse(null);
        }
        return owners;
    }

    /** Bins holding any key of {@code node}, so that even its smallest arcs show. */
    static boolean[] coverage(RingLayout layout, String node, int bins) {
        boolean[] covered = new boolean[bins];
        for (Arc arc : layout.arcs()) {
            if (arc.node().equals(node)) {
                int first = (int) Math.floor(arc.start() * bins);
                int last = Math.min(bins - 1, (int) Math.ceil(arc.end() * bins) - 1);
                for (int b = first; b <= last; b++) {
                    covered[b] = true;
                }
            }
        }
        return covered;
    }
}
