package io.fleetlab.simulator.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.simulator.result.MembershipStats;
import io.fleetlab.simulator.result.Redistribution;
import io.fleetlab.simulator.result.ResultFiles;
import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.simulator.scenario.ScenarioConfig;
import io.fleetlab.simulator.scenario.ScenarioLoader;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SimulationTest {
    /** A small story touching every kind of action and network imperfection, over gossip. */
    static final String STORY = """
            {
              "version": 1,
              "membership": "gossip",
              "warmup": "20s",
              "duration": "2m",
              "fleet": { "size": 8, "gossip": { "preset": "alloy", "probeInterval": "2s" } },
              "targets": { "count": 2000, "shape": "pod", "jobs": 5 },
              "network": { "latency": { "distribution": "lognormal", "median": "2ms", "sigma": 0.6 },
                           "loss": 0.05, "duplicate": 0.02, "reorder": 0.05, "reorderDelay": "10ms" },
              "timeline": [
                { "at": "5s", "action": "join", "count": 2 },
                { "at": "15s", "action": "crash", "node": "alloy-3" },
                { "at": "30s", "action": "pause", "node": "alloy-1", "duration": "8s" },
                { "at": "40s", "action": "partition", "sides": [["alloy-0", "alloy-2"], ["alloy-4", "alloy-5"]] },
                { "at": "50s", "action": "heal" },
                { "at": "55s", "action": "skew", "node": "alloy-2", "offset": "3s" },
                { "at": "60s", "action": "slow", "node": "alloy-5", "delay": "300ms", "duration": "10s" },
                { "at": "70s", "action": "set-loss", "loss": 0.2 },
                { "at": "75s", "action": "restart", "node": "alloy-3" },
                { "at": "80s", "action": "leave", "node": "alloy-9" }
              ]
            }
            """;

    private static byte[] run(String text, long seed) throws Exception {
        ScenarioConfig cfg = ScenarioLoader.parse("story.json", text);
        return ResultFiles.toBytes(new Simulation(cfg, seed).run(t -> {}));
    }

    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedOtherBytes() throws Exception {
        byte[] a = run(STORY, 42);
        byte[] b = run(STORY, 42);
        byte[] c = run(STORY, 43);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void gossipRunDetectsTheCrashAndMeasuresTheStory() throws Exception {
        ScenarioConfig cfg = ScenarioLoader.parse("story.json", STORY);
        SimulationResult r = new Simulation(cfg, 7).run(t -> {});
        assertEquals(2000, r.targetCount());
        assertEquals(10, r.nodes().size());
        MembershipStats.Detection d = r.membership().detections().get(0);
        assertEquals("alloy-3", d.node());
        assertTrue(d.firstDead() > 1 && d.firstDead() < 60, "detected after " + d.firstDead());
        assertTrue(r.totals().unownedTargetSeconds() > 0, "the crashed node's targets went unscraped until detection");
        assertTrue(r.membership().messagesPerNodePerSecond() > 0);
        // joins and leaves of the ideal fleet: consistent hashing moves only the joiner's/leaver's targets
        for (Redistribution x : r.redistribution()) {
            assertEquals(0, x.misplaced(), x.toString());
        }
        assertEquals(r.agreement().size(), 121);
        assertTrue(r.events().stream().anyMatch(e -> e.kind().equals("partition")));
    }

    @Test
    void oracleFleetAgreesAtAllTimesAndMovesTheIdealShare() throws Exception {
        String oracle = """
                {
                  "version": 1, "membership": "oracle", "duration": "1m",
                  "fleet": { "size": 10 },
                  "targets": { "count": 20000 },
                  "timeline": [
                    { "at": "10s", "action": "scale-to", "size": 14, "interval": "5s" },
                    { "at": "40s", "action": "leave", "count": 2 }
                  ]
                }
                """;
        SimulationResult r = new Simulation(ScenarioLoader.parse("oracle.json", oracle), 1).run(t -> {});
        assertEquals(0.0, r.totals().unownedTargetSeconds());
        assertEquals(0.0, r.totals().doubleOwnedTargetSeconds());
        assertEquals(6, r.redistribution().size());
        for (Redistribution x : r.redistribution()) {
            assertEquals(0, x.misplaced());
            assertTrue(x.movedFraction() >= x.boundLow() && x.movedFraction() <= x.boundHigh(), x.toString());
        }
        assertEquals(12, r.load().perNode().size());
        long sum = r.load().perNode().stream().mapToLong(l -> l.targets()).sum();
        assertEquals(20000, sum);
        for (MembershipStats.Convergence c : r.membership().convergence()) {
            assertEquals(0.0, c.p100());
        }
    }
}
