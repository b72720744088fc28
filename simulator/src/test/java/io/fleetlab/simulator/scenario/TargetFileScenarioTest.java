package io.fleetlab.simulator.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.hash.TargetKeys;
import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.simulator.run.ScenarioRun;
import io.fleetlab.simulator.run.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code targets.file}: a run over the operator's own targets, in the formats of {@code fleetlab owner}. */
class TargetFileScenarioTest {
    @TempDir
    Path dir;

    private static String scenario(String targets) {
        return """
                {
                  "version": 1,
                  "name": "own-targets",
                  "seed": 5,
                  "duration": "20s",
                  "fleet": { "size": 3, "membership": "oracle" },
                  "targets": %s,
                  "timeline": [ { "at": "5s", "action": "join" } ]
                }
                """.formatted(targets);
    }

    @Test
    void aScenarioRunsTheTargetsOfItsFile() throws Exception {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 300; i++) {
            json.append(i == 0 ? "" : ",").append("{\"__address__\": \"10.0.").append(i / 200).append('.').append(i % 200)
                    .append(":9100\", \"job\": \"node\"}");
        }
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/mine.json"), json.append("]").toString());
        Files.writeString(dir.resolve("s.json"), scenario("{ \"file\": \"data/mine.json\" }"));
        Scenario s = ScenarioLoader.load(dir.resolve("s.json"));
        assertEquals(300, s.targets().count());
        assertEquals(dir.resolve("data/mine.json").toAbsolutePath().normalize().toString(), s.targets().file());
        assertEquals("auto", s.targets().format());
        SimulationResult r = new ScenarioRun(s, "alloy-ring", 5).run(ProgressListener.NONE);
        assertEquals(300, r.targetCount());
        assertEquals(1, r.redistribution().size());
        // A text file is one string key per line.
        Files.writeString(dir.resolve("data/keys.txt"), "a\nb\nc\n");
        Files.writeString(dir.resolve("t.json"), scenario("{ \"file\": \"data/keys.txt\" }"));
        assertEquals(3, ScenarioLoader.load(dir.resolve("t.json")).targets().count());
        assertEquals(TargetKeys.ofLabels(Map.of("__address__", "10.0.0.0:9100", "job", "node")),
                io.fleetlab.simulator.workload.TargetPopulation.fromFile(dir.resolve("data/mine.json"), "json").key(0));
    }

    @Test
    void aBadTargetFileStopsTheScenarioWithBothLocations() throws Exception {
        Files.writeString(dir.resolve("bad.json"), "[\n  {\"__address__\": 1}\n]");
        Files.writeString(dir.resolve("s.json"), scenario("{ \"file\": \"bad.json\" }"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir.resolve("s.json")));
        assertEquals("targets.file", e.field());
        assertEquals(7, e.line());
        assertTrue(e.getMessage().contains("bad.json:2:19: label __address__: expected a string value"), e.getMessage());

        Files.writeString(dir.resolve("m.json"), scenario("{ \"file\": \"missing.txt\" }"));
        ScenarioException missing = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir.resolve("m.json")));
        assertTrue(missing.getMessage().contains("missing.txt:1:1: cannot be read: no such file"), missing.getMessage());
    }

    @Test
    void aFileExcludesShapeCountAndAFormatNeedsAFile() throws Exception {
        Files.writeString(dir.resolve("k.txt"), "a\n");
        assertProblem(scenario("{ \"file\": \"k.txt\", \"shape\": \"strings\" }"), "targets.shape", "a shape or a file, not both");
        assertProblem(scenario("{ \"file\": \"k.txt\", \"count\": 5 }"), "targets.count", "the file decides");
        assertProblem(scenario("{ \"file\": \"k.txt\", \"format\": \"yaml\" }"), "targets.format", "yaml");
        assertProblem(scenario("{ \"count\": 5, \"format\": \"text\" }"), "targets.format", "applies to targets.file only");
    }

    private void assertProblem(String json, String field, String message) throws Exception {
        Files.writeString(dir.resolve("p.json"), json);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir.resolve("p.json")));
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
