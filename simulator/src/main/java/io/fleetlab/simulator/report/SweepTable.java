package io.fleetlab.simulator.report;

import io.fleetlab.simulator.sweep.RunSummary;
import io.fleetlab.simulator.sweep.SweepFigure;
import io.fleetlab.simulator.sweep.SweepStatistics;
import java.util.List;
import java.util.Map;

/**
 * A sweep's console table: per group its name on a line, then the mean of every figure and the
 * half-width of its 95% confidence interval, in fixed columns no wider than {@value #WIDTH}.
 */
public final class SweepTable {
    /** The widest a line gets. */
    public static final int WIDTH = 120;
    private static final int LABEL = 10;
    private static final int CELL = 11;

    private SweepTable() {}

    public static String render(Map<String, List<RunSummary>> groups) {
        StringBuilder sb = new StringBuilder();
        sb.append(pad("", LABEL));
        for (SweepFigure f : SweepFigure.ALL) {
            sb.append(left(f.header(), CELL));
        }
        sb.append('\n');
        for (Map.Entry<String, List<RunSummary>> e : groups.entrySet()) {
            String title = e.getKey() + " (" + e.getValue().size() + " run" + (e.getValue().size() == 1 ? "" : "s") + ")";
            sb.append(title.length() > WIDTH ? title.substring(0, WIDTH - 3) + "..." : title).append('\n');
            StringBuilder mean = new StringBuilder(pad("  mean", LABEL));
            StringBuilder ci = new StringBuilder(pad("  ± 95% CI", LABEL));
            for (SweepFigure f : SweepFigure.ALL) {
                SweepStatistics s = f.over(e.getValue());
                mean.append(left(Plain.number(s.mean()), CELL));
                ci.append(left(s.n() < 2 ? "n/a" : Plain.number((s.ciHigh() - s.ciLow()) / 2), CELL));
            }
            sb.append(mean).append('\n').append(ci).append('\n');
        }
        return sb.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    private static String left(String s, int width) {
        return " ".repeat(Math.max(1, width - s.length())) + s;
    }
}
