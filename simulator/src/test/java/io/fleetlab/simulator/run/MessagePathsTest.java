package io.fleetlab.simulator.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetlab.simulator.network.MessagePath;
import io.fleetlab.simulator.network.TransportCounters;
import io.fleetlab.simulator.result.ResultFiles;
import io.fleetlab.simulator.scenario.Scenario;
import io.fleetlab.simulator.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Messages passed decoded (with the exact size of their encoding) and messages passed as bytes
 * (encoded by the sender, decoded by the receiver) give byte-identical result files and the same
 * network counters (bytes carried included): for every
 * shipped scenario on a small fleet (2,000 targets; large-fleet and huge-fleet-warm at 40 nodes), over ckit's HTTP/2
 * and memberlist's UDP, and for the determinism story with its loss, duplication, reordering,
 * pauses and restarts.
 */
class MessagePathsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TARGETS = 2000;

    static Stream<String> scenarios() {
        return Stream.of("crash-and-detect", "flapping-node", "hashing-sweep", "huge-fleet-warm", "large-fleet",
                "lossy-network", "partition-and-heal", "rolling-restart", "scale-in", "scale-out");
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void bothPathsWriteTheSameResult(String name) throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(Files.readAllBytes(Path.of("..", "scenarios", name + ".json")));
        small(tree);
        Scenario s = parse(tree, name);
        assertSame(s, s.seed());
    }

    @ParameterizedTest
    @MethodSource("transports")
    void bothPathsAgreeOnTheDeterminismStory(String transport) throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(DeterminismTest.STORY);
        ((ObjectNode) tree.get("network")).put("transport", transport);
        Scenario s = parse(tree, "determinism");
        for (long seed = 11; seed <= 13; seed++) {
            assertSame(s, seed);
        }
    }

    static Stream<String> transports() {
        return Stream.of("ckit-http2", "memberlist-udp");
    }

    /** Fewer targets everywhere; the 1,000- and 10,000-node stories at 40 nodes (one more joins, one crashes). */
    private static void small(ObjectNode tree) {
        ObjectNode targets = (ObjectNode) tree.get("targets");
        targets.put("count", Math.min(TARGETS, targets.get("count").asInt()));
        ObjectNode fleet = (ObjectNode) tree.get("fleet");
        if (fleet.get("size").asInt() > 100) {
            fleet.put("size", 40);
            for (var action : (ArrayNode) tree.get("timeline")) {
                ObjectNode a = (ObjectNode) action;
                if (a.has("size")) {
                    a.put("size", 41);
                }
                if (a.has("node")) {
                    a.put("node", "alloy-20");
                }
            }
        }
    }

    private static Scenario parse(ObjectNode tree, String name) throws Exception {
        return ScenarioLoader.parse(name + ".json", JSON.writeValueAsString(tree).getBytes(StandardCharsets.UTF_8), name);
    }

    private static void assertSame(Scenario s, long seed) throws Exception {
        ScenarioRun.OwnershipSource source = ScenarioRun.defaultSource("alloy-ring");
        ScenarioRun bytesRun = new ScenarioRun(s, "alloy-ring", seed, source, MessagePath.BYTES);
        ScenarioRun decodedRun = new ScenarioRun(s, "alloy-ring", seed, source, MessagePath.DECODED);
        byte[] bytes = ResultFiles.toBytes(bytesRun.run(ProgressListener.NONE));
        byte[] decoded = ResultFiles.toBytes(decodedRun.run(ProgressListener.NONE));
        assertArrayEquals(bytes, decoded, s.name() + " seed " + seed);
        // the network's own count: the length of the bytes it carried against the sizes it was told
        assertEquals(counts(bytesRun.transportCounters()), counts(decodedRun.transportCounters()), s.name() + " seed " + seed);
    }

    private static List<Long> counts(TransportCounters c) {
        return List.of(c.packetsSent(), c.bytesSent(), c.packetsLost(), c.queueDrops(), c.sendTimeouts(),
                c.sendFailures(), c.streamFailures(), c.oversize(), c.retransmissions(), c.connectionsOpened());
    }
}
