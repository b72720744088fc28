package io.fleetlab.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.simulator.result.ResultFiles;
import io.fleetlab.simulator.result.SimulationResult;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line end to end on a tiny oracle scenario: single runs, sweeps, and a bad file. */
class SimulateCommandTest {
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

    private record Outcome(int code, String out, String err) {}

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new CommandLine(new SimulateCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).execute(args);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void singleRunWritesTheResultAndCsv(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tiny.json"), TINY);
        Outcome o = run("--scenario-dir=" + dir, "tiny.json", "--out", dir.resolve("res").toString(), "--csv", "--quiet");
        assertEquals(0, o.code(), o.err());
        SimulationResult r = ResultFiles.read(dir.resolve("res/tiny-alloy-ring-3.json"));
        assertEquals(3, r.seed());
        assertEquals(500, r.targetCount());
        assertEquals(1, r.redistribution().size(), "one join");
        try (var files = Files.list(dir.resolve("res"))) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().endsWith(".csv")), "a CSV next to the result");
        }
    }

    @Test
    void sweepRunsEverySeedAndAlgorithmAndReportsConfidenceIntervals(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tiny.json"), TINY);
        Outcome o = run("--scenario-dir=" + dir, "tiny.json", "--out", dir.resolve("res").toString(), "--seeds", "3",
                "--threads", "2", "--algorithm", "rendezvous");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("95% CI"), o.out());
        for (long s = 3; s <= 5; s++) {
            assertEquals(s, ResultFiles.read(dir.resolve("res/tiny-rendezvous-" + s + ".json")).seed());
        }
    }

    @Test
    void aBadScenarioExitsWithItsLocationAndRunsNothing(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken.json"), TINY.replace("\"at\": \"5s\"", "\"at\": \"-5s\""));
        Outcome o = run("--scenario-dir=" + dir, "broken.json", "--out", dir.resolve("res").toString(), "--quiet");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("broken.json") && o.err().contains(":8:") && o.err().contains("timeline[0].at"), o.err());
        assertFalse(Files.exists(dir.resolve("res/tiny-alloy-ring-3.json")));
        assertEquals(2, run("--scenario-dir=" + dir, "missing.json", "--quiet").code());
    }

    @Test
    void aParameterSweepRunsEachValueAndNamesItsResultFiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tiny.json"), TINY);
        Outcome o = run("--scenario-dir=" + dir, "tiny.json", "--out", dir.resolve("res").toString(),
                "--vary", "targets.count=200,800", "--seeds", "2", "--threads", "2");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("targets.count=200 alloy-ring") && o.out().contains("targets.count=800 alloy-ring"), o.out());
        for (int count : new int[] {200, 800}) {
            for (long s = 3; s <= 4; s++) {
                SimulationResult r = ResultFiles.read(dir.resolve("res/tiny-alloy-ring-" + s + "-targets.count=" + count + ".json"));
                assertEquals(count, r.targetCount());
                assertEquals(s, r.seed());
            }
        }
    }

    @Test
    void aBadParameterSweepSaysWhatIsWrongAndRunsNothing(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tiny.json"), TINY);
        String res = dir.resolve("res").toString();
        Outcome noValues = run("--scenario-dir=" + dir, "tiny.json", "--out", res, "--vary", "targets.count");
        assertEquals(2, noValues.code());
        assertTrue(noValues.err().contains("expected FIELD=VALUE1,VALUE2"), noValues.err());

        Outcome noSuchPath = run("--scenario-dir=" + dir, "tiny.json", "--out", res, "--vary", "network.latency.meanMs=1,2");
        assertEquals(2, noSuchPath.code());
        assertTrue(noSuchPath.err().contains("has no object or list 'network'"), noSuchPath.err());

        Outcome badValue = run("--scenario-dir=" + dir, "tiny.json", "--out", res, "--vary", "targets.count=300,-5");
        assertEquals(2, badValue.code());
        assertTrue(badValue.err().contains("with targets.count=-5") && badValue.err().contains("targets.count"), badValue.err());
        assertFalse(Files.exists(dir.resolve("res/tiny-alloy-ring-3-targets.count=300.json")), "nothing runs half-way");

        Outcome unknownField = run("--scenario-dir=" + dir, "tiny.json", "--out", res, "--vary", "fleet.sise=3,4");
        assertEquals(2, unknownField.code());
        assertTrue(unknownField.err().contains("sise"), unknownField.err());
    }
}
