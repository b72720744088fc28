package io.fleetlab.viewer.charts;

import io.fleetlab.simulator.result.AgreementSample;
import io.fleetlab.simulator.result.AgreementTotals;
import io.fleetlab.simulator.result.SimulationResult;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * Ownership agreement over time: per sample interval, the most targets nobody scraped and the most
 * scraped twice or more (interval maxima, so a disagreement between two samples is not lost). The
 * fleet's start-up (every target unowned or doubly owned for a moment) is drawn apart, on the
 * left, so its spike does not flatten what the scenario's actions do on the right.
 */
public final class AgreementChart extends HBox implements TimeCursor {
    /** Unowned red, double-owned blue: JavaFX's first two default colors are both orange. */
    private static final String SERIES_COLORS = "data:text/css;base64," + java.util.Base64.getEncoder().encodeToString((
            ".chart-title { -fx-font-size: 14px; }"
            + ".default-color0.chart-series-line { -fx-stroke: #c62828; }"
            + ".default-color0.chart-line-symbol { -fx-background-color: #c62828, white; }"
            + ".default-color1.chart-series-line { -fx-stroke: #1565c0; }"
            + ".default-color1.chart-line-symbol { -fx-background-color: #1565c0, white; }")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    private final TimeLineChart startUp;
    private final TimeLineChart run;

    private AgreementChart(TimeLineChart startUp, TimeLineChart run) {
        this.startUp = startUp;
        this.run = run;
        setId("agreementChart");
        if (startUp != null) {
            startUp.setId("agreementStartUp");
            startUp.prefWidthProperty().bind(widthProperty().multiply(0.24));
            startUp.setMinWidth(120);
            getChildren().add(startUp);
        }
        run.setId("agreementRun");
        HBox.setHgrow(run, Priority.ALWAYS);
        getChildren().add(run);
        setStyle("-fx-background-color: white;");
    }

    public static AgreementChart create(SimulationResult result) {
        List<AgreementSample> samples = MembershipTimelineChart.nullSafe(result.agreement());
        OptionalDouble first = FirstAction.of(result);
        double end = Math.max(result.durationSeconds(), 1);
        boolean split = first.isPresent() && first.getAsDouble() > 0 && first.getAsDouble() < end
                && samples.stream().anyMatch(s -> s.time() < first.getAsDouble());
        double from = split ? first.getAsDouble() : 0;
        TimeLineChart run = chart(samples, from, end, RunTitle.titled("Ownership agreement", result, detail(result.totals(), split)));
        if (!split) {
            return new AgreementChart(null, run);
        }
        TimeLineChart startUp = chart(samples, 0, from, "Start-up\n(before the first action)");
        startUp.setLegendVisible(false);
        // A quarter of the width holds about four tick labels.
        ((javafx.scene.chart.NumberAxis) startUp.getXAxis()).setTickUnit(NiceScale.tick(from, 4));
        return new AgreementChart(startUp, run);
    }

    private static TimeLineChart chart(List<AgreementSample> samples, double from, double to, String title) {
        TimeLineChart chart = new TimeLineChart(from, to, "targets");
        chart.setTitle(title);
        XYChart.Series<Number, Number> unowned = new XYChart.Series<>();
        unowned.setName("unowned");
        XYChart.Series<Number, Number> doubleOwned = new XYChart.Series<>();
        doubleOwned.setName("double-owned");
        for (AgreementSample s : samples) {
            if (s.time() >= from && s.time() <= to) {
                unowned.getData().add(new XYChart.Data<>(s.time(), s.maxUnowned()));
                doubleOwned.getData().add(new XYChart.Data<>(s.time(), s.maxDoubleOwned()));
            }
        }
        chart.getData().add(unowned);
        chart.getData().add(doubleOwned);
        chart.getStylesheets().add(SERIES_COLORS);
        return chart;
    }

    private static String detail(AgreementTotals t, boolean split) {
        if (t == null) {
            return "";
        }
        return String.format(Locale.ROOT, "target-seconds%s: %.0f unowned (red), %.0f double-owned (blue); peaks %d / %d",
                split ? " after the first action" : "", t.unownedTargetSeconds(), t.doubleOwnedTargetSeconds(),
                t.maxUnowned(), t.maxDoubleOwned());
    }

    /** The chart from the first action on (the whole run when there is no start-up to set apart). */
    public TimeLineChart runChart() {
        return run;
    }

    /** The start-up chart, or null when the run is shown whole. */
    public TimeLineChart startUpChart() {
        return startUp;
    }

    @Override
    public void setCursor(double time) {
        // Each chart hides the cursor outside its own time span.
        if (startUp != null) {
            startUp.setCursor(time);
        }
        run.setCursor(time);
    }
}
