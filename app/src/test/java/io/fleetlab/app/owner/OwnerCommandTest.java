package io.fleetlab.app.owner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.fleetlab.core.hash.TargetKeys;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.ring.AlloyRing;
import io.fleetlab.core.ring.Op;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fleetlab owner} through its command line: every input format, every output format, moves and refusals. */
class OwnerCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private static String peersDump() {
        return """
                [{"name": "alloy-0", "addr": "10.0.0.1:12345", "isSelf": true, "state": "participant"},
                 {"name": "alloy-1", "addr": "10.0.0.2:12345", "isSelf": false, "state": "participant"},
                 {"name": "alloy-2", "addr": "10.0.0.3:12345", "isSelf": false, "state": "terminating"},
                 {"name": "alloy-3", "addr": "10.0.0.4:12345", "isSelf": false, "state": "viewer"}]
                """;
    }

    private static AlloyRing ring(String... names) {
        AlloyRing ring = new AlloyRing();
        List<Peer> peers = new ArrayList<>();
        for (String n : names) {
            peers.add(Peer.participant(n));
        }
        ring.setPeers(peers);
        return ring;
    }

    @Test
    void eachInputFormatGivesTheRingsOwnersInInputOrder() throws IOException {
        Path peers = file("peers.json", peersDump());
        Path labels = file("targets.json", """
                [{"__address__": "10.1.0.1:9100", "job": "node", "__meta_x": "y"}, "plain-string"]
                """);
        Path prometheus = file("prom.json", """
                {"status": "success", "data": {"activeTargets": [
                  {"discoveredLabels": {"__address__": "10.1.0.1:9100", "job": "node", "__scheme__": "http", "__meta_x": "y"}}]}}
                """);
        Path text = file("keys.txt", "plain-string\n");
        // Read-write: participants only, so alloy-2 (terminating) and alloy-3 (viewer) own nothing.
        AlloyRing rw = ring("alloy-0", "alloy-1");
        long labelKey = TargetKeys.ofLabels(Map.of("__address__", "10.1.0.1:9100", "job", "node"));
        long stringKey = TargetKeys.ofString("plain-string");

        List<String> lines = ok("owner", "--peers", peers.toString(), "--targets", labels.toString(), "--format", "json").lines();
        assertEquals(2, lines.size());
        JsonNode first = JSON.readTree(lines.get(0));
        assertEquals(List.of("target", "key", "owners"), fieldNames(first));
        assertEquals(JSON.readTree("{\"__address__\": \"10.1.0.1:9100\", \"job\": \"node\", \"__meta_x\": \"y\"}"), first.get("target"));
        assertEquals(String.format("%016x", labelKey), first.get("key").asText());
        assertEquals(rw.owner(labelKey, Op.READ_WRITE).name(), first.get("owners").get(0).asText());
        assertEquals("plain-string", JSON.readTree(lines.get(1)).get("target").asText());
        assertEquals(rw.owner(stringKey, Op.READ_WRITE).name(), JSON.readTree(lines.get(1)).get("owners").get(0).asText());

        // Prometheus: the scrape-config label __scheme__ and job are left out by default, so the key is __address__ alone.
        JsonNode prom = JSON.readTree(ok("owner", "--peers", peers.toString(), "--targets", prometheus.toString(), "--format", "json")
                .lines().get(0));
        assertEquals(String.format("%016x", TargetKeys.ofLabels(Map.of("__address__", "10.1.0.1:9100"))), prom.get("key").asText());
        JsonNode promAll = JSON.readTree(ok("owner", "--peers", peers.toString(), "--targets", prometheus.toString(),
                "--prometheus-labels", "discovered", "--format", "json").lines().get(0));
        assertEquals(String.format("%016x", TargetKeys.ofLabels(Map.of("__address__", "10.1.0.1:9100", "job", "node", "__scheme__", "http"))),
                promAll.get("key").asText());

        JsonNode fromText = JSON.readTree(ok("owner", "--peers", peers.toString(), "--targets", text.toString(), "--format", "json")
                .lines().get(0));
        assertEquals(String.format("%016x", stringKey), fromText.get("key").asText());

        // Read: the terminating node counts too, so three owners exist; four do not.
        JsonNode read3 = JSON.readTree(ok("owner", "--peers", peers.toString(), "--targets", text.toString(), "--op", "read",
                "--owners", "3", "--format", "json").lines().get(0));
        assertEquals(3, read3.get("owners").size());
        JsonNode read4 = JSON.readTree(ok("owner", "--peers", peers.toString(), "--targets", text.toString(), "--op", "read",
                "--owners", "4", "--format", "json").lines().get(0));
        assertEquals(List.of("target", "key", "error"), fieldNames(read4));
        assertEquals("not enough nodes: need at least 4, have 3", read4.get("error").asText());
    }

    @Test
    void csvHasAColumnPerOwnerAndParsesBack() throws IOException {
        Path targets = file("t.json", "[{\"__address__\": \"a:1\", \"job\": \"x,y\"}, \"with \\\"quotes\\\", and comma\"]");
        String out = ok("owner", "--peers", "a,b,c", "--targets", targets.toString(), "--owners", "2", "--format", "csv").out();
        MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(out);
        List<Map<String, String>> all = rows.readAll();
        assertEquals(2, all.size());
        assertEquals(List.of("kind", "target", "key", "owner1", "owner2", "error"), List.copyOf(all.get(0).keySet()));
        assertEquals("labels", all.get(0).get("kind"));
        assertEquals(JSON.readTree("{\"__address__\": \"a:1\", \"job\": \"x,y\"}"), JSON.readTree(all.get(0).get("target")));
        assertEquals("with \"quotes\", and comma", all.get(1).get("target"));
        AlloyRing ring = ring("a", "b", "c");
        List<Peer> owners = ring.lookup(TargetKeys.ofString("with \"quotes\", and comma"), 2, Op.READ_WRITE);
        assertEquals(owners.get(0).name(), all.get(1).get("owner1"));
        assertEquals(owners.get(1).name(), all.get(1).get("owner2"));
        assertEquals("", all.get(1).get("error"));
    }

    @Test
    void tableLinesStayWithin120Columns() throws IOException {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 20; i++) {
            json.append(i == 0 ? "" : ",").append("{\"__address__\": \"10.0.0.").append(i).append(":9100\", \"pod\": \"")
                    .append("very-long-pod-name-".repeat(10)).append(i).append("\"}");
        }
        Path targets = file("t.json", json.append("]").toString());
        String names = "a-node-with-a-rather-long-name-0,a-node-with-a-rather-long-name-1,a-node-with-a-rather-long-name-2";
        for (String format : List.of("--owners=1", "--owners=3")) {
            Cli run = ok("owner", "--peers", names, "--targets", targets.toString(), format);
            assertEquals(21, run.lines().size());
            for (String line : run.lines()) {
                assertTrue(line.length() <= 120, line.length() + ": " + line);
            }
            assertTrue(run.lines().get(0).startsWith("key "), run.out());
        }
        Cli moves = ok("owner", "--peers", names, "--targets", targets.toString(), "--join", "x".repeat(50));
        for (String line : moves.lines()) {
            assertTrue(line.length() <= 120, line.length() + ": " + line);
        }
    }

    @Test
    void aJoinMovesTargetsOnlyToTheJoinerAndReportsTheFractionAgainstTheIdeal() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder text = new StringBuilder();
        int count = 4000;
        for (int i = 0; i < count; i++) {
            text.append("http://10.").append(random.nextInt(256)).append('.').append(random.nextInt(256)).append(".1:9100/metrics-").append(i).append('\n');
        }
        Path targets = file("t.txt", text.toString());
        String peers = "n0,n1,n2,n3,n4,n5,n6,n7,n8,n9";
        Cli join = ok("owner", "--peers", peers, "--targets", targets.toString(), "--join", "n10", "--format", "json");
        AlloyRing before = ring(peers.split(","));
        List<String> after = new ArrayList<>(List.of(peers.split(",")));
        after.add("n10");
        AlloyRing next = ring(after.toArray(String[]::new));
        int expectedMoves = 0;
        for (String line : text.toString().split("\n")) {
            long key = TargetKeys.ofString(line);
            if (!before.owner(key, Op.READ_WRITE).name().equals(next.owner(key, Op.READ_WRITE).name())) {
                expectedMoves++;
            }
        }
        assertEquals(expectedMoves, join.lines().size());
        for (String line : join.lines()) {
            JsonNode move = JSON.readTree(line);
            assertEquals(List.of("target", "key", "from", "to"), fieldNames(move));
            assertEquals("n10", move.get("to").get(0).asText(), line);
        }
        String summary = join.err();
        assertTrue(summary.contains(String.format("%,d of %,d targets change primary owner", expectedMoves, count)), summary);
        assertTrue(summary.contains("ideal 1/(N+1) = 1/11 = 0.0909"), summary);
        assertTrue(summary.contains("moved between two other nodes: 0"), summary);
        double ratio = expectedMoves / (double) count * 11;
        assertTrue(summary.contains(String.format(java.util.Locale.ROOT, "moved / ideal = %.3f", ratio)), summary);

        Cli leave = ok("owner", "--peers", peers, "--targets", targets.toString(), "--leave", "n3");
        assertTrue(leave.out().contains("ideal 1/N = 1/10 = 0.1000"), leave.out());
        for (String line : leave.lines().subList(1, leave.lines().size() - 4)) {
            assertTrue(line.substring(18).startsWith("n3 "), line);
        }
    }

    @Test
    void badFilesAreRefusedWithFileLineAndColumn() throws IOException {
        Path peers = file("peers.json", "[\n  {\"name\": \"a\", \"state\": \"gone\"}\n]");
        Path goodTargets = file("t.txt", "x\n");
        refused(2, peers + ":2:26: state: unknown state 'gone'", "owner", "--peers", peers.toString(), "--targets", goodTargets.toString());
        Path labels = file("l.json", "[\n  {\"a\": \"b\"},\n  {\"a\": [1]}\n]");
        refused(2, labels + ":3:9: label a: expected a string value, found a list", "owner", "--peers", "a", "--targets", labels.toString());
        Path prom = file("p.json", "{\"status\": \"success\", \"data\": {\"activeTargets\": [\n  {\"labels\": {}}\n]}}");
        refused(2, prom + ":2:3: data.activeTargets[0] has no discoveredLabels", "owner", "--peers", "a", "--targets", prom.toString());
        Files.write(dir.resolve("bad.txt"), new byte[] {'o', 'k', '\n', 'x', (byte) 0xFF, '\n'});
        refused(2, dir.resolve("bad.txt") + ":2:2: not valid UTF-8", "owner", "--peers", "a", "--targets", dir.resolve("bad.txt").toString());
        refused(2, dir.resolve("missing.json") + ":1:1: cannot be read: no such file", "owner", "--peers",
                dir.resolve("missing.json").toString(), "--targets", goodTargets.toString());
        refused(2, "--peers:1:3: empty peer name", "owner", "--peers", "a,,b", "--targets", goodTargets.toString());
        Path many = file("many.txt", "a\nb\nc\n");
        refused(2, many + ":3:1: more than 2 targets", "owner", "--peers", "a", "--targets", many.toString(), "--max-targets", "2");
        refused(2, "is 6 bytes; the limit is 5 bytes", "owner", "--peers", "a", "--targets", many.toString(), "--max-bytes", "5");
    }

    @Test
    void badOptionsAreRefused() throws IOException {
        Path t = file("t.txt", "x\n");
        refused(2, "--tokens must be between 1 and 65536", "owner", "--peers", "a", "--targets", t.toString(), "--tokens", "0");
        refused(2, "--owners must be 0 or more", "owner", "--peers", "a", "--targets", t.toString(), "--owners", "-1");
        refused(2, "'write' is not an op; expected read or read-write", "owner", "--peers", "a", "--targets", t.toString(), "--op", "write");
        refused(2, "--join a: that node is already a peer", "owner", "--peers", "a", "--targets", t.toString(), "--join", "a");
        refused(2, "--leave b: no such peer", "owner", "--peers", "a", "--targets", t.toString(), "--leave", "b");
        refused(2, "mutually exclusive", "owner", "--peers", "a", "--targets", t.toString(), "--leave", "a", "--join", "b");
        refused(2, "unknown --targets-format 'yaml'", "owner", "--peers", "a", "--targets", t.toString(), "--targets-format", "yaml");
    }

    private static Cli ok(String... args) {
        Cli run = Cli.run(args);
        assertEquals(0, run.exitCode(), run.toString());
        return run;
    }

    private static void refused(int code, String message, String... args) {
        Cli run = Cli.run(args);
        assertEquals(code, run.exitCode(), run.toString());
        assertTrue(run.err().contains(message), "expected '" + message + "' in\n" + run);
        assertEquals("", run.out(), run.toString());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }
}
