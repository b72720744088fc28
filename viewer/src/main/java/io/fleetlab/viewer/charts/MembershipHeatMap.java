package io.fleetlab.viewer.charts;

import io.fleetlab.simulator.result.AgreementSample;
import io.fleetlab.simulator.result.MembershipEvent;
import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.simulator.result.ViewSample;
import io.fleetlab.viewer.ring.NaturalOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Membership of a large fleet as a convergence heat map: one row per node (natural name order),
 * one column per slice of simulated time, colored by how far the node's view is from the live
 * fleet (the {@code liveNodes} of the agreement samples): light grey when it agrees, blue as it
 * misses members, red as it still counts members that are gone, white while the node is not up.
 * Past a couple of dozen nodes step lines become a solid block; this shows who lags, when, and
 * for how long.
 */
public final class MembershipHeatMap extends Region implements TimeCursor {
    /** Nodes from which the membership tab shows this map instead of step lines. */
    public static final int MIN_NODES = 25;
    private static final double LEFT = 70;
    private static final double RIGHT = 150;
    private static final double TOP = 78;
    private static final double BOTTOM = 46;
    private static final Color AGREES = Color.gray(0.90);
    private static final Color MISSING = Color.web("#1f4e9c");
    private static final Color EXTRA = Color.web("#c62828");

    private final SimulationResult result;
    private final String title;
    private final List<String> nodes;
    private final Map<String, List<ViewSample>> views;
    /** Per node, when its view stops meaning anything (crash, pause, leave; else the run's end). */
    private final Map<String, Double> lineEnds = new java.util.HashMap<>();
    private final double[] liveTimes;
    private final int[] live;
    private final double end;
    /** The largest deviation (either way) anywhere, which gets the full color. */
    private final int scale;
    private final Canvas canvas = new Canvas();
    private final Canvas cursorLayer = new Canvas();
    private double cursor = Double.NaN;

    public MembershipHeatMap(SimulationResult result) {
        this.result = result;
        this.end = Math.max(1, result.durationSeconds());
        Map<String, List<ViewSample>> byNode = new TreeMap<>(NaturalOrder.INSTANCE);
        byNode.putAll(MembershipTimelineChart.byNode(result.views()));
        this.views = byNode;
        this.nodes = List.copyOf(byNode.keySet());
        List<MembershipEvent> events = MembershipTimelineChart.nullSafe(result.events());
        byNode.forEach((node, samples) -> lineEnds.put(node, MembershipTimelineChart.lineEnd(
                node, samples.get(samples.size() - 1).time(), events, result.durationSeconds())));
        List<AgreementSample> agreement = MembershipTimelineChart.nullSafe(result.agreement());
        this.liveTimes = agreement.stream().mapToDouble(AgreementSample::time).toArray();
        this.live = agreement.stream().mapToInt(AgreementSample::liveNodes).toArray();
        this.scale = Math.max(1, maxDeviation());
        int fleet = result.nodes() == null ? nodes.size() : Math.max(nodes.size(), result.nodes().size());
        this.title = RunTitle.titled("Membership convergence", result, String.format(Locale.ROOT,
                "each node's view size minus the live fleet; %s", nodes.size() == fleet ? fleet + " nodes"
                        : nodes.size() + " of " + fleet + " nodes (the result samples the views of these)"));
        setId("membershipChart");
        getChildren().addAll(canvas, cursorLayer);
        cursorLayer.setMouseTransparent(true);
        setMinSize(300, 200);
        setPrefSize(1000, 700);
    }

    public String title() {
        return title;
    }

    /** The rows, top to bottom. */
    public List<String> nodes() {
        return nodes;
    }

    /**
     * The node's view size minus the live fleet at time {@code t}, or empty while the node has
     * no view (before its first sample, after it crashed, paused or left).
     */
    public OptionalDouble deviation(String node, double t) {
        List<ViewSample> samples = views.get(node);
        if (samples == null || samples.isEmpty() || t < samples.get(0).time()) {
            return OptionalDouble.empty();
        }
        if (t > lineEnds.get(node)) {
            return OptionalDouble.empty();
        }
        int i = latestAtOrBefore(samples, t);
        int liveNow = liveAt(t);
        int view = samples.get(i).viewSize();
        // A running node counts itself, so an empty view is a node that is down (a restart's downtime).
        return liveNow < 0 || view == 0 ? OptionalDouble.empty() : OptionalDouble.of(view - liveNow);
    }

    private int liveAt(double t) {
        int i = Arrays.binarySearch(liveTimes, t);
        if (i < 0) {
            i = -i - 2;
        }
        return i < 0 ? (live.length > 0 ? live[0] : -1) : live[i];
    }

    private static int latestAtOrBefore(List<ViewSample> samples, double t) {
        int lo = 0;
        int hi = samples.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (samples.get(mid).time() <= t) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private int maxDeviation() {
        int max = 0;
        for (Map.Entry<String, List<ViewSample>> e : views.entrySet()) {
            for (ViewSample s : e.getValue()) {
                int liveNow = liveAt(s.time());
                if (liveNow >= 0 && s.viewSize() > 0) {
                    max = Math.max(max, Math.abs(s.viewSize() - liveNow));
                }
            }
        }
        return max;
    }

    /** The cell color for a deviation: grey at 0, towards blue (missing) or red (extra) on a square-root scale. */
    Color colorOf(OptionalDouble deviation) {
        if (deviation.isEmpty()) {
            return Color.WHITE;
        }
        double d = deviation.getAsDouble();
        if (d == 0) {
            return AGREES;
        }
        double strength = 0.25 + 0.75 * Math.sqrt(Math.min(1, Math.abs(d) / scale));
        return AGREES.interpolate(d < 0 ? MISSING : EXTRA, strength);
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            cursorLayer.setWidth(w);
            cursorLayer.setHeight(h);
            draw();
            drawCursor();
        }
    }

    private double xOf(double t, double plotWidth) {
        return LEFT + plotWidth * t / end;
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        double plotW = w - LEFT - RIGHT;
        double plotH = h - TOP - BOTTOM;
        if (plotW < 20 || plotH < 20) {
            return;
        }
        g.setFill(Color.BLACK);
        g.setFont(Font.font(16));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        g.fillText(title, w / 2, 8, w - 20);
        int columns = (int) Math.max(1, Math.floor(plotW));
        int rows = nodes.size();
        double rowH = plotH / Math.max(1, rows);
        // Rows of a pixel or less share a band, which shows the strongest deviation among them.
        int bands = (int) Math.max(1, Math.min(rows, Math.floor(plotH)));
        double[][] strongest = new double[bands][columns];
        for (double[] band : strongest) {
            Arrays.fill(band, Double.NaN);
        }
        for (int r = 0; r < rows; r++) {
            int b = (int) Math.min(bands - 1, (long) r * bands / rows);
            for (int c = 0; c < columns; c++) {
                OptionalDouble d = deviation(nodes.get(r), end * (c + 0.5) / columns);
                if (d.isPresent() && (Double.isNaN(strongest[b][c]) || Math.abs(d.getAsDouble()) > Math.abs(strongest[b][c]))) {
                    strongest[b][c] = d.getAsDouble();
                }
            }
        }
        // One pixel per cell, scaled onto the plot without smoothing: half a million fillRect calls would crawl.
        WritableImage cells = new WritableImage(columns, bands);
        PixelWriter pixels = cells.getPixelWriter();
        for (int b = 0; b < bands; b++) {
            for (int c = 0; c < columns; c++) {
                double d = strongest[b][c];
                pixels.setColor(c, b, colorOf(Double.isNaN(d) ? OptionalDouble.empty() : OptionalDouble.of(d)));
            }
        }
        g.setImageSmoothing(false);
        g.drawImage(cells, LEFT, TOP, plotW, plotH);
        g.setStroke(Color.gray(0.4));
        g.setLineWidth(1);
        g.strokeRect(LEFT, TOP, plotW, plotH);
        drawTimeAxis(g, plotW, plotH);
        drawNodeAxis(g, plotH, rowH);
        drawEvents(g, plotW);
        drawLegend(g, w, plotH);
    }

    private void drawTimeAxis(GraphicsContext g, double plotW, double plotH) {
        double tick = NiceScale.tick(end, 10);
        g.setFont(Font.font(11));
        g.setFill(Color.BLACK);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (double t = 0; t <= end + 1e-9; t += tick) {
            double x = xOf(t, plotW);
            g.strokeLine(x, TOP + plotH, x, TOP + plotH + 4);
            g.fillText(String.format(Locale.ROOT, "%.0f", t), x, TOP + plotH + 6);
        }
        g.setFont(Font.font(12));
        g.fillText("simulated time (s)", LEFT + plotW / 2, TOP + plotH + 24);
    }

    private void drawNodeAxis(GraphicsContext g, double plotH, double rowH) {
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(Color.BLACK);
        int every = (int) Math.max(1, Math.ceil(14 / Math.max(rowH, 1e-9)));
        for (int r = 0; r < nodes.size(); r += every) {
            g.fillText(nodes.get(r), LEFT - 4, TOP + (r + 0.5) * rowH);
        }
    }

    /** The scenario's actions along the top, one tick each, labels where they fit. */
    private void drawEvents(GraphicsContext g, double plotW) {
        List<MembershipEvent> actions = new ArrayList<>();
        for (MembershipEvent e : MembershipTimelineChart.nullSafe(result.events())) {
            if ("scenario".equals(e.by()) || e.by() == null || e.by().isEmpty()) {
                actions.add(e);
            }
        }
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.BOTTOM);
        double freeFrom = Double.NEGATIVE_INFINITY;
        for (TimeLineChart.Marker m : MembershipTimelineChart.markers(actions)) {
            double x = xOf(m.time(), plotW);
            g.setStroke(m.color());
            g.strokeLine(x, TOP - 8, x, TOP);
            if (x >= freeFrom) {
                g.setFill(m.color());
                g.fillText(m.label(), x + 2, TOP - 8);
                freeFrom = x + 6 + 6.5 * m.label().length();
            }
        }
    }

    private void drawLegend(GraphicsContext g, double w, double plotH) {
        double x = w - RIGHT + 24;
        double top = TOP + 20;
        double height = Math.min(240, plotH - 40);
        for (int i = 0; i < height; i++) {
            double d = scale * (1 - 2 * i / height);
            g.setFill(colorOf(OptionalDouble.of(Math.round(d) == 0 ? 0 : d)));
            g.fillRect(x, top + i, 18, 1.5);
        }
        g.setStroke(Color.gray(0.4));
        g.strokeRect(x, top, 18, height);
        g.setFill(Color.BLACK);
        g.setFont(Font.font(11));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("+" + scale + " (counts gone nodes)", x + 22, top, RIGHT - 50);
        g.fillText("0 (agrees)", x + 22, top + height / 2);
        g.fillText("\u2212" + scale + " (misses nodes)", x + 22, top + height, RIGHT - 50);
        g.setFill(Color.WHITE);
        g.fillRect(x, top + height + 18, 18, 12);
        g.strokeRect(x, top + height + 18, 18, 12);
        g.setFill(Color.BLACK);
        g.fillText("not running", x + 22, top + height + 24);
    }

    @Override
    public void setCursor(double time) {
        cursor = time;
        drawCursor();
    }

    public double cursor() {
        return cursor;
    }

    private void drawCursor() {
        GraphicsContext g = cursorLayer.getGraphicsContext2D();
        double w = cursorLayer.getWidth();
        double h = cursorLayer.getHeight();
        g.clearRect(0, 0, w, h);
        double plotW = w - LEFT - RIGHT;
        if (Double.isNaN(cursor) || plotW < 20) {
            return;
        }
        double x = xOf(Math.max(0, Math.min(end, cursor)), plotW);
        g.setStroke(Color.BLACK);
        g.setLineWidth(2);
        g.strokeLine(x, TOP, x, h - BOTTOM);
    }
}
