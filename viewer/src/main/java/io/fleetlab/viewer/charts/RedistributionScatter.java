package io.fleetlab.viewer.charts;

import io.fleetlab.simulator.result.ChangeKind;
import io.fleetlab.simulator.result.Redistribution;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;

/**
 * Many membership changes at once: each change is a point, the fleet size after it against the
 * moved fraction over its ideal (1 = exactly 1/(N+1) or 1/N), with the change's statistical band
 * (also over the ideal) as a grey whisker and a dashed line at 1. Joins and leaves are separate
 * series, so a hundred changes read as a cloud around 1 instead of a hundred hairline bars.
 */
public final class RedistributionScatter extends ScatterChart<Number, Number> {
    /**
     * A change's point and band, both as ratios to its ideal fraction.
     *
     * @param x the fleet size after the change, or its time when the fleet size hardly varies
     */
    public record Point(double x, double ratio, double low, double high) {}

    private final List<Point> points = new ArrayList<>();
    private final Group overlay = new Group();

    RedistributionScatter(List<Redistribution> changes) {
        super(new NumberAxis(), new NumberAxis());
        setAnimated(false);
        // A rolling restart keeps N within one or two values; then time spreads the points instead.
        boolean byNodes = changes.stream().mapToInt(Redistribution::nodesAfter).distinct().count() >= 5;
        getXAxis().setLabel(byNodes ? "nodes after the change (N)" : "simulated time of the change (s)");
        getYAxis().setLabel("moved fraction / ideal (1 = 1/(N+1) on a join, 1/N on a leave)");
        overlay.setManaged(false);
        overlay.setMouseTransparent(true);
        getPlotChildren().add(0, overlay);
        XYChart.Series<Number, Number> joins = new XYChart.Series<>();
        joins.setName("join");
        XYChart.Series<Number, Number> leaves = new XYChart.Series<>();
        leaves.setName("leave");
        for (Redistribution r : changes) {
            double ideal = r.idealFraction();
            if (!(ideal > 0)) {
                continue;
            }
            Point p = new Point(byNodes ? r.nodesAfter() : r.time(), r.movedFraction() / ideal, r.boundLow() / ideal, r.boundHigh() / ideal);
            points.add(p);
            (r.kind() == ChangeKind.LEAVE ? leaves : joins).getData().add(new XYChart.Data<>(p.x(), p.ratio()));
        }
        if (!joins.getData().isEmpty()) {
            getData().add(joins);
        }
        if (!leaves.getData().isEmpty()) {
            getData().add(leaves);
        }
        fitAxes();
    }

    public List<Point> points() {
        return List.copyOf(points);
    }

    /** Both axes hold every point and band; the ratio axis always shows 1. */
    private void fitAxes() {
        double lo = 1;
        double hi = 1;
        double minN = Double.POSITIVE_INFINITY;
        double maxN = Double.NEGATIVE_INFINITY;
        for (Point p : points) {
            lo = Math.min(lo, Math.min(p.ratio(), p.low()));
            hi = Math.max(hi, Math.max(p.ratio(), p.high()));
            minN = Math.min(minN, p.x());
            maxN = Math.max(maxN, p.x());
        }
        NumberAxis y = (NumberAxis) getYAxis();
        double tick = NiceScale.tick((hi - lo) * 1.2, 8);
        y.setAutoRanging(false);
        y.setTickUnit(tick);
        y.setLowerBound(Math.max(0, Math.floor((lo - tick / 2) / tick) * tick));
        y.setUpperBound(Math.ceil((hi + tick / 2) / tick) * tick);
        NumberAxis x = (NumberAxis) getXAxis();
        if (points.isEmpty()) {
            return;
        }
        double span = Math.max(2, maxN - minN);
        double xTick = Math.max(1, NiceScale.tick(span, 10));
        x.setAutoRanging(false);
        x.setTickUnit(xTick);
        x.setLowerBound(Math.max(0, Math.floor((minN - 1) / xTick) * xTick));
        x.setUpperBound(Math.ceil((maxN + 1) / xTick) * xTick);
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        overlay.getChildren().clear();
        NumberAxis x = (NumberAxis) getXAxis();
        NumberAxis y = (NumberAxis) getYAxis();
        for (Point p : points) {
            double at = x.getDisplayPosition(p.x());
            Line whisker = new Line(at, y.getDisplayPosition(p.high()), at, y.getDisplayPosition(p.low()));
            whisker.setStroke(Color.rgb(110, 110, 110, 0.55));
            whisker.setStrokeWidth(Math.max(2, Math.min(8, (x.getDisplayPosition(x.getLowerBound() + 1) - x.getDisplayPosition(x.getLowerBound())) * 0.6)));
            overlay.getChildren().add(whisker);
        }
        double one = y.getDisplayPosition(1);
        Line ideal = new Line(0, one, x.getWidth(), one);
        ideal.setStroke(Color.rgb(20, 20, 20));
        ideal.setStrokeWidth(1.5);
        ideal.getStrokeDashArray().setAll(6.0, 4.0);
        overlay.getChildren().add(ideal);
    }
}
