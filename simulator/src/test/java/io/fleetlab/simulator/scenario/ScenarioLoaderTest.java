package io.fleetlab.simulator.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every kind of bad scenario file gets file, line, column, field and what was expected. */
class ScenarioLoaderTest {
    private static final String GOOD = """
            {
              "version": 1,
              "duration": "2m",
              "fleet": { "size": 3 },
              "timeline": [
                { "at": "10s", "action": "crash", "node": "alloy-1" },
                { "at": "1m", "action": "restart", "node": "alloy-1" }
              ]
            }
            """;

    private static ScenarioException fails(String json) {
        return assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse("bad.json", json.getBytes(StandardCharsets.UTF_8), "bad"));
    }

    @Test
    void aGoodFileGetsItsDefaults() throws ScenarioException {
        Scenario s = ScenarioLoader.parse("good.json", GOOD.getBytes(StandardCharsets.UTF_8), "good");
        assertEquals("good", s.name());
        assertEquals(Duration.ofMinutes(2), s.duration());
        assertEquals("alloy-%d", s.fleet().namePattern());
        assertEquals("gossip", s.fleet().membership());
        assertEquals("alloy-ring", s.hashing().algorithm());
        assertEquals(512, s.hashing().tokensPerNode());
        assertEquals(2, s.timeline().size());
        assertTrue(s.timeline().get(0) instanceof Action.Crash);
    }

    @Test
    void syntaxErrorNamesLineAndColumn() {
        ScenarioException e = fails("{\n  \"version\": 1,\n  \"duration\": \"2m\"\n  \"fleet\": {}\n}");
        assertEquals(4, e.line());
        assertTrue(e.getMessage().startsWith("bad.json:4:"), e.getMessage());
        assertTrue(e.problem().contains("not valid JSON"), e.getMessage());
    }

    @Test
    void unknownFieldListsTheKnownOnes() {
        ScenarioException e = fails(GOOD.replace("\"size\": 3", "\"size\": 3, \"sise\": 4"));
        assertEquals("fleet.sise", e.field());
        assertEquals(4, e.line());
        assertTrue(e.problem().contains("unknown field 'sise'") && e.problem().contains("size"), e.getMessage());
    }

    @Test
    void wrongTypeSaysWhatWasExpected() {
        ScenarioException e = fails(GOOD.replace("\"size\": 3", "\"size\": \"three\""));
        assertEquals("fleet.size", e.field());
        assertTrue(e.problem().contains("expected a whole number"), e.getMessage());
    }

    @Test
    void badDurationSaysHowToWriteOne() {
        ScenarioException e = fails(GOOD.replace("\"2m\"", "\"two minutes\""));
        assertEquals("duration", e.field());
        assertTrue(e.problem().contains("\"1m30s\""), e.getMessage());
    }

    @Test
    void negativeTimeIsRejectedWhereItIsWritten() {
        ScenarioException e = fails(GOOD.replace("\"at\": \"10s\"", "\"at\": \"-10s\""));
        assertEquals("timeline[0].at", e.field());
        assertEquals(6, e.line());
        assertTrue(e.problem().contains("must not be negative"), e.getMessage());
    }

    @Test
    void unknownNodeIsNamed() {
        ScenarioException e = fails(GOOD.replace("\"node\": \"alloy-1\" }", "\"node\": \"alloy-9\" }"));
        assertEquals("timeline[0].node", e.field());
        assertEquals(6, e.line());
        assertTrue(e.problem().contains("unknown node 'alloy-9'") && e.problem().contains("alloy-0"), e.getMessage());
    }

    @Test
    void actionsOutOfOrderAreRejected() {
        ScenarioException e = fails(GOOD.replace("\"at\": \"1m\"", "\"at\": \"5s\""));
        assertEquals("timeline[1].at", e.field());
        assertEquals(7, e.line());
        assertTrue(e.problem().contains("out of order"), e.getMessage());
    }

    @Test
    void unknownActionListsTheKnownOnes() {
        ScenarioException e = fails(GOOD.replace("\"crash\"", "\"explode\""));
        assertTrue(e.field().startsWith("timeline[0]"), e.field());
        assertTrue(e.problem().contains("unknown action 'explode'") && e.problem().contains("rolling-restart"), e.getMessage());
    }

    @Test
    void actingOnACrashedNodeIsCaught() {
        ScenarioException e = fails(GOOD.replace("\"action\": \"restart\"", "\"action\": \"leave\""));
        assertEquals("timeline[1].node", e.field());
        assertTrue(e.problem().contains("is down"), e.getMessage());
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        ScenarioException e = fails("{ \"version\": 1, \"fleet\": { \"size\": 3 } }");
        assertEquals("duration", e.field());
        assertTrue(e.problem().contains("missing"), e.getMessage());
    }

    @Test
    void probabilitiesAndEnumsAreChecked() {
        assertTrue(fails(GOOD.replace("\"version\": 1,", "\"version\": 1, \"network\": { \"loss\": 1.5 },"))
                .problem().contains("probability"));
        ScenarioException e = fails(GOOD.replace("\"version\": 1,", "\"version\": 1, \"hashing\": { \"algorithm\": \"md5\" },"));
        assertEquals("hashing.algorithm", e.field());
        assertTrue(e.problem().contains("alloy-ring"), e.getMessage());
    }

    @Test
    void everyShippedScenarioLoads() throws IOException {
        Path dir = Path.of("..", "scenarios");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() >= 9, "expected the nine shipped scenarios, found " + files);
        for (Path f : files) {
            try {
                Scenario s = ScenarioLoader.load(f);
                assertEquals(ScenarioLoader.baseName(f), s.name(), f + ": name should match the file name");
            } catch (ScenarioException e) {
                throw new AssertionError(e.getMessage(), e);
            }
        }
    }
}
