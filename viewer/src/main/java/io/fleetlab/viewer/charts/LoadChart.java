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
    private LoadChart() {}

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
