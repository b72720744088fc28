package io.fleetlab.simulator.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.cluster.Component;
import io.fleetlab.core.cluster.MemberSettings;
import io.fleetlab.core.membership.GossipConfig;
import io.fleetlab.core.membership.NodeEvent;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.rebalance.ClusteringOptions;
import io.fleetlab.core.rebalance.OwnershipChange;
import io.fleetlab.core.rebalance.TargetSet;
import io.fleetlab.core.ring.Op;
import io.fleetlab.core.ring.HashingAlgorithm;
import io.fleetlab.simulator.engine.Simulation;
import io.fleetlab.simulator.network.LatencyModel;
import io.fleetlab.simulator.network.NetworkConditions;
import io.fleetlab.simulator.network.SimNetwork;
import io.fleetlab.simulator.network.TransportKind;
import io.fleetlab.simulator.node.OwnershipTables;
import io.fleetlab.simulator.result.ChangeKind;
import io.fleetlab.simulator.result.EventKind;
import io.fleetlab.simulator.workload.TargetPopulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** What a fleet tells its observers, and in which order, for each kind of change. */
class FleetTest {
    private static final long S = 1_000_000_000L;
    private static final int TARGETS = 2_000;

    private final Simulation simulation = new Simulation();
    private final Recorder heard = new Recorder();

    private Fleet fleet(boolean oracle) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7);
        SimNetwork network = new SimNetwork(simulation, rng, new NetworkConditions(
                new LatencyModel("constant", 1, 0, 0, 0), 0, 0, 0, 10 * S), TransportKind.MEMBERLIST_UDP);
        TargetSet targets = TargetPopulation.generate("strings", TARGETS, rng);
        OwnershipTables tables = new OwnershipTables(HashingAlgorithm.ALLOY_RING.create(64), targets, Op.READ_WRITE, 16);
        Fleet f = new Fleet(simulation, network, rng, new MemberSettings(GossipConfig.lan(), 0, Duration.ZERO),
                List.of(new Component("scrape", targets, ClusteringOptions.alloyDefaults(), Duration.ZERO)), tables,
                oracle, "n-%d");
        f.observe(heard);
        return f;
    }

    @Test
    void aCrashIsAnnouncedThenTheNodeIsDownThenTheFleetShrinks() {
        Fleet f = fleet(true);
        f.startCold(4, 0);
        simulation.runUntil(10 * S);
        heard.lines.clear();
        f.crash("n-1", EventKind.CRASH);
        assertEquals(List.of(
                "action crash n-1",
                "started crash n-1 [n-0, n-2, n-3] members 4",
                "down n-1",
                "fleet crash n-1 4>3",
                "view n-0", "view n-2", "view n-3", // the oracle gives the survivors the true fleet at once
                "all learned n-1"), heard.lines);
        assertEquals(3, f.upNodes().size());
        assertTrue(!f.isUp("n-1"));
    }

    @Test
    void theOracleHandsTheCrashedNodesTargetsToTheOthers() {
        Fleet f = fleet(true);
        f.startCold(4, 0);
        simulation.runUntil(10 * S);
        assertEquals(TARGETS, heard.owned(), "every target owned once by the four");
        f.crash("n-1", EventKind.CRASH);
        simulation.runUntil(20 * S);
        int others = heard.ownedBy.get("n-0") + heard.ownedBy.get("n-2") + heard.ownedBy.get("n-3");
        assertEquals(TARGETS, others, "the three survivors own every target between them");
    }

    @Test
    void aJoinIsLearnedByEveryRunningNodeThroughGossip() {
        Fleet f = fleet(false);
        f.startCold(3, S);
        simulation.runUntil(20 * S);
        heard.lines.clear();
        String joiner = f.nextName();
        f.start(joiner, ChangeKind.JOIN);
        assertEquals(List.of("action join n-3", "started join n-3 [n-0, n-1, n-2] members 4", "fleet join n-3 3>4"),
                heard.lines.subList(0, 3), "announced before the node starts, measured after");
        simulation.runUntil(30 * S);
        for (String n : List.of("n-0", "n-1", "n-2")) {
            assertTrue(heard.lines.contains("event " + n + " joined n-3"), n + " learned of the joiner: " + heard.lines);
        }
        assertTrue(heard.lines.contains("view n-3"), "the joiner's components saw a view");
    }

    @Test
    void aGracefulLeaveIsDownOnlyOnceTheNodeHasLeft() {
        Fleet f = fleet(false);
        f.startCold(3, S);
        simulation.runUntil(20 * S);
        heard.lines.clear();
        List<Long> thenAt = new ArrayList<>();
        f.leave("n-2", EventKind.RESTART, () -> thenAt.add(simulation.now()));
        assertEquals(List.of("action restart n-2", "started leave n-2 [n-0, n-1] members 3", "fleet leave n-2 3>2"),
                heard.lines, "a graceful restart is recorded as a restart and measured as a leave");
        assertTrue(thenAt.isEmpty(), "still leaving");
        simulation.runUntil(40 * S);
        assertEquals(1, thenAt.size());
        assertTrue(heard.lines.indexOf("down n-2") >= 0);
        assertTrue(!f.isUp("n-2"));
    }

    /** Every call, as a line; ownership as counts per node. */
    private static final class Recorder implements FleetObserver {
        final List<String> lines = new ArrayList<>();
        final Map<String, Integer> ownedBy = new HashMap<>();

        int owned() {
            return ownedBy.values().stream().mapToInt(Integer::intValue).sum();
        }

        @Override
        public void action(long nanos, EventKind kind, String node, String detail) {
            lines.add("action " + kind + " " + node);
        }

        @Override
        public void changeStarted(long nanos, ChangeKind kind, String node, List<String> observers, int members) {
            lines.add("started " + kind + " " + node + " " + observers + " members " + members);
        }

        @Override
        public void fleetChanged(long nanos, ChangeKind kind, String node, List<Peer> before, List<Peer> after) {
            lines.add("fleet " + kind + " " + node + " " + before.size() + ">" + after.size());
        }

        @Override
        public void learnedByAll(long nanos, String node) {
            lines.add("all learned " + node);
        }

        @Override
        public void wentDown(String node) {
            lines.add("down " + node);
        }

        @Override
        public void ownershipChanged(long nanos, String node, OwnershipChange change) {
            ownedBy.merge(node, change.started().length - change.stopped().length, Integer::sum);
        }

        @Override
        public void membershipEvent(long nanos, String node, NodeEvent event) {
            if (event instanceof NodeEvent.Joined) {
                lines.add("event " + node + " joined " + event.node());
            }
        }

        @Override
        public void viewChanged(long nanos, String node, List<Peer> peers) {
            lines.add("view " + node);
        }
    }
}
