package io.fleetlab.simulator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.simulator.scenario.Scenario;
import io.fleetlab.simulator.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every shipped scenario runs over both transports. To stay fast each is cut to its first action
 * plus 20 s, at most 40 nodes and 4,000 targets (actions about nodes beyond the cap are left out);
 * the full runs are the README's.
 */
class BothTransportsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyShippedScenarioRunsOverCkitAndUdp() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("..", "scenarios"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        for (Path file : files) {
            for (String transport : List.of("ckit-http2", "memberlist-udp")) {
                Scenario whole = ScenarioLoader.load(file);
                Scenario s = ScenarioLoader.parse(file.getFileName().toString(),
                        cut(JSON.readTree(file.toFile()), whole, transport), "scenario");
                assertEquals(transport, s.network().transport());
                SimulationResult r = new ScenarioRun(s, s.hashing().algorithm(), s.seed()).run(ProgressListener.NONE);
                String what = file.getFileName() + " over " + transport;
                assertFalse(r.agreement().isEmpty(), what);
                assertTrue(r.redistribution().stream().allMatch(d -> d.misplaced() == 0), what);
                assertEquals(s.timeline().isEmpty(), r.events().stream().noneMatch(e -> e.by().equals("scenario")), what);
            }
        }
    }

    private static byte[] cut(JsonNode tree, Scenario whole, String transport) throws Exception {
        ObjectNode root = (ObjectNode) tree;
        ObjectNode fleet = (ObjectNode) root.get("fleet");
        int cap = Math.min(40, fleet.get("size").asInt());
        fleet.put("size", cap);
        if (root.has("targets")) {
            ((ObjectNode) root.get("targets")).put("count", Math.min(4000, root.get("targets").path("count").asInt(4000)));
        }
        ObjectNode network = root.has("network") ? (ObjectNode) root.get("network") : root.putObject("network");
        network.put("transport", transport);
        ArrayNode kept = JSON.createArrayNode();
        Duration first = null;
        for (int i = 0; i < whole.timeline().size(); i++) {
            JsonNode a = root.path("timeline").get(i);
            Duration at = whole.timeline().get(i).at();
            first = first == null ? at : first;
            if (at.compareTo(first.plusSeconds(20)) > 0) {
                break;
            }
            if (a.has("node") && Integer.parseInt(a.get("node").asText().replaceAll("\\D", "")) >= cap) {
                continue;
            }
            if (a.has("size")) {
                ((ObjectNode) a).put("size", Math.min(a.get("size").asInt(), cap + 2));
            }
            kept.add(a);
        }
        root.set("timeline", kept);
        Duration end = (first == null ? Duration.ofSeconds(20) : first).plusSeconds(21);
        root.put("duration", end.toMillis() + "ms");
        return JSON.writeValueAsBytes(root);
    }
}
