package io.fleetlab.simulator.sweep;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A headline figure a sweep aggregates across runs, with its name in files and its header in
 * console tables.
 */
public record SweepFigure(String name, String header, ToDoubleFunction<RunSummary> value) {
    /** Every figure, in table order. */
    public static final List<SweepFigure> ALL = List.of(
            new SweepFigure("movedRatio", "move/ideal", RunSummary::movedRatio),
            new SweepFigure("peakToMean", "peak/mean", RunSummary::peakToMean),
            new SweepFigure("unownedTargetSeconds", "unowned ts", RunSummary::unownedTargetSeconds),
            new SweepFigure("doubleOwnedTargetSeconds", "double ts", RunSummary::doubleOwnedTargetSeconds),
            new SweepFigure("joinConvergenceP90Seconds", "join p90s", RunSummary::joinConvergenceP90),
            new SweepFigure("leaveConvergenceP90Seconds", "leave p90s", RunSummary::leaveConvergenceP90),
            new SweepFigure("crashConvergenceP90Seconds", "crash p90s", RunSummary::crashConvergenceP90),
            new SweepFigure("crashDetectedByAllSeconds", "detected s", RunSummary::crashDetectedByAll),
            new SweepFigure("falseSuspicions", "false susp", RunSummary::falseSuspicions),
            new SweepFigure("falseDeaths", "false dead", RunSummary::falseDeaths));

    /** This figure's statistics over {@code runs}. */
    public SweepStatistics over(List<RunSummary> runs) {
        return SweepStatistics.of(runs.stream().mapToDouble(value).toArray());
    }
}
