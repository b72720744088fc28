package io.fleetlab.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownTableTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode result(String benchmark, Map<String, String> params, double score, String unit,
            Double bytes) {
        ObjectNode r = JSON.createObjectNode();
        r.put("jmhVersion", "1.37");
        r.put("benchmark", benchmark);
        r.put("mode", unit.startsWith("ops/") ? "thrpt" : "avgt");
        ObjectNode p = r.putObject("params");
        params.forEach(p::put);
        ObjectNode primary = r.putObject("primaryMetric");
        primary.put("score", score);
        primary.put("scoreError", score / 10);
        primary.put("scoreUnit", unit);
        ObjectNode secondary = r.putObject("secondaryMetrics");
        if (bytes != null) {
            ObjectNode norm = secondary.putObject("gc.alloc.rate.norm");
            norm.put("score", bytes);
            norm.put("scoreUnit", "B/op");
            ObjectNode rate = secondary.putObject("gc.alloc.rate");
            rate.put("score", 123.0);
            rate.put("scoreUnit", "MB/sec");
        }
        return r;
    }

    /** Parameters in the order JMH writes them. */
    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], pairs[i + 1]);
        }
        return params;
    }

    private static ArrayNode run() {
        ArrayNode all = JSON.createArrayNode();
        all.add(result(JmhTable.GUAVA_JUMP, Map.of("nodes", "100"), 20.0, "ns/op", 0.0));
        all.add(result("io.fleetlab.bench.lookup.LookupBench.owner",
                ordered("algorithm", "alloy-ring", "nodes", "100"), 0.05, "us/op", 0.0));
        all.add(result("io.fleetlab.bench.lookup.LookupBench.lookup3",
                ordered("algorithm", "alloy-ring", "nodes", "10"), 1.0e7, "ops/s", 48.0));
        all.add(result("io.fleetlab.bench.rebuild.RingRebuildBench.joinOnExisting", Map.of("nodes", "100"),
                3.0, "ms/op", 1000.0));
        return all;
    }

    @Test
    void convertsUnitsToNanosPerOpAndKeepsAllocation() throws IOException {
        List<JmhResult> results = JmhResults.parse(run(), "test");
        assertEquals(20.0, results.get(0).nanosPerOp(), 1e-9);
        assertEquals(50.0, results.get(1).nanosPerOp(), 1e-9);
        assertEquals(100.0, results.get(2).nanosPerOp(), 1e-9, "1e7 ops/s is 100 ns/op");
        assertEquals(48.0, results.get(2).bytesPerOp().getAsDouble());
        assertTrue(results.get(0).others().isEmpty(), "gc.* metrics other than B/op are dropped");
    }

    @Test
    void ratiosOnlyAgainstTheBaselineWithTheSameParameters() throws IOException {
        String table = new MarkdownTable(JmhTable.GUAVA_JUMP).render(JmhResults.parse(run(), "test"));
        List<String> rows = table.lines().toList();
        assertEquals(6, rows.size(), table);
        assertEquals("| lookup.GuavaJumpBench.owner | nodes=100 | 20.0 | 2.00 | 0.00 | 1.00 |  |", rows.get(2));
        assertEquals("| lookup.LookupBench.owner | algorithm=alloy-ring, nodes=100 | 50.0 | 5.00 | 0.00 | 2.50 |  |",
                rows.get(3));
        assertTrue(rows.get(4).contains("| 100 | ") && rows.get(4).contains("| 48.0 |  |"),
                "no baseline at nodes=10, so no ratio: " + rows.get(4));
        assertEquals("| rebuild.RingRebuildBench.joinOnExisting | nodes=100 | 3,000,000 | 300,000 | 1,000 |  |  |",
                rows.get(5), "other packages are not compared with the lookup baseline");
    }

    @Test
    void auxiliaryCountersAreShown() throws IOException {
        ArrayNode all = JSON.createArrayNode();
        ObjectNode r = result("io.fleetlab.bench.sim.ScenarioBench.fleet", Map.of(), 2.0, "s/op", null);
        ObjectNode aux = ((ObjectNode) r.get("secondaryMetrics")).putObject("simulatedSeconds");
        aux.put("score", 600.0);
        aux.put("scoreUnit", "#");
        all.add(r);
        String table = new MarkdownTable(JmhTable.GUAVA_JUMP).render(JmhResults.parse(all, "test"));
        assertTrue(table.contains("| 2,000,000,000 |"), table);
        assertTrue(table.contains("simulatedSeconds 600 # (300x real time)"), table);
    }

    @Test
    void badInputNamesFileResultAndField(@TempDir Path dir) throws IOException {
        ArrayNode all = run();
        ((ObjectNode) all.get(1).get("primaryMetric")).remove("scoreUnit");
        Path file = dir.resolve("broken.json");
        Files.writeString(file, all.toString());
        IOException e = assertThrows(IOException.class, () -> JmhResults.read(file));
        assertTrue(e.getMessage().contains("broken.json: result 1") && e.getMessage().contains("'scoreUnit'"),
                e.getMessage());

        IOException missing = assertThrows(IOException.class, () -> JmhResults.read(dir.resolve("absent.json")));
        assertTrue(missing.getMessage().contains("absent.json: cannot be read"), missing.getMessage());

        Files.writeString(file, "{\"not\": \"an array\"}");
        e = assertThrows(IOException.class, () -> JmhResults.read(file));
        assertTrue(e.getMessage().contains("expected a JSON array"), e.getMessage());

        ArrayNode badUnit = run();
        ((ObjectNode) badUnit.get(0).get("primaryMetric")).put("scoreUnit", "furlongs");
        e = assertThrows(IOException.class, () -> JmhResults.parse(badUnit, "x"));
        assertTrue(e.getMessage().contains("unsupported score unit 'furlongs'"), e.getMessage());
    }

    @Test
    void readsNanAsWrittenByJmh() throws IOException {
        ArrayNode all = run();
        ((ObjectNode) all.get(0).get("primaryMetric")).put("scoreError", "NaN");
        JsonNode parsed = JSON.readTree(all.toString());
        assertTrue(Double.isNaN(JmhResults.parse(parsed, "x").get(0).errorNanos()));
    }

    @Test
    void formatsNumbersReadably() {
        assertEquals("1,234,568", MarkdownTable.number(1234567.8));
        assertEquals("56.8", MarkdownTable.number(56.78));
        assertEquals("0.00", MarkdownTable.number(0.0));
        assertEquals("1.0e-04", MarkdownTable.number(1e-4));
        assertEquals("n/a", MarkdownTable.number(Double.NaN));
    }
}
