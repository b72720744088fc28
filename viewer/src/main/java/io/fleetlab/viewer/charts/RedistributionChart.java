package io.fleetlab.viewer.charts;

import io.fleetlab.simulator.result.Redistribution;
import io.fleetlab.simulator.result.SimulationResult;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.Region;

/**
 * Targets that changed owner at each join or leave, as a fraction of all targets, against the
 * ideal 1/(N+1) (join) or 1/N (leave) and the band chance alone would explain. Up to
 * {@link #MAX_BARS} changes are bars; more become a {@link RedistributionScatter} of the ratio
 * to the ideal against the fleet size.
 */
public final class RedistributionChart {
    /** Beyond this many changes, bars get too thin to read and their labels collide. */
    public static final int MAX_BARS = 24;

    private RedistributionChart() {}

    /** Bars for a few changes, a ratio-against-N scatter for many. */
    public static Region create(SimulationResult result) {
        List<Redistribution> changes = MembershipTimelineChart.nullSafe(result.redistribution());
        return changes.size() <= MAX_BARS ? bars(result) : scatter(result);
    }

    public static RedistributionScatter scatter(SimulationResult result) {
        List<Redistribution> changes = MembershipTimelineChart.nullSafe(result.redistribution());
        RedistributionScatter chart = new RedistributionScatter(changes);
        chart.setId("redistributionChart");
        long outside = chart.points().stream().filter(p -> p.ratio() < p.low() || p.ratio() > p.high()).count();
        double mean = chart.points().stream().mapToDouble(RedistributionScatter.Point::ratio).average().orElse(Double.NaN);
        chart.setTitle(RunTitle.titled("Redistribution", result, String.format(Locale.ROOT,
                "%d changes, moved/ideal mean %.3f, %d outside their band (grey); dashed = ideal",
                chart.points().size(), mean, outside)));
        return chart;
    }

    public static ReferenceBarChart bars(SimulationResult result) {
        ReferenceBarChart chart = new ReferenceBarChart("membership change", "moved fraction of targets");
        chart.setId("redistributionChart");
        chart.setTitle(RunTitle.titled("Redistribution", result,
                "moved fraction (bars), ideal 1/(N+1) or 1/N (dashed), statistical band (shaded)"));
        XYChart.Series<String, Number> moved = new XYChart.Series<>();
        moved.setName("moved fraction");
        Set<String> used = new HashSet<>();
        var changes = MembershipTimelineChart.nullSafe(result.redistribution());
        for (int i = 0; i < changes.size(); i++) {
            Redistribution r = changes.get(i);
            String category = category(r, i, used);
            moved.getData().add(new XYChart.Data<>(category, r.movedFraction()));
        }
        chart.getData().add(moved);
        for (int i = 0; i < changes.size(); i++) {
            Redistribution r = changes.get(i);
            chart.setReference(moved.getData().get(i).getXValue(),
                    new ReferenceBarChart.Reference(r.boundLow(), r.idealFraction(), r.boundHigh()));
        }
        chart.fitValueAxis();
        return chart;
    }

    /** A readable, unique label: what happened, to whom, when and to how many nodes. */
    static String category(Redistribution r, int index, Set<String> used) {
        String label = String.format(Locale.ROOT, "%s %s %d\u2192%d @%.0fs",
                r.kind(), r.node(), r.nodesBefore(), r.nodesAfter(), r.time());
        if (!used.add(label)) {
            label = label + " #" + (index + 1);
            used.add(label);
        }
        return label;
    }
}
