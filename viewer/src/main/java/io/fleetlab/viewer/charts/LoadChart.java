package io.fleetlab.viewer.charts;

import io.fleetlab.simulator.result.LoadSummary;
import io.fleetlab.simulator.result.SimulationResult;
import java.util.Locale;
import javafx.scene.chart.XYChart;

/**
 * Targets per node at the end of the run, against the mean (dashed) and the band of one
 * expected standard deviation around it, sqrt(1/V + (N-1)/T) of the mean.
 */
public final class LoadChart {
    /** Beyond this many nodes, a bar each is a hairline; the nodes are ranked on a curve instead. */
    public static final int MAX_BARS = 40;

    private LoadChart() {}

    /** Bars for a small fleet, a ranked load curve for a large one. */
    public static javafx.scene.layout.Region figure(SimulationResult result) {
        LoadSummary load = result.load();
        return load != null && load.perNode() != null && load.perNode().size() > MAX_BARS ? curve(result) : create(result);
    }

    /**
     * Targets per node, most loaded first, against the mean and the expected band: the curve's
     * tilt is the spread, its ends the extremes.
     */
    public static javafx.scene.chart.LineChart<Number, Number> curve(SimulationResult result) {
        LoadSummary load = result.load();
        javafx.scene.chart.NumberAxis x = new javafx.scene.chart.NumberAxis();
        x.setLabel("nodes ranked by targets owned (1 = most)");
        javafx.scene.chart.NumberAxis y = new javafx.scene.chart.NumberAxis();
        y.setLabel("targets owned");
        javafx.scene.chart.LineChart<Number, Number> chart = new javafx.scene.chart.LineChart<>(x, y);
        chart.setId("loadChart");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setTitle(RunTitle.titled("Load", result, String.format(Locale.ROOT,
                "%d nodes ranked; mean %.1f, expected sd \u00b1%.1f%%; peak/mean %.3f, sd %.1f%%", load.perNode().size(),
                load.mean(), load.boundRelativeSd() * 100, load.peakToMean(), load.relativeSd() * 100)));
        long[] ranked = load.perNode().stream().mapToLong(LoadSummary.NodeLoad::targets).sorted().toArray();
        int n = ranked.length;
        XYChart.Series<Number, Number> targets = new XYChart.Series<>();
        targets.setName("targets per node");
        for (int i = 0; i < n; i++) {
            targets.getData().add(new XYChart.Data<>(i + 1, ranked[n - 1 - i]));
        }
        chart.getData().add(targets);
        chart.getData().add(level("mean", load.mean(), n));
        chart.getData().add(level("mean + expected sd", load.mean() * (1 + load.boundRelativeSd()), n));
        chart.getData().add(level("mean \u2212 expected sd", load.mean() * (1 - load.boundRelativeSd()), n));
        chart.getStylesheets().add("data:text/css;base64," + java.util.Base64.getEncoder().encodeToString((
                ".default-color0.chart-series-line { -fx-stroke: #e15759; -fx-stroke-width: 2.5px; }"
                + ".default-color1.chart-series-line { -fx-stroke: #202020; -fx-stroke-dash-array: 8 5; }"
                + ".default-color2.chart-series-line, .default-color3.chart-series-line"
                + " { -fx-stroke: #808080; -fx-stroke-dash-array: 3 4; }"
                + ".default-color0.chart-legend-item-symbol { -fx-background-color: #e15759; }"
                + ".default-color1.chart-legend-item-symbol { -fx-background-color: #202020; }"
                + ".default-color2.chart-legend-item-symbol, .default-color3.chart-legend-item-symbol"
                + " { -fx-background-color: #808080; }").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return chart;
    }

    private static XYChart.Series<Number, Number> level(String name, double value, int n) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        s.getData().add(new XYChart.Data<>(1, value));
        s.getData().add(new XYChart.Data<>(n, value));
        return s;
    }

    public static ReferenceBarChart create(SimulationResult result) {
        ReferenceBarChart chart = new ReferenceBarChart("node", "targets owned");
        chart.setId("loadChart");
        LoadSummary load = result.load();
        XYChart.Series<String, Number> targets = new XYChart.Series<>();
        targets.setName("targets");
        chart.getData().add(targets);
        if (load == null) {
            chart.setTitle(RunTitle.titled("Load", result, "none recorded"));
            return chart;
        }
        chart.setTitle(RunTitle.titled("Load", result, String.format(Locale.ROOT,
                "mean %.1f (dashed) \u00b1 %.1f%% expected sd (shaded); peak/mean %.3f, sd %.1f%%",
                load.mean(), load.boundRelativeSd() * 100, load.peakToMean(), load.relativeSd() * 100)));
        ReferenceBarChart.Reference band = new ReferenceBarChart.Reference(
                load.mean() * (1 - load.boundRelativeSd()), load.mean(), load.mean() * (1 + load.boundRelativeSd()));
        for (LoadSummary.NodeLoad n : MembershipTimelineChart.nullSafe(load.perNode())) {
            targets.getData().add(new XYChart.Data<>(n.node(), n.targets()));
        }
        for (LoadSummary.NodeLoad n : MembershipTimelineChart.nullSafe(load.perNode())) {
            chart.setReference(n.node(), band);
        }
        chart.fitValueAxis();
        return chart;
    }
}
