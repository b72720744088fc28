package io.fleetlab.bench.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetlab.core.membership.GossipPreset;
import io.fleetlab.core.ring.HashingAlgorithm;
import io.fleetlab.simulator.scenario.Scenario;
import io.fleetlab.simulator.scenario.ScenarioException;
import io.fleetlab.simulator.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;

/**
 * The scenarios the whole-run benchmarks play, written as scenario files and read by the
 * simulator's own loader so they are validated like any user's file. Sizes and durations are
 * parameters so the CI smoke pass can run small versions of the same scenarios.
 */
final class BenchScenarios {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchScenarios() {}

    /**
     * The shipped {@code large-fleet} story at any size: {@code size} nodes share 100 targets per
     * node; at 30% of the run 1% more nodes join, at 60% one node crashes.
     */
    static Scenario largeFleet(int size, int seconds) throws ScenarioException {
        ObjectNode s = base("bench-large-fleet-" + size, seconds, 2);
        ObjectNode fleet = s.putObject("fleet");
        fleet.put("size", size);
        fleet.put("namePattern", "alloy-%d");
        fleet.put("joinSpread", Math.max(1, seconds / 10) + "s");
        fleet.putObject("gossip").put("preset", GossipPreset.ALLOY.id());
        targets(s, size * 100);
        ArrayNode timeline = s.putArray("timeline");
        ObjectNode grow = timeline.addObject();
        grow.put("at", seconds * 3 / 10 + "s");
        grow.put("action", "scale-to");
        grow.put("size", size + Math.max(1, size / 100));
        grow.put("interval", "10s");
        ObjectNode crash = timeline.addObject();
        crash.put("at", seconds * 6 / 10 + "s");
        crash.put("action", "crash");
        crash.put("node", "alloy-" + size / 2);
        return parse(s);
    }

    /**
     * A warm-started fleet ({@code "start": "converged"}) of {@code size} nodes with 100 targets per
     * node: at 30% of the run 10 nodes join (10 s apart), at 60% one node crashes. The cost of a
     * steady state and of a few changes, without the start-up.
     */
    static Scenario warmFleet(int size, int seconds) throws ScenarioException {
        ObjectNode s = base("bench-warm-fleet-" + size, seconds, 2);
        ObjectNode fleet = s.putObject("fleet");
        fleet.put("size", size);
        fleet.put("namePattern", "alloy-%d");
        fleet.put("start", "converged");
        fleet.putObject("gossip").put("preset", GossipPreset.ALLOY.id());
        targets(s, size * 100);
        ArrayNode timeline = s.putArray("timeline");
        ObjectNode grow = timeline.addObject();
        grow.put("at", seconds * 3 / 10 + "s");
        grow.put("action", "join");
        grow.put("count", 10);
        grow.put("interval", "10s");
        ObjectNode crash = timeline.addObject();
        crash.put("at", seconds * 6 / 10 + "s");
        crash.put("action", "crash");
        crash.put("node", "alloy-" + size / 2);
        return parse(s);
    }

    /**
     * A rollout over {@code size} nodes: after a 60 s start, one node every {@code intervalMs}
     * stops gracefully, stays down 5 s and comes back under its name, for {@code seconds} in all.
     */
    static Scenario rollingRestart(int size, int seconds, int intervalMs) throws ScenarioException {
        ObjectNode s = base("bench-rolling-restart-" + size, seconds, 5);
        ObjectNode fleet = s.putObject("fleet");
        fleet.put("size", size);
        fleet.put("namePattern", "alloy-%d");
        fleet.put("joinSpread", "30s");
        fleet.putObject("gossip").put("preset", GossipPreset.ALLOY.id());
        targets(s, size * 10);
        ObjectNode restart = s.putArray("timeline").addObject();
        restart.put("at", "60s");
        restart.put("action", "rolling-restart");
        restart.put("interval", intervalMs + "ms");
        restart.put("downtime", "5s");
        restart.put("graceful", true);
        return parse(s);
    }

    private static ObjectNode base(String name, int seconds, int sampleSeconds) {
        ObjectNode s = JSON.createObjectNode();
        s.put("version", Scenario.VERSION);
        s.put("name", name);
        s.put("seed", 7);
        s.put("duration", seconds + "s");
        s.put("sampleInterval", sampleSeconds + "s");
        ObjectNode latency = s.putObject("network").putObject("latency");
        latency.put("distribution", "log-normal");
        latency.put("meanMs", 1.5);
        latency.put("sigma", 0.6);
        latency.put("minMs", 0.1);
        ObjectNode hashing = s.putObject("hashing");
        hashing.put("algorithm", HashingAlgorithm.ALLOY_RING.id());
        hashing.put("tokensPerNode", 512);
        return s;
    }

    private static void targets(ObjectNode s, int count) {
        ObjectNode t = s.putObject("targets");
        t.put("count", count);
        t.put("shape", "kubernetes-pods");
    }

    private static Scenario parse(ObjectNode s) throws ScenarioException {
        String name = s.get("name").asText();
        return ScenarioLoader.parse(name + ".json", s.toString().getBytes(StandardCharsets.UTF_8), name);
    }
}
