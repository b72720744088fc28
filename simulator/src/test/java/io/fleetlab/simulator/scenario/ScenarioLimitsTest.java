package io.fleetlab.simulator.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Absurd numbers in scenario files: non-finite, huge, tiny, repeated keys and impossible groups are
 * refused before anything runs, with the field and the limit; every problem is listed.
 */
class ScenarioLimitsTest {
    /** A valid file with {@code %s} spliced into the top-level object. */
    private static final String BASE = """
            {
              "version": 1,
              "duration": "2m",
              "fleet": { "size": 3 },
              "timeline": [ { "at": "10s", "action": "join" } ]%s
            }
            """;

    private static String with(String extra) {
        return BASE.formatted(extra);
    }

    private static ScenarioException fails(String json) {
        return assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse("bad.json", json.getBytes(StandardCharsets.UTF_8), "bad")));
    }

    private static void failsWith(String json, String... expected) {
        String message = fails(json).getMessage();
        for (String e : expected) {
            assertTrue(message.contains(e), "expected '" + e + "' in: " + message);
        }
    }

    @Test
    void nonFiniteAndHugeNumbersAreRefused() {
        failsWith(BASE.formatted("").replace("{ \"at\": \"10s\", \"action\": \"join\" }",
                "{ \"at\": \"10s\", \"action\": \"slow\", \"node\": \"alloy-0\", \"extraMs\": 1e300 }"),
                "timeline[0].extraMs", "finite number in [0, 60000]");
        failsWith(BASE.formatted("").replace("{ \"at\": \"10s\", \"action\": \"join\" }",
                "{ \"at\": \"10s\", \"action\": \"restart\", \"node\": \"alloy-0\", \"downtime\": 1e300 }"),
                "timeline[0].downtime", "at most 10000h");
        failsWith(with(", \"network\": { \"latency\": { \"meanMs\": \"Infinity\" } }"), "network.latency.meanMs",
                "finite", "got Infinity");
        failsWith(with(", \"network\": { \"latency\": { \"minMs\": \"NaN\" } }"), "network.latency.minMs", "finite");
        failsWith(with(", \"network\": { \"latency\": { \"spreadMs\": \"NaN\" } }"), "network.latency.spreadMs",
                "finite");
        failsWith(with(", \"network\": { \"latency\": { \"meanMs\": \"2\" } }"), "network.latency.meanMs",
                "wrong type");
        failsWith(with(", \"network\": { \"latency\": { \"meanMs\": 1e400 } }"), "network.latency.meanMs", "finite");
        failsWith(BASE.formatted("").replace("{ \"at\": \"10s\", \"action\": \"join\" }",
                "{ \"at\": \"10s\", \"action\": \"clock-skew\", \"node\": \"alloy-0\", \"skewMs\": -1e30 }"),
                "timeline[0].skewMs");
    }

    @Test
    void sizesBeyondTheLimitsAreRefusedQuicklyWithTheLimit() {
        failsWith(with("").replace("\"size\": 3", "\"size\": 1000000000"), "fleet.size", "at most 20000");
        failsWith(with("").replace("\"2m\"", "\"100000h\""), "duration", "at most 10000h");
        failsWith(with("").replace("\"2m\"", "\"9000h\""), "duration", "at most");
        failsWith(with(", \"targets\": { \"count\": 1000000000 }"), "targets.count", "5000000");
        failsWith(with(", \"hashing\": { \"tokensPerNode\": 100000000 }"), "hashing.tokensPerNode", "4096");
        failsWith(with(", \"sampleInterval\": \"0.000001ms\""), "sampleInterval", "at least 1ms");
        failsWith(with("").replace("\"action\": \"join\" }", "\"action\": \"join\", \"count\": 2147483647 }"),
                "timeline[0].count", "at most 20000 nodes");
        failsWith(with("").replace("\"action\": \"join\" }", "\"action\": \"scale-to\", \"size\": 2147483647 }"),
                "timeline[0].size", "20000");
    }

    @Test
    void aRunTooLargeForTheHeapNamesTheHeapItWouldNeed() throws ScenarioException {
        Scenario big = ScenarioLoader.parse("big.json", with("").replace("\"size\": 3", "\"size\": 19000")
                .replace("\"2m\"", "\"10s\"").getBytes(StandardCharsets.UTF_8), "big");
        assertEquals(19001, ScenarioLimits.nodesStarted(big), "the fleet and its join");
        long need = ScenarioLimits.estimateHeapBytes(19001, 10_000, 512, false);
        String problem = ScenarioLimits.heapProblem(big, 1, 8L << 30);
        assertTrue(problem.contains("fleet.size: 19001 nodes") && problem.contains("this JVM has 8192 MiB")
                && problem.contains("-Xmx" + ((need >> 20) + 1) + "m"), problem);
        assertEquals(null, ScenarioLimits.heapProblem(big, 1, need));
        String sweep = ScenarioLimits.heapProblem(big, 4, 2 * need);
        assertTrue(sweep.contains("for 4 runs at once") && sweep.contains("fewer --threads"), sweep);
    }

    @Test
    void theShippedTenThousandNodeWarmFleetIsAcceptedAtEightGibibytes() throws Exception {
        Scenario huge = ScenarioLoader.load(java.nio.file.Path.of("..", "scenarios", "huge-fleet-warm.json"));
        assertEquals(10_010, ScenarioLimits.nodesStarted(huge));
        assertEquals(null, ScenarioLimits.heapProblem(huge, 1, 8L << 30), "its tables measured 4.7 GB");
        // two at once do not: a sweep must ask for fewer threads
        String two = ScenarioLimits.heapProblem(huge, 2, 8L << 30);
        assertTrue(two != null && two.contains("for 2 runs at once"), String.valueOf(two));
    }

    @Test
    void absurdFleetsAreStillRefusedWithTheHeapTheyWouldNeed() throws ScenarioException {
        // the warm start's compact tables do not make everything fit: 20,000 warm nodes with
        // 5 million targets, and a cold start of 10,000 nodes, need far more than 8 GiB
        Scenario warm = ScenarioLoader.parse("warm.json", with(", \"targets\": { \"count\": 5000000 }")
                .replace("\"size\": 3", "\"size\": 19999, \"start\": \"converged\"")
                .getBytes(StandardCharsets.UTF_8), "warm");
        String problem = ScenarioLimits.heapProblem(warm, 1, 8L << 30);
        long need = ScenarioLimits.estimateHeapBytes(20_000, 5_000_000, 512, true);
        assertTrue(problem != null && problem.startsWith("fleet.size: 20000 nodes, 5000000 targets")
                && problem.contains("this JVM has 8192 MiB") && problem.contains("-Xmx" + ((need >> 20) + 1) + "m"),
                String.valueOf(problem));
        Scenario cold = ScenarioLoader.parse("cold.json", with("").replace("\"size\": 3", "\"size\": 9999")
                .getBytes(StandardCharsets.UTF_8), "cold");
        assertTrue(ScenarioLimits.heapProblem(cold, 1, 8L << 30) != null, "a cold start costs more per pair");
        assertTrue(ScenarioLimits.estimateHeapBytes(10_000, 100_000, 512, false)
                > ScenarioLimits.estimateHeapBytes(10_000, 100_000, 512, true));
    }

    @Test
    void tooManyEventsAreRefusedBeforeRunning() {
        failsWith(with("").replace("\"size\": 3", "\"size\": 2000").replace("\"2m\"", "\"168h\"")
                .replace("{ \"at\": \"10s\", \"action\": \"join\" }", ""), "duration", "events");
    }

    @Test
    void duplicateKeysAreRefused() {
        failsWith(with("").replace("\"version\": 1,", "\"version\": 1, \"version\": 1,"), "Duplicate field 'version'");
        failsWith(with("").replace("\"size\": 3", "\"size\": 3, \"size\": 5"), "Duplicate field 'size'");
    }

    @Test
    void aNodeInTwoPartitionGroupsIsRefused() {
        failsWith(with("").replace("{ \"at\": \"10s\", \"action\": \"join\" }",
                "{ \"at\": \"10s\", \"action\": \"partition\", \"groups\": [[\"alloy-0\", \"alloy-1\"], [\"alloy-1\", \"alloy-2\"]] }"),
                "timeline[0].groups[1][0]", "'alloy-1' is already in group 0");
    }

    @Test
    void aNamePatternGivingNamesOverTheGossipLimitIsRefused() {
        String pattern = "n".repeat(250) + "-%d";
        failsWith(with("").replace("\"size\": 3", "\"size\": 3, \"namePattern\": \"" + pattern + "\""),
                "fleet.namePattern", "255 UTF-8 bytes");
        // 250 bytes plus "-20000" fit only up to 249 + "-" + 5 digits
        assertEquals(255, ScenarioLimits.nameBytes("n".repeat(249) + "-%d", 20_000));
    }

    @Test
    void everyProblemIsListedWithItsOwnLocation() {
        ScenarioException e = fails("""
                {
                  "version": 1,
                  "duration": "2m",
                  "fleet": { "size": 3 },
                  "targets": { "count": -1 },
                  "hashing": { "tokensPerNode": 0 },
                  "network": { "loss": 2 }
                }
                """);
        assertEquals(3, e.count(), e.getMessage());
        String m = e.getMessage();
        assertTrue(m.startsWith("3 problems:"), m);
        assertTrue(m.contains("bad.json:5:") && m.contains("targets.count"), m);
        assertTrue(m.contains("bad.json:6:") && m.contains("hashing.tokensPerNode"), m);
        assertTrue(m.contains("bad.json:7:") && m.contains("network.loss"), m);
        assertTrue(!m.contains("more problem"), m);
    }
}
