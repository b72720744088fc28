package io.fleetlab.simulator.run;

import io.fleetlab.core.membership.GossipConfig;
import io.fleetlab.simulator.metrics.Bounds;
import io.fleetlab.simulator.node.SimNode;
import io.fleetlab.simulator.result.AgreementTotals;
import io.fleetlab.simulator.result.LoadSummary;
import io.fleetlab.simulator.result.MembershipStats;
import io.fleetlab.simulator.result.NodeInfo;
import io.fleetlab.simulator.result.PeerTableLog;
import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.simulator.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the result file's content from what a run recorded. */
final class ResultAssembler {
    private final Scenario scenario;
    private final String algorithm;
    private final long seed;
    private final int targetCount;
    private final RunMetrics m;
    private final Map<String, SimNode> nodes;
    private final GossipConfig gossip;

    ResultAssembler(Scenario scenario, String algorithm, long seed, int targetCount, RunMetrics metrics,
            Map<String, SimNode> nodes, GossipConfig gossip) {
        this.scenario = scenario;
        this.algorithm = algorithm;
        this.seed = seed;
        this.targetCount = targetCount;
        this.m = metrics;
        this.nodes = nodes;
        this.gossip = gossip;
    }

    SimulationResult build() {
        List<NodeInfo> infos = new ArrayList<>();
        for (SimNode n : nodes.values()) {
            infos.add(new NodeInfo(n.name(), n.address()));
        }
        AgreementTotals totals = new AgreementTotals(m.ledger.unownedTargetSeconds(), m.ledger.doubleOwnedTargetSeconds(),
                m.ledger.maxUnowned(), m.ledger.maxDoubleOwned());
        return new SimulationResult(SimulationResult.SCHEMA_VERSION, scenario.name(), seed, algorithm,
                scenario.hashing().tokensPerNode(), scenario.duration().toNanos() / 1e9, targetCount, infos,
                List.copyOf(m.events), List.copyOf(m.redistribution), List.copyOf(m.agreement), totals, load(),
                List.copyOf(m.views), new PeerTableLog(m.observer, List.copyOf(m.peerChanges)), membership());
    }

    private LoadSummary load() {
        List<LoadSummary.NodeLoad> per = new ArrayList<>();
        double sum = 0;
        double max = 0;
        for (SimNode n : nodes.values()) {
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
        for (SimNode n : nodes.values()) {
            messages += n.messagesSent();
            bytes += n.bytesSent();
        }
        double nodeSeconds = Math.max(m.nodeSeconds, 1e-9);
        return new MembershipStats(m.convergence.convergence(m.everDown), m.convergence.detections(m.everDown),
                m.falseSuspicions, m.falseDeaths, messages / nodeSeconds, bytes / nodeSeconds);
    }
}
