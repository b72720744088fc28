package io.fleetlab.viewer.charts;

import java.util.ArrayList;
import java.util.Arrays;
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
public final class TimeLineChart extends LineChart<Number, Number> implements TimeCursor {

    /**
     * @param time  simulated seconds
     * @param label short text drawn at the marker's top
     * @param color the marker's color
     */
    public record Marker(double time, String label, Color color) {}

    private static final int LABEL_ROWS = 4;
    private static final Font LABEL_FONT = Font.font(11);
    private final List<Marker> markers = new ArrayList<>();
    private final Group overlay = new Group();
    private final Line cursorLine = new Line();
    private double cursor = Double.NaN;

    public TimeLineChart(double durationSeconds, String valueLabel) {
        this(0, durationSeconds, valueLabel);
    }

    /** A chart whose time axis spans {@code [from, to]} simulated seconds. */
    public TimeLineChart(double from, double to, String valueLabel) {
        super(timeAxis(from, to), new NumberAxis());
        getYAxis().setLabel(valueLabel);
        setAnimated(false);
        setCreateSymbols(false);
        overlay.setManaged(false);
        overlay.setMouseTransparent(true);
        getPlotChildren().add(overlay);
        cursorLine.setStroke(Color.BLACK);
        cursorLine.setStrokeWidth(2);
        cursorLine.setVisible(false);
    }

    private static NumberAxis timeAxis(double from, double to) {
        double lower = Math.max(0, from);
        double upper = to > lower ? to : lower + 1;
        double tick = NiceScale.tick(upper - lower, 10);
        NumberAxis axis = new NumberAxis(lower, upper, tick);
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

    /**
     * Moves the cursor to {@code time} (NaN hides it). Only the cursor line moves; the series are
     * not laid out again, which keeps the slider quick on charts with many lines.
     */
    @Override
    public void setCursor(double time) {
        cursor = time;
        placeCursor();
    }

    private void placeCursor() {
        NumberAxis x = (NumberAxis) getXAxis();
        NumberAxis y = (NumberAxis) getYAxis();
        boolean shown = !Double.isNaN(cursor) && cursor >= x.getLowerBound() && cursor <= x.getUpperBound();
        cursorLine.setVisible(shown);
        if (shown) {
            double at = x.getDisplayPosition(cursor);
            cursorLine.setStartX(at);
            cursorLine.setEndX(at);
            cursorLine.setStartY(y.getDisplayPosition(y.getUpperBound()));
            cursorLine.setEndY(y.getDisplayPosition(y.getLowerBound()));
        }
    }

    /** Whether the cursor is drawn: it is set and inside this chart's time span. */
    public boolean cursorShown() {
        return cursorLine.isVisible();
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
        double[] rowFreeFrom = new double[LABEL_ROWS];
        Arrays.fill(rowFreeFrom, Double.NEGATIVE_INFINITY);
        for (Marker m : markers) {
            if (m.time() < x.getLowerBound() || m.time() > x.getUpperBound()) {
                continue;
            }
            double at = x.getDisplayPosition(m.time());
            Line line = new Line(at, top, at, bottom);
            line.setStroke(m.color());
            line.setStrokeWidth(1.5);
            line.getStrokeDashArray().setAll(4.0, 3.0);
            overlay.getChildren().add(line);
            // A label goes in the first row where it does not run into the previous one; when
            // events crowd (e.g. a burst of suspicions) the lines stay and surplus labels go.
            for (int row = 0; row < LABEL_ROWS; row++) {
                if (at >= rowFreeFrom[row]) {
                    Text text = new Text(at + 3, top + 12 + 13 * row, m.label());
                    text.setFont(LABEL_FONT);
                    text.setFill(m.color());
                    overlay.getChildren().add(text);
                    rowFreeFrom[row] = at + 3 + text.getLayoutBounds().getWidth() + 4;
                    break;
                }
            }
        }
        overlay.getChildren().add(cursorLine);
        placeCursor();
        overlay.toFront();
    }
}
