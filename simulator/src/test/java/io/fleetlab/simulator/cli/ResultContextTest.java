package io.fleetlab.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.fleetlab.simulator.report.ToolVersion;
import io.fleetlab.simulator.result.ResultFiles;
import io.fleetlab.simulator.result.RunContext;
import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.simulator.scenario.Scenario;
import io.fleetlab.simulator.scenario.ScenarioLoader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Results carry their context (version, command line, options, varied value, resolved scenario),
 * sweeps are saved as JSON and CSV, console tables stay plain and narrow, the progress bar appears
 * only on a terminal, and the report lists every file it wrote.
 */
class ResultContextTest {
    private static final String TINY = """
            {
              "version": 1,
              "name": "tiny",
              "seed": 3,
              "duration": "20s",
              "fleet": { "size": 4, "membership": "oracle" },
              "targets": { "count": 500 },
              "timeline": [ { "at": "5s", "action": "join" } ]
            }
            """;
    private static final Pattern FILE = Pattern.compile(": (/\\S+|\\S+\\.(?:json|csv))$", Pattern.MULTILINE);

    @TempDir
    Path dir;

    private record Outcome(int code, String out, String err) {}

    private static Outcome run(boolean terminal, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new CommandLine(new SimulateCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), terminal)).execute(args);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aResultFileCarriesVersionCommandLineOptionsAndTheResolvedScenario() throws Exception {
        Files.writeString(dir.resolve("tiny.json"), TINY);
        String[] args = {"--scenario-dir=" + dir, "tiny.json", "--out", dir.resolve("res").toString(), "--seed", "9", "--csv"};
        Outcome o = run(false, args);
        assertEquals(0, o.code(), o.err());
        SimulationResult r = ResultFiles.read(dir.resolve("res/tiny-alloy-ring-9.json"));
        RunContext c = r.context();
        assertNotNull(c);
        assertEquals(ToolVersion.get(), c.toolVersion());
        assertFalse(c.toolVersion().equals("unknown"), "the build stamps its version");
        assertEquals(List.of(args), c.commandLine());
        assertEquals("9", c.options().get("--seed"));
        assertEquals("1", c.options().get("--seeds"), "defaults included");
        assertEquals("true", c.options().get("--csv"));
        assertTrue(c.options().containsKey("--algorithm") && c.options().get("--algorithm") == null, c.options().toString());
        assertEquals(Map.of(), c.variant());
        assertTrue(c.scenarioFile().endsWith("tiny.json"), c.scenarioFile());
        JsonNode s = c.scenario();
        assertEquals(9, s.get("seed").asLong(), "the seed this run used");
        assertEquals("1s", s.get("sampleInterval").asText(), "defaults filled in");
        assertEquals("alloy-%d", s.get("fleet").get("namePattern").asText());
        assertEquals("kubernetes-pods", s.get("targets").get("shape").asText());
        assertEquals("alloy-ring", s.get("hashing").get("algorithm").asText());
        assertEquals(512, s.get("hashing").get("tokensPerNode").asInt());
        assertEquals("join", s.get("timeline").get(0).get("action").asText());
        // The embedded scenario is a scenario file again: loading it gives the scenario that ran.
        Scenario again = ScenarioLoader.parse("embedded", new ObjectMapper().writeValueAsBytes(s), "tiny");
        assertEquals(ScenarioLoader.toTree(again).toString(), s.toString());

        // Every CSV row names its run; the report lists every file, and each exists.
        List<Map<String, String>> rows = csv(dir.resolve("res/tiny-alloy-ring-9-redistribution.csv"));
        assertEquals(1, rows.size());
        assertEquals("tiny", rows.get(0).get("scenario"));
        assertEquals("9", rows.get(0).get("seed"));
        assertEquals(ToolVersion.get(), rows.get(0).get("tool_version"));
        List<Path> listed = listedFiles(o.out());
        assertEquals(3, listed.size(), o.out());
        listed.forEach(p -> assertTrue(Files.isRegularFile(p), p + " listed in\n" + o.out()));
    }

    @Test
    void aSweepSavesItsSummaryAsJsonAndCsvAndPrintsAPlainTableWithin120Columns() throws Exception {
        Files.writeString(dir.resolve("tiny.json"), TINY);
        Path res = dir.resolve("res");
        Outcome o = run(false, "--scenario-dir=" + dir, "tiny.json", "--out", res.toString(), "--vary", "targets.count=200,800",
                "--seeds", "2", "--threads", "2");
        assertEquals(0, o.code(), o.err());

        SimulationResult one = ResultFiles.read(res.resolve("tiny-alloy-ring-4-targets.count=800.json"));
        assertEquals(Map.of("targets.count", "800"), one.context().variant());
        assertEquals(800, one.context().scenario().get("targets").get("count").asInt());
        assertEquals(4, one.context().scenario().get("seed").asLong());

        String table = o.out().substring(0, o.out().indexOf("Files written:")); // file paths may be longer
        for (String line : table.split("\n")) {
            assertTrue(line.length() <= 120, line.length() + ": " + line);
            assertFalse(line.matches(".*\\d[eE][+-]?\\d.*"), "scientific notation in: " + line);
        }
        assertTrue(o.out().contains("detected s") && o.out().contains("false susp") && o.out().contains("false dead"), o.out());
        assertTrue(o.out().contains("targets.count=200 alloy-ring (2 runs)"), o.out());

        Path json = res.resolve("tiny-sweep-targets.count-seeds3-4.json");
        JsonNode summary = new ObjectMapper().readTree(json.toFile());
        assertEquals(ToolVersion.get(), summary.get("context").get("toolVersion").asText());
        assertEquals("targets.count=200,800", summary.get("context").get("options").get("--vary").asText());
        assertEquals(2, summary.get("groups").size());
        assertEquals(4, summary.get("runs").size());
        JsonNode moved = summary.get("groups").get(1).get("figures").get("movedRatio");
        assertEquals(2, moved.get("n").asInt());
        assertTrue(moved.get("ciLow").asDouble() <= moved.get("mean").asDouble()
                && moved.get("mean").asDouble() <= moved.get("ciHigh").asDouble(), moved.toString());

        List<Map<String, String>> groups = csv(res.resolve("tiny-sweep-targets.count-seeds3-4.csv"));
        assertEquals(2, groups.size());
        assertEquals("targets.count=800", groups.get(1).get("variant"));
        assertEquals(moved.get("mean").asDouble(), Double.parseDouble(groups.get(1).get("movedRatio_mean")), 1e-12);
        assertEquals("", groups.get(1).get("crashDetectedByAllSeconds_mean"), "no crash in these runs");
        List<Map<String, String>> runs = csv(res.resolve("tiny-sweep-targets.count-seeds3-4-runs.csv"));
        assertEquals(4, runs.size());
        for (Map<String, String> row : runs) {
            assertTrue(Files.isRegularFile(Path.of(row.get("resultFile"))), row.toString());
        }
        List<Path> listed = listedFiles(o.out());
        assertEquals(3, listed.size(), o.out());
        listed.forEach(p -> assertTrue(Files.isRegularFile(p), p.toString()));
        assertTrue(o.out().contains("4 result files"), o.out());
    }

    @Test
    void theProgressBarAppearsOnlyOnATerminal() throws Exception {
        Files.writeString(dir.resolve("tiny.json"), TINY);
        Outcome piped = run(false, "--scenario-dir=" + dir, "tiny.json", "--out", dir.resolve("a").toString());
        assertEquals(0, piped.code(), piped.err());
        assertFalse(piped.err().contains("\r") || piped.err().contains("\u001b") || piped.out().contains("\u001b"), piped.err());
        Outcome terminal = run(true, "--scenario-dir=" + dir, "tiny.json", "--out", dir.resolve("b").toString());
        assertEquals(0, terminal.code(), terminal.err());
        assertTrue(terminal.err().contains("tiny"), "a progress bar on a terminal: " + terminal.err());
        Outcome quiet = run(true, "--scenario-dir=" + dir, "tiny.json", "--out", dir.resolve("c").toString(), "--quiet");
        assertEquals("", quiet.err());
    }

    private static List<Map<String, String>> csv(Path file) throws Exception {
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
            return it.readAll();
        }
    }

    private static List<Path> listedFiles(String out) {
        String files = out.substring(out.indexOf("Files written:"));
        Matcher m = FILE.matcher(files);
        List<Path> paths = new java.util.ArrayList<>();
        while (m.find()) {
            paths.add(Path.of(m.group(1)));
        }
        return paths;
    }
}
