package io.fleetlab.viewer.charts;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Group;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * A line chart over simulated time with vertical event markers and a cursor at the selected
 * time. The time axis spans the whole run, so markers and cursor line up across charts.
 */
public final class TimeLineChart extends LineChart<Number, Number> {

    /**
     * @param time  simulated seconds
     * @param label short text drawn at the marker's top
     * @param color the marker's color
     */
    public record Marker(double time, String label, Color color) {}

    private final List<Marker> markers = new ArrayList<>();
    private final Group overlay = new Group();
    private double cursor = Double.NaN;

    public TimeLineChart(double durationSeconds, String valueLabel) {
        super(timeAxis(durationSeconds), new NumberAxis());
        getYAxis().setLabel(valueLabel);
        setAnimated(false);
        setCreateSymbols(false);
        overlay.setManaged(false);
        overlay.setMouseTransparent(true);
        getPlotChildren().add(overlay);
    }

    private static NumberAxis timeAxis(double duration) {
        double upper = duration > 0 ? duration : 1;
        double tick = NiceScale.tick(upper, 10);
        NumberAxis axis = new NumberAxis(0, upper, tick);
        axis.setLabel("simulated time (s)");
        return axis;
    }

    public void addMarker(Marker marker) {
        markers.add(marker);
        requestChartLayout();
    }

    public List<Marker> markers() {
        return List.copyOf(markers);
    }

    /** Moves the cursor to {@code time} (NaN hides it). */
    public void setCursor(double time) {
        cursor = time;
        requestChartLayout();
    }

    public double cursor() {
        return cursor;
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        overlay.getChildren().clear();
        NumberAxis x = (NumberAxis) getXAxis();
        NumberAxis y = (NumberAxis) getYAxis();
        double top = y.getDisplayPosition(y.getUpperBound());
        double bottom = y.getDisplayPosition(y.getLowerBound());
        int row = 0;
        for (Marker m : markers) {
            double at = x.getDisplayPosition(m.time());
            Line line = new Line(at, top, at, bottom);
            line.setStroke(m.color());
            line.setStrokeWidth(1.5);
            line.getStrokeDashArray().setAll(4.0, 3.0);
            Text text = new Text(at + 3, top + 12 + 13 * (row++ % 4), m.label());
            text.setFont(Font.font(11));
            text.setFill(m.color());
            overlay.getChildren().addAll(line, text);
        }
        if (!Double.isNaN(cursor)) {
            double at = x.getDisplayPosition(cursor);
            Line line = new Line(at, top, at, bottom);
            line.setStroke(Color.BLACK);
            line.setStrokeWidth(2);
            overlay.getChildren().add(line);
        }
        overlay.toFront();
    }
}
