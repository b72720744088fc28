package io.fleetlab.viewer.ring;

import java.util.Map;
import java.util.Optional;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Draws a {@link RingLayout}: each node's arcs on a circle in the node's color, keys growing
 * clockwise from twelve o'clock, the selected target as a needle and its owner's arcs raised
 * while everyone else's fade. A legend on the right gives each node's share of the circle.
 */
public final class RingView extends Region {
    private static final double LEGEND_WIDTH = 190;
    private final Canvas canvas = new Canvas();
    private final NodeColors colors;
    private RingLayout layout;
    private String caption = "";

    public RingView(NodeColors colors) {
        this.colors = colors;
        setId("ringView");
        getChildren().add(canvas);
        setMinSize(200, 200);
        setPrefSize(800, 600);
    }

    /** Shows {@code layout} under {@code caption}. */
    public void show(RingLayout layout, String caption) {
        this.layout = layout;
        this.caption = caption;
        draw();
    }

    public RingLayout ringLayout() {
        return layout;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            draw();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        if (layout == null || w < 50 || h < 50) {
            return;
        }
        g.setFill(Color.BLACK);
        g.setFont(Font.font(14));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(caption, 10, 8);

        double plotWidth = Math.max(100, w - LEGEND_WIDTH);
        double radius = Math.max(20, Math.min(plotWidth, h - 40) / 2 - 40);
        double cx = plotWidth / 2;
        double cy = 30 + (h - 30) / 2;
        double band = Math.max(8, radius * 0.16);
        Optional<String> owner = layout.target().map(RingLayout.Target::owner);

        if (layout.arcs().isEmpty()) {
            g.setStroke(Color.LIGHTGRAY);
            g.setLineWidth(band);
            g.strokeOval(cx - radius, cy - radius, 2 * radius, 2 * radius);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("no participants", cx, cy);
        }
        g.setLineCap(StrokeLineCap.BUTT);
        for (Arc arc : layout.arcs()) {
            boolean highlighted = owner.map(arc.node()::equals).orElse(false);
            Color c = colors.of(arc.node());
            if (owner.isPresent() && !highlighted) {
                c = c.deriveColor(0, 0.35, 1.25, 0.55);
            }
            double width = highlighted ? band * 1.6 : band;
            strokeArc(g, cx, cy, radius + (highlighted ? band * 0.3 : 0), width, arc, c);
        }
        layout.target().ifPresent(t -> drawTarget(g, cx, cy, radius, band, t));
        drawLegend(g, plotWidth, owner);
    }

    private static void strokeArc(GraphicsContext g, double cx, double cy, double r, double width, Arc arc, Color c) {
        g.setStroke(c);
        g.setLineWidth(width);
        // JavaFX measures angles counter-clockwise from three o'clock; the ring runs clockwise from twelve.
        double startAngle = 90 - arc.start() * 360;
        double extent = -arc.length() * 360;
        g.strokeArc(cx - r, cy - r, 2 * r, 2 * r, startAngle, extent, ArcType.OPEN);
    }

    private void drawTarget(GraphicsContext g, double cx, double cy, double radius, double band, RingLayout.Target t) {
        double theta = 2 * Math.PI * t.position();
        double sin = Math.sin(theta);
        double cos = -Math.cos(theta);
        double outer = radius + band * 1.6;
        g.setStroke(Color.BLACK);
        g.setLineWidth(2);
        g.strokeLine(cx + sin * radius * 0.35, cy + cos * radius * 0.35, cx + sin * outer, cy + cos * outer);
        g.setFill(colors.of(t.owner()));
        g.fillOval(cx + sin * outer - 6, cy + cos * outer - 6, 12, 12);
        g.setFill(Color.BLACK);
        g.setFont(Font.font(13));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(t.name() + "\nowned by " + t.owner(), cx, cy);
    }

    private void drawLegend(GraphicsContext g, double x, Optional<String> owner) {
        Map<String, Double> shares = layout.shares();
        g.setFont(Font.font(12));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double y = 40;
        double step = Math.max(12, Math.min(20, (canvas.getHeight() - 50) / Math.max(1, layout.nodes().size())));
        for (String node : layout.nodes()) {
            g.setFill(colors.of(node));
            g.fillRect(x, y - 5, 12, 10);
            g.setFill(owner.map(node::equals).orElse(false) ? Color.BLACK : Color.DIMGRAY);
            double share = shares.getOrDefault(node, 0.0);
            g.fillText(String.format("%s  %.1f%%", node, share * 100), x + 18, y);
            y += step;
        }
        if (!layout.exact()) {
            g.setFill(Color.DIMGRAY);
            g.fillText("key space sampled (" + layout.algorithm() + " has no tokens)", 10, canvas.getHeight() - 14);
        }
    }
}
