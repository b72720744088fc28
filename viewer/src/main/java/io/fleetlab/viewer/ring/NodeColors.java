package io.fleetlab.viewer.ring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.paint.Color;

/**
 * One color per node, fixed by the node's place in the result's node list, so a node keeps its
 * color while the slider moves and nodes come and go. The first ten take a categorical palette;
 * beyond that hues step by the golden angle, which keeps neighbours apart however many there are.
 */
public final class NodeColors {
    private static final double GOLDEN_ANGLE = 137.50776405;
    /** Tableau's ten categorical colors, distinct for the common small fleets. */
    private static final String[] PALETTE = {
        "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"
    };
    private final Map<String, Color> colors = new HashMap<>();

    public NodeColors(List<String> nodeNames) {
        for (int i = 0; i < nodeNames.size(); i++) {
            colors.put(nodeNames.get(i), colorAt(i));
        }
    }

    /** The node's color; nodes missing from the list get one derived from their name. */
    public Color of(String node) {
        Color c = colors.get(node);
        return c != null ? c : colorAt(Math.floorMod(node.hashCode(), 997));
    }

    private static Color colorAt(int index) {
        if (index < PALETTE.length) {
            return Color.web(PALETTE[index]);
        }
        double hue = (index * GOLDEN_ANGLE) % 360.0;
        double saturation = index % 2 == 0 ? 0.70 : 0.55;
        double brightness = index % 3 == 0 ? 0.85 : 0.70;
        return Color.hsb(hue, saturation, brightness);
    }
}
