package io.fleetlab.simulator.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {
    private static final String HEAD = """
            {
              "version": 1,
              "duration": "2m",
              "fleet": { "size": 3 },
            """;

    private static ScenarioException bad(String text) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.parse("bad.json", text));
    }

    private static void expect(ScenarioException e, int line, String field, String fragment) {
        assertEquals("bad.json", e.file(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertTrue(e.getMessage().startsWith("bad.json:" + line + ":" + e.column() + ": "), e.getMessage());
        assertTrue(e.column() > 0, e.getMessage());
    }

    @Test
    void syntaxErrorNamesLineAndColumn() {
        ScenarioException e = bad(HEAD + "  \"timeline\": [ { \"at\": \"10s\", \"action\": \"join\" } \n  \"x\": 1\n}");
        expect(e, 6, "", "not valid JSON");
    }

    @Test
    void unknownFieldIsNamedWithWhatIsAllowed() {
        ScenarioException e = bad(HEAD + "  \"flet\": 3\n}");
        expect(e, 5, "flet", "unknown field 'flet'");
        assertTrue(e.getMessage().contains("fleet"), e.getMessage());
        ScenarioException inAction = bad(HEAD + "  \"timeline\": [\n    { \"at\": \"10s\", \"action\": \"crash\", \"nod\": \"alloy-1\" }\n  ]\n}");
        expect(inAction, 6, "timeline[0].nod", "unknown field 'nod'");
    }

    @Test
    void wrongTypeNamesFieldAndExpectation() {
        ScenarioException e = bad("{\n  \"version\": 1,\n  \"duration\": \"2m\",\n  \"fleet\": { \"size\": \"ten\" }\n}");
        expect(e, 4, "fleet.size", "ten");
        ScenarioException d = bad("{\n  \"version\": 1,\n  \"duration\": \"2 minutes\",\n  \"fleet\": { \"size\": 3 }\n}");
        expect(d, 3, "duration", "1m30s");
        ScenarioException arr = bad("{\n  \"version\": 1,\n  \"duration\": [1],\n  \"fleet\": { \"size\": 3 }\n}");
        expect(arr, 3, "duration", "expected a duration");
    }

    @Test
    void negativeTimeIsRejectedAtItsField() {
        ScenarioException e = bad(HEAD + "  \"timeline\": [\n    { \"at\": \"-5s\", \"action\": \"join\" }\n  ]\n}");
        expect(e, 6, "timeline[0].at", "must not be negative");
    }

    @Test
    void unknownNodeIsRejected() {
        ScenarioException e = bad(HEAD + "  \"timeline\": [\n    { \"at\": \"10s\", \"action\": \"join\" },\n"
                + "    { \"at\": \"20s\", \"action\": \"crash\", \"node\": \"alloy-9\" }\n  ]\n}");
        expect(e, 7, "timeline[1].node", "unknown node 'alloy-9'");
        // a node that left is no longer there to crash
        ScenarioException gone = bad(HEAD + "  \"timeline\": [\n    { \"at\": \"10s\", \"action\": \"leave\", \"node\": \"alloy-1\" },\n"
                + "    { \"at\": \"20s\", \"action\": \"pause\", \"node\": \"alloy-1\", \"duration\": \"5s\" }\n  ]\n}");
        expect(gone, 7, "timeline[1].node", "unknown node 'alloy-1'");
    }

    @Test
    void actionsOutOfOrderAreRejected() {
        ScenarioException e = bad(HEAD + "  \"timeline\": [\n    { \"at\": \"1m\", \"action\": \"join\" },\n"
                + "    { \"at\": \"30s\", \"action\": \"heal\" }\n  ]\n}");
        expect(e, 7, "timeline[1].at", "out of order");
    }

    @Test
    void unknownActionVersionAndRangesAreRejected() {
        expect(bad(HEAD + "  \"timeline\": [\n    { \"at\": \"1m\", \"action\": \"explode\" }\n  ]\n}"), 6, "timeline[0]",
                "unknown action 'explode'");
        expect(bad("{\n  \"version\": 2,\n  \"duration\": \"2m\",\n  \"fleet\": { \"size\": 3 }\n}"), 2, "version",
                "unsupported version 2");
        expect(bad(HEAD + "  \"network\": { \"loss\": 1.5 }\n}"), 5, "network.loss", "between 0 and 1");
        expect(bad(HEAD + "  \"hashing\": { \"algorithm\": \"md5\" }\n}"), 5, "hashing.algorithm", "unknown algorithm 'md5'");
        expect(bad(HEAD + "  \"timeline\": [\n    { \"at\": \"3m\", \"action\": \"heal\" }\n  ]\n}"), 6, "timeline[0].at",
                "after the end");
        expect(bad("{\n  \"version\": 1,\n  \"fleet\": { \"size\": 3 }\n}"), 1, "duration", "missing");
    }

    @Test
    void goodFileGetsDefaultsAndParsesTimes() throws Exception {
        ScenarioConfig c = ScenarioLoader.parse("good.json", HEAD + "  \"timeline\": [\n"
                + "    { \"at\": \"1m30s\", \"action\": \"join\", \"count\": 2 },\n"
                + "    { \"at\": 100, \"action\": \"crash\", \"node\": \"alloy-4\" }\n  ]\n}");
        assertEquals("good", c.name());
        assertEquals(List.of(1L), c.seeds());
        assertEquals(120_000_000_000L, c.durationNanos());
        assertEquals(90_000_000_000L, c.timeline().get(0).at().nanos());
        assertEquals(100_000_000_000L, c.timeline().get(1).at().nanos());
        assertEquals(List.of("alloy-ring"), c.algorithms());
        assertTrue(c.gossip());
    }

    @Test
    void spanParsesCompoundDurations() {
        assertEquals(90_000_000_000L, Span.parse("1m30s").nanos());
        assertEquals(250_000_000L, Span.parse("250ms").nanos());
        assertEquals(3_600_000_000_000L, Span.parse("1h").nanos());
        assertEquals(-2_000_000_000L, Span.parse("-2s").nanos());
        assertThrows(IllegalArgumentException.class, () -> Span.parse("10 s"));
        assertThrows(IllegalArgumentException.class, () -> Span.parse("s"));
    }

    @Test
    void everyShippedScenarioLoads() throws IOException {
        Path dir = Path.of("..", "scenarios");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertTrue(all.size() >= 9, "scenarios found: " + all);
            for (Path p : all) {
                try {
                    ScenarioLoader.load(dir, p.getFileName().toString().replace(".json", ""));
                } catch (ScenarioException e) {
                    throw new AssertionError(e.getMessage(), e);
                }
            }
        }
    }
}
