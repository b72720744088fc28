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
    void messagesPassAsBytesOnRequestWithTheSameResultAndAnUnknownPathIsRefused(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tiny.json"), TINY.replace("\"membership\": \"oracle\"", "\"gossip\": { \"preset\": \"lan\" }"));
        Outcome decoded = run("--scenario-dir=" + dir, "tiny.json", "--out", dir.resolve("a").toString(), "--quiet");
        Outcome bytes = run("--scenario-dir=" + dir, "tiny.json", "--out", dir.resolve("b").toString(), "--quiet",
                "--messages", "bytes");
        assertEquals(0, decoded.code(), decoded.err());
        assertEquals(0, bytes.code(), bytes.err());
        SimulationResult a = ResultFiles.read(dir.resolve("a/tiny-alloy-ring-3.json"));
        SimulationResult b = ResultFiles.read(dir.resolve("b/tiny-alloy-ring-3.json"));
        assertEquals(a.withContext(null), b.withContext(null), "the same run; only the recorded command line differs");
        assertEquals("bytes", b.context().options().get("--messages"));
        java.io.StringWriter picocliErr = new java.io.StringWriter();
        CommandLine cl = new CommandLine(new SimulateCommand(System.out, System.err));
        cl.setErr(new java.io.PrintWriter(picocliErr, true));
        int code = cl.execute("--scenario-dir=" + dir, "tiny.json", "--quiet", "--messages", "xml");
        assertEquals(2, code);
        String err = picocliErr.toString();
        assertTrue(err.contains("--messages") && err.contains("[decoded, bytes]") && err.contains("'xml'"), err);
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

        Outcome noSuchPath = run("--scenario-dir=" + dir, "tiny.json", "--out", res, "--vary", "targets.count.x=1,2");
        assertEquals(2, noSuchPath.code());
        assertTrue(noSuchPath.err().contains("has no object or list 'count'"), noSuchPath.err());

        Outcome badValue = run("--scenario-dir=" + dir, "tiny.json", "--out", res, "--vary", "targets.count=300,-5");
        assertEquals(2, badValue.code());
        assertTrue(badValue.err().contains("with targets.count=-5") && badValue.err().contains("targets.count"), badValue.err());
        assertFalse(Files.exists(dir.resolve("res/tiny-alloy-ring-3-targets.count=300.json")), "nothing runs half-way");

        Outcome unknownField = run("--scenario-dir=" + dir, "tiny.json", "--out", res, "--vary", "fleet.sise=3,4");
        assertEquals(2, unknownField.code());
        assertTrue(unknownField.err().contains("sise"), unknownField.err());
    }

    @Test
    void varyingAFieldOfASectionTheFileLeavesToItsDefaultsWorks(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tiny.json"), TINY); // no "network" section
        Outcome o = run("--scenario-dir=" + dir, "tiny.json", "--out", dir.resolve("res").toString(),
                "--vary", "network.loss=0,0.1", "--threads", "2");
        assertEquals(0, o.code(), o.err());
        assertTrue(Files.exists(dir.resolve("res/tiny-alloy-ring-3-network.loss=0.1.json")));
    }

    @Test
    void commandLinePapercutsAreRefusedTogetherWithoutAStackTrace(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tiny.json"), TINY);
        Path outFile = Files.writeString(dir.resolve("not-a-dir"), "x");
        Outcome o = run("--scenario-dir=" + dir, "tiny.json", "--out", outFile.toString(), "--threads", "0",
                "--seed", "9223372036854775807", "--seeds", "3");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--out " + outFile + " is a file"), o.err());
        assertTrue(o.err().contains("--threads must be at least 1, got 0"), o.err());
        assertTrue(o.err().contains("runs past the largest seed"), o.err());
        assertFalse(o.err().contains("Exception"), o.err());
        Outcome negative = run("--scenario-dir=" + dir, "tiny.json", "--threads", "-4", "--seeds", "2");
        assertEquals(2, negative.code());
        assertTrue(negative.err().contains("--threads must be at least 1, got -4"), negative.err());
        Outcome directory = run(dir.toString(), "--out", dir.resolve("res").toString());
        assertEquals(2, directory.code());
        assertTrue(directory.err().contains("is a directory; expected a scenario file"), directory.err());
        assertFalse(directory.err().contains("Exception"), directory.err());
    }

    @Test
    void aScenarioNameCannotWriteOutsideOutNorLoseTheResult(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("evil.json"), TINY.replace("\"name\": \"tiny\"", "\"name\": \"../../x/pwned\""));
        Files.writeString(dir.resolve("long.json"), TINY.replace("\"name\": \"tiny\"", "\"name\": \"" + "n".repeat(300) + "\""));
        Path res = dir.resolve("sub/res");
        assertEquals(0, run("--scenario-dir=" + dir, "evil.json", "--out", res.toString(), "--quiet").code());
        assertEquals(0, run("--scenario-dir=" + dir, "long.json", "--out", res.toString(), "--quiet").code());
        assertFalse(Files.exists(dir.resolve("x")), "wrote outside --out");
        try (var files = Files.list(res)) {
            var names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(2, names.size(), names.toString());
            assertTrue(names.stream().anyMatch(n -> n.startsWith("_.._.._x_pwned-alloy-ring-3")), names.toString());
            assertTrue(names.stream().allMatch(n -> n.length() <= 255), names.toString());
        }
    }

    @Test
    void aRunThatCannotFitTheHeapIsRefusedBeforeItStarts(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("huge.json"), TINY.replace("\"size\": 4", "\"size\": 19999")
                .replace("\"count\": 500", "\"count\": 5000000"));
        Outcome o = run("--scenario-dir=" + dir, "huge.json", "--out", dir.resolve("res").toString(), "--quiet");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("MiB of heap") && o.err().contains("-Xmx"), o.err());
        assertFalse(Files.exists(dir.resolve("res")), "nothing ran");
    }
}
