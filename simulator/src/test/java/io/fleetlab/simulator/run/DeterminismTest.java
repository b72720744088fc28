package io.fleetlab.simulator.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.simulator.result.ResultFiles;
import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.simulator.scenario.Scenario;
import io.fleetlab.simulator.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Same scenario and seed: the same bytes. That is what makes a result worth citing. */
class DeterminismTest {
    static final String STORY = """
            {
              "version": 1, "name": "determinism", "duration": "2m",
              "fleet": { "size": 6, "gossip": { "preset": "lan" } },
              "targets": { "count": 3000 },
              "network": { "latency": { "distribution": "log-normal", "meanMs": 2 }, "loss": 0.05, "duplication": 0.01, "reorder": 0.05 },
              "timeline": [
                { "at": "20s", "action": "join", "count": 2, "interval": "3s" },
                { "at": "40s", "action": "crash", "node": "alloy-2" },
                { "at": "50s", "action": "pause", "node": "alloy-4", "duration": "4s" },
                { "at": "60s", "action": "leave", "node": "alloy-7" },
                { "at": "70s", "action": "restart", "node": "alloy-2" }
              ]
            }
            """;

    static Scenario story() throws Exception {
        return ScenarioLoader.parse("determinism.json", STORY.getBytes(StandardCharsets.UTF_8), "determinism");
    }

    @Test
    void sameSeedGivesByteIdenticalResults() throws Exception {
        Scenario s = story();
        byte[] a = ResultFiles.toBytes(new ScenarioRun(s, "alloy-ring", 11).run(ProgressListener.NONE));
        byte[] b = ResultFiles.toBytes(new ScenarioRun(s, "alloy-ring", 11).run(ProgressListener.NONE));
        assertArrayEquals(a, b);
        byte[] c = ResultFiles.toBytes(new ScenarioRun(s, "alloy-ring", 12).run(ProgressListener.NONE));
        assertFalse(Arrays.equals(a, c), "another seed must give another run");
    }

    @Test
    void theStoryIsMeasured() throws Exception {
        SimulationResult r = new ScenarioRun(story(), "alloy-ring", 11).run(ProgressListener.NONE);
        assertEquals(5, r.redistribution().size(), "two joins, a crash, a leave and a restart");
        assertTrue(r.redistribution().stream().allMatch(d -> d.misplaced() == 0), "the ring never moves targets between bystanders");
        assertEquals(1, r.membership().detections().size());
        assertFalse(Double.isNaN(r.membership().detections().get(0).firstDead()), "the crash is detected");
        assertEquals(7, r.load().perNode().size(), "6 + 2 joined - 1 left; the crashed node came back");
        long owned = r.load().perNode().stream().mapToLong(l -> l.targets()).sum();
        assertEquals(3000, owned, "once the views agree again every target has exactly one owner");
        assertEquals(0, r.agreement().get(r.agreement().size() - 1).unowned());
    }
}
