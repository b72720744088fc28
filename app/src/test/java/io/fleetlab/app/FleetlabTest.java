package io.fleetlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.ring.HashingAlgorithm;
import io.fleetlab.simulator.scenario.ScenarioVocabulary;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's wiring: help texts, subcommands reaching the modules' commands, refusals. */
class FleetlabTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int code = Fleetlab.commandLine(o, e).execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void helpListsEveryCommandAlgorithmShapeActionAndPreset() {
        Run help = run("--help");
        assertEquals(0, help.code());
        String flat = help.out().replaceAll("\\s+", " ");
        for (String command : new String[] {"simulate", "ring-study", "owner", "charts", "view", "node"}) {
            assertTrue(flat.contains(" " + command + " "), command + " in\n" + help.out());
        }
        for (String name : HashingAlgorithm.ids()) {
            assertTrue(flat.contains(name), name);
        }
        ScenarioVocabulary.targetShapes().forEach(s -> assertTrue(flat.contains(s), s));
        ScenarioVocabulary.timelineActions().forEach(a -> assertTrue(flat.contains(a), a));
        ScenarioVocabulary.gossipPresets().forEach(p -> assertTrue(flat.contains(p), p));
        assertTrue(ScenarioVocabulary.timelineActions().contains("rolling-restart"));
        String simulateHelp = run("simulate", "--help").out().replaceAll("\\s+", " ");
        assertTrue(simulateHelp.contains("--seeds") && simulateHelp.contains("Timeline actions:"), simulateHelp);
    }

    @Test
    void subcommandsReachTheModulesCommands() {
        Run charts = run("charts", "--help");
        assertEquals(0, charts.code());
        assertTrue(charts.out().contains("--figure") && charts.out().contains("--width"), charts.out());
        Run owner = run("owner", "--help");
        assertTrue(owner.out().contains("--join") && owner.out().contains("/api/v1/targets"), owner.out());
        Run study = run("ring-study", "--nodes", "3", "--targets", "1000", "--tokens", "16");
        assertEquals(0, study.code(), study.err());
        assertTrue(study.out().contains("alloy-ring"), study.out());
        Run version = run("--version");
        assertTrue(version.out().startsWith("fleetlab "), version.out());
    }

    @Test
    void nodeAndViewPassEveryArgumentInOrderToTheirOwnParsers() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        String[] node = {"--name", "a", "--bind", "127.0.0.1:7946", "--http", "127.0.0.1:12345", "--help"};
        var parsed = Fleetlab.commandLine(sink, sink).parseArgs(prepend("node", node));
        assertEquals(List.of(node), ((NodeCommand) parsed.subcommand().commandSpec().userObject()).args);
        String[] view = {"--result", "results/x.json", "--unknown=1"};
        parsed = Fleetlab.commandLine(sink, sink).parseArgs(prepend("view", view));
        assertEquals(List.of(view), ((ViewCommand) parsed.subcommand().commandSpec().userObject()).args);
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @Test
    void simulateRunsAScenarioAndWritesItsResult() throws Exception {
        Run sim = run("simulate", "--scenario-dir", "../scenarios", "--out", dir.toString(), "--quiet", "scale-out.json");
        assertEquals(0, sim.code(), sim.err());
        assertTrue(sim.out().contains("Redistribution"), sim.out());
        assertTrue(Files.isRegularFile(dir.resolve("scale-out-alloy-ring-42.json")));
    }

    @Test
    void noCommandOrAnUnknownOneIsAUsageError() {
        Run none = run();
        assertEquals(2, none.code());
        assertTrue(none.err().contains("name a command"), none.err());
        Run unknown = run("simulat");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("simulat"), unknown.err());
    }
}
