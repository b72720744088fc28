package io.fleetlab.simulator.sweep;

import io.fleetlab.simulator.result.MembershipStats;
import io.fleetlab.simulator.result.Redistribution;
import io.fleetlab.simulator.result.SimulationResult;

/**
 * The headline figures of one run, the unit a sweep aggregates.
 *
 * @param crashDetectedByAll mean over the run's crashes of the time until every live node declared
 *                           the crashed one dead; NaN without crashes (or when one was never detected)
 */
public record RunSummary(String algorithm, long seed, double movedRatio, double peakToMean, double unownedTargetSeconds,
        double doubleOwnedTargetSeconds, double convergenceP90, double crashDetectedByAll, double falseSuspicions,
        double falseDeaths, double wallSeconds) {

    public static RunSummary of(SimulationResult r, double wallSeconds) {
        double ratio = r.redistribution().stream().mapToDouble(Redistribution::ratio).average().orElse(Double.NaN);
        double p90 = r.membership().convergence().stream().mapToDouble(MembershipStats.Convergence::p90)
                .filter(d -> !Double.isNaN(d)).average().orElse(Double.NaN);
        double detected = r.membership().detections().stream().mapToDouble(MembershipStats.Detection::allDead)
                .average().orElse(Double.NaN);
        return new RunSummary(r.algorithm(), r.seed(), ratio, r.load().peakToMean(), r.totals().unownedTargetSeconds(),
                r.totals().doubleOwnedTargetSeconds(), p90, detected, r.membership().falseSuspicions(),
                r.membership().falseDeaths(), wallSeconds);
    }
}
