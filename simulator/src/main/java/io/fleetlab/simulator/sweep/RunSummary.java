package io.fleetlab.simulator.sweep;

import io.fleetlab.simulator.result.ChangeKind;
import io.fleetlab.simulator.result.MembershipStats;
import io.fleetlab.simulator.result.Redistribution;
import io.fleetlab.simulator.result.SimulationResult;
import java.util.Set;

/**
 * The headline figures of one run, the unit a sweep aggregates. Convergence is split by the kind
 * of change, since a crash takes tens of seconds of probing and suspicion while a join or a leave
 * spreads in a fraction of a second; their mean would describe neither.
 *
 * @param joinConvergenceP90  mean p90 over the run's joins and restarts, seconds (NaN without any)
 * @param leaveConvergenceP90 mean p90 over its graceful leaves
 * @param crashConvergenceP90 mean p90 over its crashes
 * @param crashDetectedByAll  mean over the run's crashes of the time until every live node declared
 *                            the crashed one dead; NaN without crashes (or when one was never detected)
 */
public record RunSummary(String algorithm, long seed, double movedRatio, double peakToMean, double unownedTargetSeconds,
        double doubleOwnedTargetSeconds, double joinConvergenceP90, double leaveConvergenceP90,
        double crashConvergenceP90, double crashDetectedByAll, double falseSuspicions, double falseDeaths) {

    public static RunSummary of(SimulationResult r) {
        double ratio = r.redistribution().stream().mapToDouble(Redistribution::ratio).average().orElse(Double.NaN);
        double detected = r.membership().detections().stream().mapToDouble(MembershipStats.Detection::allDead)
                .average().orElse(Double.NaN);
        return new RunSummary(r.algorithm(), r.seed(), ratio, r.load().peakToMean(), r.totals().unownedTargetSeconds(),
                r.totals().doubleOwnedTargetSeconds(), meanP90(r, Set.of(ChangeKind.JOIN, ChangeKind.RESTART)), meanP90(r, Set.of(ChangeKind.LEAVE)),
                meanP90(r, Set.of(ChangeKind.CRASH)), detected, r.membership().falseSuspicions(), r.membership().falseDeaths());
    }

    private static double meanP90(SimulationResult r, Set<ChangeKind> kinds) {
        return r.membership().convergence().stream().filter(c -> kinds.contains(c.kind()))
                .mapToDouble(MembershipStats.Convergence::p90).filter(d -> !Double.isNaN(d)).average().orElse(Double.NaN);
    }
}
