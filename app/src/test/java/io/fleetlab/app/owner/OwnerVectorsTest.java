package io.fleetlab.app.owner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fleetlab owner}, run through its command line with files written the way an operator
 * would write them, agrees with every owner list of {@code ../shared/reference/alloy-ring-vectors.json}
 * (computed by Alloy's own ring): label-set targets, string targets (JSON and text) and operator
 * strings, for every peer set and every (op, owners) lookup in it, errors included.
 */
class OwnerVectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SHARED = Path.of("..", "..", "shared", "reference", "alloy-ring-vectors.json");
    private static final Path BUNDLED = Path.of("..", "core", "src", "test", "resources", "alloy-ring-vectors.json");

    private static JsonNode vectors;

    @TempDir
    static Path dir;

    /** Which vector keys a target file holds, in file order. */
    private record TargetFile(Path path, List<Integer> keyIndices) {}

    private static final List<TargetFile> FILES = new ArrayList<>();

    @BeforeAll
    static void writeTargetFiles() throws IOException {
        vectors = JSON.readTree((Files.isRegularFile(SHARED) ? SHARED : BUNDLED).toFile());
        JsonNode keys = vectors.get("keys");
        ArrayNode all = JSON.createArrayNode();
        List<Integer> allIdx = new ArrayList<>();
        List<Integer> textIdx = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int labelSets = 0;
        for (int i = 0; i < keys.size(); i++) {
            JsonNode key = keys.get(i);
            switch (key.get("kind").asText()) {
                case "scrape_target" -> {
                    ObjectNode map = all.addObject();
                    for (JsonNode pair : key.get("labels")) {
                        map.put(pair.get(0).asText(), pair.get(1).asText());
                    }
                    labelSets++;
                }
                case "string", "operator_target" -> {
                    String s = key.get("string").asText();
                    all.add(s);
                    if (!s.isEmpty() && !s.startsWith("#") && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
                        text.append(s).append('\n');
                        textIdx.add(i);
                    }
                }
                default -> throw new AssertionError("unknown key kind " + key.get("kind"));
            }
            allIdx.add(i);
        }
        // One JSON list holds the label sets and the strings (both kinds may be mixed); the text
        // file holds every string a line can carry (all but the empty one).
        FILES.add(write("targets.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(all), allIdx));
        FILES.add(write("targets.txt", text.toString().getBytes(StandardCharsets.UTF_8), textIdx));
        assertEquals(350, labelSets);
        assertEquals(1000, allIdx.size());
        assertTrue(textIdx.size() >= 640, "text file holds " + textIdx.size() + " keys");
    }

    private static TargetFile write(String name, byte[] bytes, List<Integer> indices) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return new TargetFile(p, indices);
    }

    @Test
    void everyPeerSetOpAndOwnerCountMatchesAlloysRing() throws IOException {
        JsonNode keys = vectors.get("keys");
        int compared = 0;
        int errors = 0;
        int sets = 0;
        for (JsonNode set : vectors.get("peer_sets")) {
            sets++;
            Path peers = dir.resolve(set.get("name").asText() + "-peers.json");
            ArrayNode dump = JSON.createArrayNode();
            for (JsonNode p : set.get("peers")) {
                dump.addObject().put("name", p.get("name").asText()).put("addr", "10.0.0.1:12345")
                        .put("isSelf", false).put("state", p.get("state").asText());
            }
            Files.write(peers, JSON.writeValueAsBytes(dump));
            for (JsonNode lookup : set.get("lookups")) {
                String op = lookup.get("op").asText().equals("Read") ? "read" : "read-write";
                String owners = lookup.get("num_owners").asText();
                for (TargetFile file : FILES) {
                    String where = set.get("name").asText() + " " + op + " owners=" + owners + " " + file.path().getFileName();
                    Cli run = Cli.run("owner", "--peers", peers.toString(), "--targets", file.path().toString(),
                            "--op", op, "--owners", owners, "--format", "json");
                    assertEquals(0, run.exitCode(), where + "\n" + run);
                    List<String> lines = run.lines();
                    assertEquals(file.keyIndices().size(), lines.size(), where);
                    for (int i = 0; i < lines.size(); i++) {
                        int k = file.keyIndices().get(i);
                        JsonNode line = JSON.readTree(lines.get(i));
                        String at = where + " key id " + keys.get(k).get("id");
                        assertEquals(keys.get(k).get("key_hex").asText(), line.get("key").asText(), at);
                        if (lookup.has("error")) {
                            assertEquals(lookup.get("error").asText(), line.get("error").asText(), at);
                            assertTrue(!line.has("owners"), at);
                            errors++;
                        } else {
                            assertEquals(lookup.get("owners").get(k), line.get("owners"), at);
                            compared++;
                        }
                    }
                }
            }
        }
        assertEquals(vectors.get("peer_sets").size(), sets);
        assertTrue(compared > 15_000, "compared " + compared + " owner lists");
        assertTrue(errors > 0, "the error lookups were exercised");
    }

    @Test
    void aCommaSeparatedListOfParticipantsGivesTheSameOwners() throws IOException {
        JsonNode keys = vectors.get("keys");
        for (JsonNode set : vectors.get("peer_sets")) {
            List<String> names = new ArrayList<>();
            boolean allParticipants = true;
            for (JsonNode p : set.get("peers")) {
                names.add(p.get("name").asText());
                allParticipants &= p.get("state").asText().equals("participant");
            }
            if (!allParticipants || names.stream().anyMatch(n -> n.contains(","))) {
                continue;
            }
            JsonNode lookup = set.get("lookups").get(0);
            TargetFile labels = FILES.get(0); // label sets and strings
            Cli run = Cli.run("owner", "--peers", String.join(",", names), "--targets", labels.path().toString(),
                    "--owners", lookup.get("num_owners").asText(), "--format", "json");
            assertEquals(0, run.exitCode(), run.toString());
            List<String> lines = run.lines();
            for (int i = 0; i < lines.size(); i++) {
                assertEquals(lookup.get("owners").get(labels.keyIndices().get(i)), JSON.readTree(lines.get(i)).get("owners"),
                        set.get("name").asText() + " key id " + keys.get(labels.keyIndices().get(i)).get("id"));
            }
        }
    }
}
