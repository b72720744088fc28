package io.fleetlab.viewer.ring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.paint.Color;

/**
 * One color per node, fixed by the node's place among the result's nodes in natural name order,
 * so a node keeps its color while the slider moves and nodes come and go, and nodes that sit
 * next to each other (in the legend, the share ring, the heat map) never look alike. The first
 * ten take Tableau's categorical palette; beyond that hues step by the golden angle (about 137.5
 * degrees, so consecutive hues are far apart and no hue ever repeats) while saturation and
 * brightness cycle with periods three and two. {@code NodeColorsTest} checks that up to 1,000
 * nodes no color repeats and nodes within two places of each other are clearly apart.
 */
public final class NodeColors {
    private static final double GOLDEN_ANGLE = 137.50776405;
    /** Tableau's ten categorical colors, distinct for the common small fleets. */
    private static final String[] PALETTE = {
        "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"
    };
    private final Map<String, Color> colors = new HashMap<>();

    public NodeColors(List<String> nodeNames) {
        List<String> ordered = nodeNames.stream().distinct().sorted(NaturalOrder.INSTANCE).toList();
        for (int i = 0; i < ordered.size(); i++) {
            colors.put(ordered.get(i), colorAt(i));
        }
    }

    /** The node's color; nodes missing from the list get one derived from their name. */
    public Color of(String node) {
        Color c = colors.get(node);
        return c != null ? c : colorAt(PALETTE.length + Math.floorMod(node.hashCode(), 997));
    }

    static Color colorAt(int index) {
        if (index < PALETTE.length) {
            return Color.web(PALETTE[index]);
        }
        int i = index - PALETTE.length;
        // Start a quarter turn on, away from the palette's last (grey) and first (blue) colors.
        double hue = (90 + i * GOLDEN_ANGLE) % 360.0;
        double saturation = switch (i % 3) {
            case 0 -> 0.75;
            case 1 -> 0.50;
            default -> 0.62;
        };
        double brightness = i % 2 == 0 ? 0.90 : 0.68;
        return Color.hsb(hue, saturation, brightness);
    }
}
