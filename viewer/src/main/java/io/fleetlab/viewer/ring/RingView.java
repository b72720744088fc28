package io.fleetlab.viewer.ring;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Draws a {@link RingLayout}: each node's arcs on a circle in the node's color, keys growing
 * clockwise from twelve o'clock, the selected target as a needle, and its owner's arcs repeated
 * on an outer track. A legend on the right gives each node's share of the circle.
 */
public final class RingView extends Region {
    private static final double LEGEND_WIDTH = 190;
    private static final int MAX_BINS = 4096;
    private final Canvas canvas = new Canvas();
    private final NodeColors colors;
    private RingLayout layout;
    private final Text caption = new Text();

    public RingView(NodeColors colors) {
        this.colors = colors;
        setId("ringView");
        caption.setFont(Font.font(14));
        caption.setTextOrigin(VPos.TOP);
        caption.relocate(10, 8);
        caption.setManaged(false);
        getChildren().addAll(canvas, caption);
        setMinSize(200, 200);
        setPrefSize(800, 600);
    }

    /** Shows {@code layout} under {@code caption}. */
    public void show(RingLayout layout, String caption) {
        this.caption.setText(caption);
        // The slider moves far more often than the ring changes; repaint only when it does.
        if (!layout.equals(this.layout)) {
            this.layout = layout;
            draw();
        }
    }

    /** The caption shown above the ring. */
    public String caption() {
        return caption.getText();
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
        int bins = (int) Math.min(MAX_BINS, Math.max(360, Math.ceil(2 * Math.PI * (radius + band / 2))));
        // Each node's share of the key space as one arc, nodes in natural name order: with 512
        // tokens a node, the arcs as they lie on the ring are thousands of slivers nobody can read.
        List<String> names = layout.nodes().stream().sorted(NaturalOrder.INSTANCE).toList();
        Map<String, Double> shares = layout.shares();
        double at = 0;
        g.setFont(Font.font(12));
        double labelRadius = radius - band / 2 - 4;
        for (String node : names) {
            double share = shares.getOrDefault(node, 0.0);
            g.setFill(colors.of(node));
            fillArc(g, cx, cy, radius - band / 2, radius + band / 2, at, at + share);
            at += share;
        }
        drawShareLabels(g, cx, cy, labelRadius, names, shares, owner);
        // The owner's keys again on an outer track, so the arcs it holds stand out on a busy ring.
        owner.ifPresent(o -> {
            g.setStroke(Color.gray(0.93));
            g.setLineWidth(track);
            g.strokeOval(cx - trackRadius, cy - trackRadius, 2 * trackRadius, 2 * trackRadius);
            boolean[] covered = AngularBins.coverage(layout, o, bins);
            g.setFill(colors.of(o));
            for (int from = 0; from < bins; from++) {
                if (covered[from]) {
                    int to = from;
                    while (to + 1 < bins && covered[to + 1]) {
                        to++;
                    }
                    fillSector(g, cx, cy, trackRadius - track / 2, trackRadius + track / 2, from, to + 1, bins);
                    from = to;
                }
            }
        });
        layout.target().ifPresent(t -> drawTarget(g, cx, cy, trackRadius, track, t));
        drawLegend(g, plotWidth, owner);
    }

    /** A share with two significant digits: 5.1%, 0.67%, 0.098%. */
    static String percent(double share) {
        double p = share * 100;
        return p >= 10 ? String.format(Locale.ROOT, "%.0f%%", p)
                : p >= 1 ? String.format(Locale.ROOT, "%.1f%%", p)
                : p >= 0.1 ? String.format(Locale.ROOT, "%.2f%%", p)
                : String.format(Locale.ROOT, "%.3f%%", p);
    }

    /** Fills the annulus between circle fractions {@code from} and {@code to}. */
    private static void fillArc(GraphicsContext g, double cx, double cy, double inner, double outer, double from, double to) {
        int steps = (int) Math.max(1, Math.ceil((to - from) * 720));
        fillAnnulus(g, cx, cy, inner, outer, from, (to - from) / steps, steps);
    }

    /**
     * Each node's name and share inside the ring, next to its arc, where the arc is long enough
     * to carry a line of text; on a ring too crowded for that, the largest and the smallest share
     * and the selected target's owner are labelled.
     */
    private void drawShareLabels(GraphicsContext g, double cx, double cy, double r, List<String> names,
            Map<String, Double> shares, Optional<String> owner) {
        double inner = r;
        g.setFont(Font.font(12));
        g.setTextBaseline(VPos.CENTER);
        double lineGap = 24; // radial labels converge towards the centre
        double circumference = 2 * Math.PI * inner;
        boolean all = names.size() * lineGap <= circumference;
        java.util.Set<String> labelled = new java.util.HashSet<>();
        if (all) {
            labelled.addAll(names);
        } else {
            List<String> bySize = names.stream().sorted(java.util.Comparator.comparingDouble(n -> shares.getOrDefault(n, 0.0))).toList();
            labelled.add(bySize.get(0));
            labelled.add(bySize.get(bySize.size() - 1));
            owner.ifPresent(labelled::add);
        }
        double at = 0;
        double lastAngle = Double.NEGATIVE_INFINITY;
        for (String node : names) {
            double share = shares.getOrDefault(node, 0.0);
            double mid = at + share / 2;
            at += share;
            if (!labelled.contains(node) || (mid - lastAngle) * circumference < lineGap - 0.5) {
                continue;
            }
            lastAngle = mid;
            double theta = 2 * Math.PI * mid;
            double sin = Math.sin(theta);
            double cos = Math.cos(theta);
            // Radial text, reading towards the centre on the right half and away from it on the
            // left, so labels of neighbouring arcs never run into each other.
            boolean right = sin >= 0;
            g.save();
            g.translate(cx + inner * sin, cy - inner * cos);
            g.rotate(Math.toDegrees(theta) + (right ? -90 : 90));
            g.setTextAlign(right ? TextAlignment.RIGHT : TextAlignment.LEFT);
            g.setFill(owner.map(node::equals).orElse(false) ? Color.BLACK : Color.gray(0.25));
            g.fillText(node + " " + percent(share), 0, 0);
            g.restore();
        }
    }

    /** Fills the part of the annulus between bins {@code from} (inclusive) and {@code to} (exclusive). */
    private static void fillSector(GraphicsContext g, double cx, double cy, double inner, double outer,
            int from, int to, int bins) {
        fillAnnulus(g, cx, cy, inner, outer, (double) from / bins, 1.0 / bins, to - from);
    }

    /**
     * Fills the annulus from circle fraction {@code start} over {@code steps} steps of {@code step}
     * each, as one polygon: the outer edge clockwise, the inner edge back (fractions grow clockwise
     * from twelve o'clock).
     */
    private static void fillAnnulus(GraphicsContext g, double cx, double cy, double inner, double outer,
            double start, double step, int steps) {
        double[] xs = new double[2 * (steps + 1)];
        double[] ys = new double[2 * (steps + 1)];
        for (int i = 0; i <= steps; i++) {
            double theta = 2 * Math.PI * (start + step * i);
            double sin = Math.sin(theta);
            double cos = Math.cos(theta);
            xs[i] = cx + outer * sin;
            ys[i] = cy - outer * cos;
            xs[xs.length - 1 - i] = cx + inner * sin;
            ys[ys.length - 1 - i] = cy - inner * cos;
        }
        g.fillPolygon(xs, ys, xs.length);
    }

    /** The target's key as a needle across the outer track, where the owner's arcs are drawn at their places. */
    private void drawTarget(GraphicsContext g, double cx, double cy, double trackRadius, double track, RingLayout.Target t) {
        double theta = 2 * Math.PI * t.position();
        double sin = Math.sin(theta);
        double cos = -Math.cos(theta);
        double from = trackRadius - track / 2 - 6;
        double to = trackRadius + track / 2 + 10;
        g.setStroke(Color.BLACK);
        g.setLineWidth(2);
        g.strokeLine(cx + sin * from, cy + cos * from, cx + sin * to, cy + cos * to);
        g.setFill(colors.of(t.owner()));
        g.fillOval(cx + sin * trackRadius - 6, cy + cos * trackRadius - 6, 12, 12);
        g.strokeOval(cx + sin * trackRadius - 6, cy + cos * trackRadius - 6, 12, 12);
        g.setFill(Color.BLACK);
        g.setFont(Font.font(15));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(t.name() + "\nowned by " + t.owner(), cx, cy);
        g.setFont(Font.font(12));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        g.setFill(Color.gray(0.25));
        g.fillText("Inner ring: each node's share of the keys (so of the targets), one arc per node in name order.\n"
                + "Outer track: the arcs " + t.owner() + " owns, where they lie on the ring; the needle is " + t.name()
                + "'s key.", 10, canvas.getHeight() - 8);
    }

    private void drawLegend(GraphicsContext g, double x, Optional<String> owner) {
        Map<String, Double> shares = layout.shares();
        g.setFont(Font.font(12));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double y = 40;
        double step = 16;
        List<String> names = layout.nodes().stream().sorted(NaturalOrder.INSTANCE).toList();
        int fits = (int) Math.max(1, (canvas.getHeight() - 60) / step);
        if (names.size() > fits) {
            // Too many to list: first the ideal, lowest and highest shares, then as many as fit.
            String low = names.stream().min(java.util.Comparator.comparingDouble(n -> shares.getOrDefault(n, 0.0))).orElse("");
            String high = names.stream().max(java.util.Comparator.comparingDouble(n -> shares.getOrDefault(n, 0.0))).orElse("");
            g.setFill(Color.BLACK);
            g.fillText("ideal share " + percent(1.0 / names.size()), x, y);
            g.fillText("lowest " + percent(shares.getOrDefault(low, 0.0)) + "  " + low, x, y + step);
            g.fillText("highest " + percent(shares.getOrDefault(high, 0.0)) + "  " + high, x, y + 2 * step);
            y += 3 * step + 8;
            fits -= 4;
        }
        int shown = names.size() <= fits ? names.size() : Math.max(0, fits - 1);
        for (String node : names.subList(0, shown)) {
            g.setFill(colors.of(node));
            g.fillRect(x, y - 5, 12, 10);
            g.setFill(owner.map(node::equals).orElse(false) ? Color.BLACK : Color.DIMGRAY);
            g.fillText(node + "  " + percent(shares.getOrDefault(node, 0.0)), x + 18, y);
            y += step;
        }
        if (shown < names.size()) {
            g.setFill(Color.DIMGRAY);
            g.fillText("\u2026 and " + (names.size() - shown) + " more", x + 18, y);
        }
        if (!layout.exact()) {
            g.setFill(Color.DIMGRAY);
            g.setTextBaseline(VPos.TOP);
            g.fillText("key space sampled (" + layout.algorithm() + " has no tokens)", 10, 30);
        }
    }
}
