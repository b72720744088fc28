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
 * clockwise from twelve o'clock, the selected target as a needle, and its owner's arcs repeated
 * on an outer track. A legend on the right gives each node's share of the circle.
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
        double top = 34;
        double size = Math.min(plotWidth, h - top);
        double band = Math.max(8, size * 0.07);
        double track = band * 0.45;
        double radius = Math.max(20, size / 2 - band - track - 16);
        double cx = plotWidth / 2;
        double cy = top + (h - top) / 2;
        double trackRadius = radius + band / 2 + 6 + track / 2;
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
            strokeArc(g, cx, cy, radius, band, arc, colors.of(arc.node()));
        }
        // The owner's arcs again on an outer track, so the keys it holds stand out on a busy ring.
        owner.ifPresent(o -> {
            g.setStroke(Color.gray(0.93));
            g.setLineWidth(track);
            g.strokeOval(cx - trackRadius, cy - trackRadius, 2 * trackRadius, 2 * trackRadius);
            for (Arc arc : layout.arcs()) {
                if (arc.node().equals(o)) {
                    strokeArc(g, cx, cy, trackRadius, track, arc, colors.of(o));
                }
            }
        });
        layout.target().ifPresent(t -> drawTarget(g, cx, cy, radius, trackRadius + track / 2, t));
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

    private void drawTarget(GraphicsContext g, double cx, double cy, double radius, double outer, RingLayout.Target t) {
        double theta = 2 * Math.PI * t.position();
        double sin = Math.sin(theta);
        double cos = -Math.cos(theta);
        g.setStroke(Color.BLACK);
        g.setLineWidth(2);
        g.strokeLine(cx + sin * radius * 0.3, cy + cos * radius * 0.3, cx + sin * (outer + 8), cy + cos * (outer + 8));
        g.setFill(colors.of(t.owner()));
        g.setStroke(Color.BLACK);
        g.fillOval(cx + sin * radius - 7, cy + cos * radius - 7, 14, 14);
        g.strokeOval(cx + sin * radius - 7, cy + cos * radius - 7, 14, 14);
        g.setFill(Color.BLACK);
        g.setFont(Font.font(15));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(t.name() + "\nowned by " + t.owner() + "\n(its arcs on the outer track)", cx, cy);
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
