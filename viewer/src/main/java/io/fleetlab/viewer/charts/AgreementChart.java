package io.fleetlab.viewer.charts;

import io.fleetlab.simulator.result.AgreementSample;
import io.fleetlab.simulator.result.AgreementTotals;
import io.fleetlab.simulator.result.SimulationResult;
import java.util.Locale;
import javafx.scene.chart.XYChart;

/**
 * Ownership agreement over time: per sample interval, the most targets nobody scraped and the most
 * scraped twice or more (interval maxima, so a disagreement between two samples is not lost).
 */
public final class AgreementChart {
    private AgreementChart() {}

    public static TimeLineChart create(SimulationResult result) {
        TimeLineChart chart = new TimeLineChart(result.durationSeconds(), "targets");
        chart.setId("agreementChart");
        chart.setTitle(title(result.totals()));
        XYChart.Series<Number, Number> unowned = new XYChart.Series<>();
        unowned.setName("unowned (interval max)");
        XYChart.Series<Number, Number> doubleOwned = new XYChart.Series<>();
        doubleOwned.setName("double-owned (interval max)");
        for (AgreementSample s : MembershipTimelineChart.nullSafe(result.agreement())) {
            unowned.getData().add(new XYChart.Data<>(s.time(), s.maxUnowned()));
            doubleOwned.getData().add(new XYChart.Data<>(s.time(), s.maxDoubleOwned()));
        }
        chart.getData().add(unowned);
        chart.getData().add(doubleOwned);
        return chart;
    }

    private static String title(AgreementTotals t) {
        if (t == null) {
            return "Ownership agreement";
        }
        return String.format(Locale.ROOT,
                "Ownership agreement: %.0f unowned and %.0f double-owned target-seconds (worst moment %d / %d)",
                t.unownedTargetSeconds(), t.doubleOwnedTargetSeconds(), t.maxUnowned(), t.maxDoubleOwned());
    }
}
