package io.fleetlab.viewer.charts;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.Group;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

/**
 * A bar chart that draws, over each category, what the bar should be: a shaded band (the
 * statistical range) and a dashed mark (the ideal or the mean). The value axis always spans the
 * bars and the bands, so a bar far outside its band is visibly so.
 */
public final class ReferenceBarChart extends BarChart<String, Number> {

    /**
     * @param low  lower edge of the band
     * @param mark the reference value
     * @param high upper edge of the band
     */
    public record Reference(double low, double mark, double high) {}

    private final Map<String, Reference> references = new LinkedHashMap<>();
    private final Group overlay = new Group();

    public ReferenceBarChart(String categoryLabel, String valueLabel) {
        super(new CategoryAxis(), new NumberAxis());
        getXAxis().setLabel(categoryLabel);
        getYAxis().setLabel(valueLabel);
        setAnimated(false);
        setLegendVisible(true);
        overlay.setManaged(false);
        overlay.setMouseTransparent(true);
        getPlotChildren().add(overlay);
    }

    /** Sets the band and mark drawn over {@code category}. */
    public void setReference(String category, Reference reference) {
        references.put(category, reference);
        fitValueAxis();
        requestChartLayout();
    }

    public Map<String, Reference> references() {
        return Map.copyOf(references);
    }

    /** Fixes the value axis from 0 to a round number above every bar and band. */
    public void fitValueAxis() {
        double top = 0;
        for (XYChart.Series<String, Number> s : getData()) {
            for (XYChart.Data<String, Number> d : s.getData()) {
                top = Math.max(top, d.getYValue().doubleValue());
            }
        }
        for (Reference r : references.values()) {
            top = Math.max(top, Math.max(r.high(), r.mark()));
        }
        NumberAxis axis = (NumberAxis) getYAxis();
        double tick = NiceScale.tick(top * 1.08, 8);
        axis.setAutoRanging(false);
        axis.setLowerBound(0);
        axis.setTickUnit(tick);
        axis.setUpperBound(Math.max(tick, Math.ceil(top * 1.08 / tick) * tick));
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        overlay.getChildren().clear();
        CategoryAxis x = (CategoryAxis) getXAxis();
        NumberAxis y = (NumberAxis) getYAxis();
        double width = x.getCategorySpacing();
        for (Map.Entry<String, Reference> e : references.entrySet()) {
            double center = x.getDisplayPosition(e.getKey());
            if (Double.isNaN(center)) {
                continue;
            }
            Reference r = e.getValue();
            double top = y.getDisplayPosition(r.high());
            double bottom = y.getDisplayPosition(r.low());
            Rectangle band = new Rectangle(center - width / 2, top, width, Math.max(1, bottom - top));
            band.setFill(Color.rgb(120, 120, 120, 0.22));
            Line mark = new Line(center - width / 2, y.getDisplayPosition(r.mark()), center + width / 2, y.getDisplayPosition(r.mark()));
            mark.setStroke(Color.rgb(20, 20, 20));
            mark.setStrokeWidth(2);
            mark.getStrokeDashArray().setAll(6.0, 4.0);
            overlay.getChildren().addAll(band, mark);
        }
        overlay.toFront();
    }
}
