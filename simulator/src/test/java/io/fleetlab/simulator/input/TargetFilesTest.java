package io.fleetlab.simulator.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.hash.TargetKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every target format read right, and every bad file refused at its line and column. */
class TargetFilesTest {
    private static final InputLimits LIMITS = InputLimits.DEFAULT;

    @TempDir
    Path dir;

    private List<Target> read(String name, String content) throws InputException {
        return TargetFiles.parse(name, content.getBytes(StandardCharsets.UTF_8), TargetFormat.AUTO, PrometheusLabels.DISCOVERY, LIMITS);
    }

    private InputException refused(String name, String content, TargetFormat format, InputLimits limits) {
        return assertThrows(InputException.class, () -> TargetFiles.parse(name, content.getBytes(StandardCharsets.UTF_8),
                format, PrometheusLabels.DISCOVERY, limits));
    }

    private InputException refused(String name, String content) {
        return refused(name, content, TargetFormat.AUTO, LIMITS);
    }

    private static Map<String, String> labels(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void labelMapsAreKeyedAsPrometheusScrapeKeysThemMetadataLeftOut() throws Exception {
        List<Target> targets = read("t.json", """
                [
                  {"__address__": "10.0.0.1:9100", "job": "node", "__meta_kubernetes_pod_name": "x"},
                  {"job": "node", "__address__": "10.0.0.1:9100"},
                  "http://10.0.0.2:9100/metrics"
                ]
                """);
        assertEquals(3, targets.size());
        Target.Labels first = assertInstanceOf(Target.Labels.class, targets.get(0));
        assertEquals(List.of("__address__", "job", "__meta_kubernetes_pod_name"), List.copyOf(first.labels().keySet()), "order as given");
        assertEquals(TargetKeys.ofLabels(labels("__address__", "10.0.0.1:9100", "job", "node")), first.key());
        assertEquals(first.key(), targets.get(1).key(), "label order and metadata do not change the key");
        Target.Text text = assertInstanceOf(Target.Text.class, targets.get(2));
        assertEquals(TargetKeys.ofString("http://10.0.0.2:9100/metrics"), text.key());
        assertEquals(String.format("%016x", first.key()), first.keyHex());
    }

    @Test
    void prometheusResponseHashesDiscoveredLabelsWithoutScrapeConfigLabelsByDefault() throws Exception {
        String response = """
                {"status": "success", "data": {
                  "activeTargets": [
                    {"discoveredLabels": {"__address__": "10.0.0.1:9100", "__meta_kubernetes_pod_name": "p",
                                          "__metrics_path__": "/metrics", "__scheme__": "http", "__scrape_interval__": "15s",
                                          "__scrape_timeout__": "10s", "job": "node", "team": "a"},
                     "labels": {"instance": "10.0.0.1:9100", "job": "node"}, "scrapePool": "node", "health": "up"}
                  ],
                  "droppedTargets": [{"discoveredLabels": {"__address__": "10.0.0.9:9100"}}]
                }}
                """;
        List<Target> discovery = read("targets.json", response);
        assertEquals(1, discovery.size(), "dropped targets are scraped by nobody");
        Target.Labels t = assertInstanceOf(Target.Labels.class, discovery.get(0));
        assertEquals(8, t.labels().size(), "the target is shown as given");
        assertEquals(TargetKeys.ofLabels(labels("__address__", "10.0.0.1:9100", "team", "a")), t.key());
        List<Target> discovered = TargetFiles.parse("targets.json", response.getBytes(StandardCharsets.UTF_8), TargetFormat.PROMETHEUS,
                PrometheusLabels.DISCOVERED, LIMITS);
        assertEquals(TargetKeys.ofLabels(labels("__address__", "10.0.0.1:9100", "__metrics_path__", "/metrics", "__scheme__", "http",
                "__scrape_interval__", "15s", "__scrape_timeout__", "10s", "job", "node", "team", "a")), discovered.get(0).key());
    }

    @Test
    void textIsOneKeyPerLineWithCrLfCommentsBlankLinesAndBomHandled() throws Exception {
        List<Target> targets = TargetFiles.parse("t.txt", "\uFEFFa\r\n\n# comment\n  spaced  \nü\n".getBytes(StandardCharsets.UTF_8),
                TargetFormat.AUTO, PrometheusLabels.DISCOVERY, LIMITS);
        assertEquals(List.of("a", "  spaced  ", "ü"), targets.stream().map(t -> ((Target.Text) t).value()).toList());
        assertEquals(TargetKeys.ofString("ü"), targets.get(2).key());
    }

    @Test
    void aJsonLookingTextFileIsTextUnlessNamedJson() throws Exception {
        List<Target> targets = read("ops.txt", "{__address__=\"10.0.0.4:9100\", job=\"node\"}\n");
        assertEquals(TargetKeys.ofString("{__address__=\"10.0.0.4:9100\", job=\"node\"}"), targets.get(0).key());
    }

    @Test
    void filesAreReadFromDisk() throws Exception {
        Path file = dir.resolve("t.json");
        Files.writeString(file, "[{\"__address__\": \"a:1\"}]");
        assertEquals(1, TargetFiles.read(file, TargetFormat.AUTO, PrometheusLabels.DISCOVERY, LIMITS).size());
        InputException missing = assertThrows(InputException.class,
                () -> TargetFiles.read(dir.resolve("none.json"), TargetFormat.AUTO, PrometheusLabels.DISCOVERY, LIMITS));
        assertTrue(missing.getMessage().endsWith("none.json:1:1: cannot be read: no such file"), missing.getMessage());
    }

    @Test
    void badLabelMapsAreRefusedAtLineAndColumn() {
        assertAt(refused("t.json", "[\n  {\"a\": \"b\"},\n  {\"a\": 3}\n]"), 3, 9, "label a: expected a string value, found a number");
        assertAt(refused("t.json", "[\n  {}\n]"), 2, 3, "a target needs at least one label");
        assertAt(refused("t.json", "[\n  {\"a\": \"b\", \"a\": \"c\"}\n]"), 2, 17, "field 'a' appears twice in one object");
        assertAt(refused("t.json", "[\n  {\"a\": \"b\"},\n  7\n]"), 3, 3, "expected a target (a label map or a string), found a number");
        assertAt(refused("t.json", "[\n  {\"a\": \"b\",}\n]"), 2, 13, "not valid JSON");
        assertAt(refused("t.json", "[{\"a\": \"b\"}] x"), 1, 14, "unexpected content after the end of the document");
        assertAt(refused("t.json", "[{\"a\": \"b\"}"), 1, 12, "not valid JSON");
        assertAt(refused("t.json", "[{\"\": \"b\"}]"), 1, 3, "empty label name");
        assertAt(refused("t.json", "[]"), 1, 1, "holds no targets");
        assertAt(refused("t.json", "  nope"), 1, 3, "expected a JSON list of targets");
    }

    @Test
    void badPrometheusResponsesAreRefusedAtLineAndColumn() {
        assertAt(refused("p.json", "{\"status\": \"error\", \"error\": \"bad\"}"), 1, 12, "status is 'error'; expected 'success'");
        assertAt(refused("p.json", "{\"status\": \"success\",\n \"data\": {\"activeTargets\": [\n  {\"labels\": {\"job\": \"x\"}}]}}"), 3, 3,
                "data.activeTargets[0] has no discoveredLabels");
        assertAt(refused("p.json", "{\"data\": {\"activeTargets\": {}}}"), 1, 28, "data.activeTargets: expected a list, found an object");
        assertAt(refused("p.json", "{\"data\": {\"droppedTargets\": []}}"), 1, 31, "data has no activeTargets list");
        assertAt(refused("p.json", "{\"status\": \"success\"}"), 1, 1, "no data.activeTargets");
        assertAt(refused("p.json", "{\"data\": {\"activeTargets\": [{\"discoveredLabels\": {\"a\": null}}]}}"), 1, 56,
                "label a: expected a string value, found null");
    }

    @Test
    void badTextIsRefusedAtLineAndColumn() {
        byte[] bad = {'o', 'k', '\n', 'a', 'b', (byte) 0xC3, '(', '\n'};
        InputException e = assertThrows(InputException.class,
                () -> TargetFiles.parse("t.txt", bad, TargetFormat.AUTO, PrometheusLabels.DISCOVERY, LIMITS));
        assertAt(e, 2, 3, "not valid UTF-8 (byte 0xc3)");
        InputLimits small = new InputLimits(1 << 20, 2, 4, 5);
        assertAt(refused("t.txt", "abc\nabcdef\n", TargetFormat.AUTO, small), 2, 6, "line longer than 5 characters");
        assertAt(refused("t.txt", "a\nb\n\nc\n", TargetFormat.AUTO, small), 4, 1, "more than 2 targets");
        assertAt(refused("t.txt", "\n# only a comment\n"), 1, 1, "holds no targets");
    }

    @Test
    void limitsAreRefusalsNotExhaustion() {
        InputLimits small = new InputLimits(64, 2, 2, 8);
        assertAt(refused("t.json", "[\"a\", \"b\", \"c\"]", TargetFormat.AUTO, small), 1, 12, "more than 2 targets");
        assertAt(refused("t.json", "[{\"a\": \"1\", \"b\": \"2\", \"c\": \"3\"}]", TargetFormat.AUTO, small), 1, 23, "more than 2 labels");
        assertAt(refused("t.json", "[{\"a\": \"123456789\"}]", TargetFormat.AUTO, small), 1, 8, "value of label a is 9 characters long");
        assertAt(refused("t.json", "[\"" + "x".repeat(80) + "\"]", TargetFormat.AUTO, small), 1, 1, "is 84 bytes; the limit is 64 bytes");
        String deep = "[".repeat(100) + "]".repeat(100);
        InputException e = refused("t.json", deep, TargetFormat.JSON, LIMITS);
        assertTrue(e.getMessage().startsWith("t.json:1:"), e.getMessage());
    }

    static void assertAt(InputException e, int line, int column, String problem) {
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertTrue(e.getMessage().startsWith(e.file() + ":" + line + ":" + column + ": "), e.getMessage());
    }
}
