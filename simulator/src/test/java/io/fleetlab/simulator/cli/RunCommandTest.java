package io.fleetlab.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

class RunCommandTest {
    private static final String TINY = """
            {
              "version": 1, "membership": "oracle", "duration": "20s",
              "fleet": { "size": 4 }, "targets": { "count": 500 },
              "hashing": { "algorithms": ["alloy-ring", "rendezvous"] },
              "timeline": [ { "at": "5s", "action": "join" } ]
            }
            """;

    private record Outcome(int code, String out, String err) {}

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new CommandLine(new RunCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).execute(args);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void runsEveryAlgorithmAndWritesResultAndCsvFiles(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tiny.json"), TINY);
        Outcome o = run("--scenario-dir=" + dir, "tiny", "--seed", "5", "--out", dir.resolve("res").toString(), "--csv",
                "--no-progress");
        assertEquals(0, o.code(), o.err());
        SimulationResult r = ResultFiles.read(dir.resolve("res/tiny-rendezvous-5.json"));
        assertEquals("rendezvous", r.algorithm());
        assertEquals(5, r.seed());
        assertTrue(Files.exists(dir.resolve("res/tiny-alloy-ring-5.json")));
        assertTrue(Files.readString(dir.resolve("res/tiny-alloy-ring-5-agreement.csv")).startsWith("time_s,"));
        assertTrue(o.out().contains("algorithms compared"), o.out());
    }

    @Test
    void sweepReportsMeanSdAndConfidenceInterval(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tiny.json"), TINY.replace("[\"alloy-ring\", \"rendezvous\"]", "[\"alloy-ring\"]"));
        Outcome o = run("--scenario-dir=" + dir, "tiny", "--sweep-seeds", "3", "--threads", "2", "--out",
                dir.resolve("res").toString(), "--no-progress");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("95% CI"), o.out());
        for (long s = 1; s <= 3; s++) {
            assertEquals(s, ResultFiles.read(dir.resolve("res/tiny-" + s + ".json")).seed());
        }
    }

    @Test
    void badScenarioExitsWithItsLocatedError(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("broken.json"), "{\n  \"version\": 1,\n  \"duration\": \"1m\",\n  \"fleet\": { \"size\": 0 }\n}");
        Outcome o = run("--scenario-dir=" + dir, "broken", "--no-progress", "--out", dir.resolve("res").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("broken.json:4:") && o.err().contains("fleet.size"), o.err());
        assertTrue(!Files.exists(dir.resolve("res")), "nothing ran");
    }
}
