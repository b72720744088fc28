package io.fleetlab.viewer.charts;

import io.fleetlab.simulator.result.Redistribution;
import io.fleetlab.simulator.result.SimulationResult;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javafx.scene.chart.XYChart;

/**
 * Targets that changed owner at each join or leave, as a fraction of all targets, against the
 * ideal 1/(N+1) (join) or 1/N (leave) and the band chance alone would explain.
 */
public final class RedistributionChart {
    private RedistributionChart() {}

    public static ReferenceBarChart create(SimulationResult result) {
        ReferenceBarChart chart = new ReferenceBarChart("membership change", "moved fraction of targets");
        chart.setId("redistributionChart");
        chart.setTitle("Redistribution: moved fraction (bars), ideal 1/(N+1) or 1/N (dashed), statistical band (shaded)");
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
