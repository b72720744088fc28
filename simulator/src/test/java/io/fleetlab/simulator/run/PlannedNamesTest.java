package io.fleetlab.simulator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fleetlab.simulator.scenario.Scenario;
import io.fleetlab.simulator.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The token index is built once on the names the timeline will give nodes, and no more: a name
 * registered but never used puts its tokens between every node's own, lengthening every region
 * walk (the old bound, initial + joins + largest scale-to, doubled large-fleet's index).
 */
class PlannedNamesTest {
    @Test
    void aScaleToNamesOnlyItsGrowth() throws Exception {
        assertNames("large-fleet", 1_010); // 1,000, scale-to 1,010, then a crash
        assertNames("huge-fleet-warm", 10_010);
        assertNames("scale-out", 20); // 10, scale-to 20
        assertNames("scale-in", 20); // 20, scale-to 10: no new name
        assertNames("rolling-restart", 30); // restarts keep their names
    }

    @Test
    void aCrashBeforeAScaleToLeavesRoomForOneMore() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", "crash-and-detect.json"));
        Scenario grown = new Scenario(s.version(), s.name(), s.description(), s.seed(), s.duration(), s.sampleInterval(),
                s.fleet(), s.targets(), s.hashing(), s.network(), List.of(
                        new io.fleetlab.simulator.scenario.Action.ScaleTo(java.time.Duration.ofSeconds(90), 12,
                                java.time.Duration.ofSeconds(1)),
                        new io.fleetlab.simulator.scenario.Action.Crash(java.time.Duration.ofSeconds(60), "alloy-3"),
                        new io.fleetlab.simulator.scenario.Action.Join(java.time.Duration.ofSeconds(100), 2,
                                java.time.Duration.ofSeconds(1))));
        // 10, a crash (9 running; listed after the scale-to but earlier), scale-to 12 (3 new), 2 joins
        List<String> names = ScenarioRun.plannedNames(grown);
        assertEquals(15, names.size());
        assertEquals("alloy-14", names.get(14));
    }

    private static void assertNames(String scenario, int expected) throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", scenario + ".json"));
        List<String> names = ScenarioRun.plannedNames(s);
        assertEquals(expected, names.size(), scenario);
        assertEquals(String.format(s.fleet().namePattern(), expected - 1), names.get(expected - 1), scenario);
    }
}
