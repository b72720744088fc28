package io.fleetlab.simulator.run;

import io.fleetlab.simulator.fleet.Fleet;
import io.fleetlab.simulator.metrics.Bounds;
import io.fleetlab.simulator.node.SimNode;
import io.fleetlab.simulator.result.LoadSummary;
import io.fleetlab.simulator.result.MembershipStats;
import io.fleetlab.simulator.result.NodeInfo;
import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.simulator.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

/** Builds the result file's content from what the run's observers recorded and the fleet at the end. */
final class ResultAssembler {
    private final Scenario scenario;
    private final String algorithm;
    private final long seed;
    private final int targetCount;
    private final Fleet fleet;
    private final EventLog events;
    private final RedistributionRecorder redistribution;
    private final AgreementRecorder agreement;
    private final ConvergenceRecorder convergence;

    ResultAssembler(Scenario scenario, String algorithm, long seed, int targetCount, Fleet fleet, EventLog events,
            RedistributionRecorder redistribution, AgreementRecorder agreement, ConvergenceRecorder convergence) {
        this.scenario = scenario;
        this.algorithm = algorithm;
        this.seed = seed;
        this.targetCount = targetCount;
        this.fleet = fleet;
        this.events = events;
        this.redistribution = redistribution;
        this.agreement = agreement;
        this.convergence = convergence;
    }

    SimulationResult build() {
        List<NodeInfo> infos = new ArrayList<>();
        for (SimNode n : fleet.nodes()) {
            infos.add(new NodeInfo(n.name(), n.address()));
        }
        return new SimulationResult(SimulationResult.SCHEMA_VERSION, scenario.name(), seed, algorithm,
                scenario.hashing().tokensPerNode(), scenario.duration().toNanos() / 1e9, targetCount, infos,
                events.events(), redistribution.changes(), agreement.agreement(), agreement.totals(), load(),
                agreement.views(), events.peerTable(), membership());
    }

    private LoadSummary load() {
        List<LoadSummary.NodeLoad> per = new ArrayList<>();
        double sum = 0;
        double max = 0;
        for (SimNode n : fleet.nodes()) {
            if (n.status() == SimNode.Status.UP) {
                per.add(new LoadSummary.NodeLoad(n.name(), n.ownedCount()));
                sum += n.ownedCount();
                max = Math.max(max, n.ownedCount());
            }
        }
        int count = per.size();
        double mean = count == 0 ? 0 : sum / count;
        double ss = 0;
        for (LoadSummary.NodeLoad l : per) {
            ss += (l.targets() - mean) * (l.targets() - mean);
        }
        double sd = count > 1 ? Math.sqrt(ss / (count - 1)) : 0;
        return new LoadSummary(per, mean, mean == 0 ? 0 : max / mean, mean == 0 ? 0 : sd / mean,
                Bounds.relativeSd(scenario.hashing().tokensPerNode(), count, targetCount));
    }

    private MembershipStats membership() {
        long messages = 0;
        long bytes = 0;
        for (SimNode n : fleet.nodes()) {
            messages += n.messagesSent();
            bytes += n.bytesSent();
        }
        double nodeSeconds = Math.max(agreement.nodeSeconds(), 1e-9);
        return new MembershipStats(convergence.convergence(), convergence.detections(), events.falseSuspicions(),
                events.falseDeaths(), messages / nodeSeconds, bytes / nodeSeconds);
    }
}
