package io.fleetlab.viewer.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

class NodeColorsTest {
    /** Euclidean distance in 8-bit RGB; about 441 between black and white. */
    private static double distance(Color a, Color b) {
        double dr = (a.getRed() - b.getRed()) * 255;
        double dg = (a.getGreen() - b.getGreen()) * 255;
        double db = (a.getBlue() - b.getBlue()) * 255;
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }

    private static int rgb(Color c) {
        return (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }

    @Test
    void neighboursNeverLookAlikeAndNoColorRepeatsUpToAThousandNodes() {
        for (int n : new int[] {2, 10, 11, 20, 150, 1000}) {
            List<String> names = IntStream.range(0, n).mapToObj(i -> "alloy-" + i).toList();
            NodeColors colors = new NodeColors(names);
            Set<Integer> seen = new HashSet<>();
            double closest = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                Color c = colors.of(names.get(i));
                assertTrue(seen.add(rgb(c)), "n=" + n + ": " + names.get(i) + " repeats a color");
                // Neighbours in name order sit side by side in the legend, the share ring (which
                // closes, so the last meets the first) and the heat map.
                for (int k = 1; k <= 2 && k < n; k++) {
                    closest = Math.min(closest, distance(c, colors.of(names.get((i + k) % n))));
                }
            }
            assertTrue(closest > 60, "n=" + n + ": neighbours within two places only " + closest + " apart");
        }
    }

    @Test
    void colorsFollowNaturalOrderNotListOrder() {
        List<String> shuffled = new ArrayList<>(List.of("alloy-10", "alloy-2", "alloy-0", "alloy-1"));
        NodeColors colors = new NodeColors(shuffled);
        NodeColors sorted = new NodeColors(List.of("alloy-0", "alloy-1", "alloy-2", "alloy-10"));
        for (String n : shuffled) {
            assertEquals(sorted.of(n), colors.of(n));
        }
        assertEquals(NodeColors.colorAt(3), colors.of("alloy-10"), "alloy-10 is fourth in natural order");
    }
}
