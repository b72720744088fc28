package io.fleetlab.core.ring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetlab.core.hash.TargetKeys;
import io.fleetlab.core.hash.Tokens;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Agreement, entry by entry, with the owners Alloy's own ring computes. */
class AlloyRingVectorsTest {
    private static JsonNode vectors;

    @BeforeAll
    static void load() {
        vectors = AlloyVectors.load();
    }

    @Test
    void bundledCopyMatchesSharedReference() {
        if (Files.isRegularFile(AlloyVectors.SHARED)) {
            assertEquals(AlloyVectors.load(), AlloyVectors.bundled(), "core/src/test/resources copy is stale");
        }
    }

    @Test
    void everyKeyHashMatches() {
        int checked = 0;
        for (JsonNode key : vectors.get("keys")) {
            long expected = AlloyVectors.u64(key.get("key_u64"));
            assertEquals(key.get("key_hex").asText(), String.format("%016x", expected));
            long actual = switch (key.get("kind").asText()) {
                case "string" -> TargetKeys.ofString(key.get("string").asText());
                case "scrape_target" -> TargetKeys.ofLabels(labels(key));
                case "operator_target" -> {
                    assertEquals(key.get("string").asText(), TargetKeys.operatorString(labels(key)), "id " + key.get("id"));
                    yield TargetKeys.ofOperatorLabels(labels(key));
                }
                default -> throw new AssertionError("unknown key kind " + key.get("kind"));
            };
            assertEquals(expected, actual, () -> "key id " + key.get("id") + " (" + key.get("kind") + ")");
            checked++;
        }
        assertEquals(1000, checked);
    }

    @Test
    void knownHashesFromTheDesignNotes() {
        assertEquals(0xef46db3751d8e999L, TargetKeys.ofString(""));
        assertEquals(0xd24ec4f1a98c6e5bL, TargetKeys.ofString("a"));
        assertEquals(0x415872f599cea71eL, TargetKeys.ofString("asdf"));
    }

    @Test
    void everyTokenOfAlloy0Matches() {
        JsonNode expected = vectors.get("tokens").get("alloy-0_all_512");
        long[] tokens = Tokens.of("alloy-0", 512);
        assertEquals(512, expected.size());
        for (int t = 0; t < 512; t++) {
            assertEquals(AlloyVectors.u64(expected.get(t)), tokens[t], "token " + t);
        }
    }

    @Test
    void firstTokensOfOddNamesMatch() {
        vectors.get("tokens").get("first_4_by_node").fields().forEachRemaining(e -> {
            long[] tokens = Tokens.of(e.getKey(), 4);
            for (int t = 0; t < 4; t++) {
                assertEquals(AlloyVectors.u64(e.getValue().get(t)), tokens[t], e.getKey() + " token " + t);
            }
        });
    }

    @Test
    void sortedRingHeadAndTailMatch() {
        AlloyRing ring = new AlloyRing();
        ring.setPeers(participants("alloy-0", "alloy-1", "alloy-2"));
        RingSnapshot snapshot = ring.snapshot(Op.READ_WRITE);
        JsonNode head = vectors.get("tokens").get("alloy-3_sorted_ring_head16");
        for (int i = 0; i < head.size(); i++) {
            assertEquals(head.get(i).get(0).asText(), snapshot.holder(i));
            assertEquals(AlloyVectors.u64(head.get(i).get(1)), snapshot.token(i));
        }
        JsonNode tail = vectors.get("tokens").get("alloy-3_sorted_ring_tail4");
        for (int i = 0; i < tail.size(); i++) {
            int at = snapshot.size() - tail.size() + i;
            assertEquals(tail.get(i).get(0).asText(), snapshot.holder(at));
            assertEquals(AlloyVectors.u64(tail.get(i).get(1)), snapshot.token(at));
        }
    }

    @Test
    void everyOwnerListMatches() {
        JsonNode keys = vectors.get("keys");
        int lookups = 0;
        for (JsonNode set : vectors.get("peer_sets")) {
            List<Peer> peers = new ArrayList<>();
            for (JsonNode p : set.get("peers")) {
                peers.add(new Peer(p.get("name").asText(), p.get("name").asText(), state(p.get("state").asText()), false));
            }
            AlloyRing ring = new AlloyRing();
            ring.setPeers(peers);
            for (JsonNode lookup : set.get("lookups")) {
                Op op = lookup.get("op").asText().equals("Read") ? Op.READ : Op.READ_WRITE;
                int n = lookup.get("num_owners").asInt();
                String where = set.get("name").asText() + " " + op + " n=" + n;
                if (lookup.has("error")) {
                    long anyKey = AlloyVectors.u64(keys.get(0).get("key_u64"));
                    NotEnoughNodesException e = assertThrows(NotEnoughNodesException.class, () -> ring.lookup(anyKey, n, op));
                    assertEquals(lookup.get("error").asText(), e.getMessage(), where);
                    lookups++;
                    continue;
                }
                JsonNode owners = lookup.get("owners");
                assertEquals(keys.size(), owners.size(), where);
                for (int k = 0; k < owners.size(); k++) {
                    long key = AlloyVectors.u64(keys.get(k).get("key_u64"));
                    String[] expected = new String[owners.get(k).size()];
                    for (int o = 0; o < expected.length; o++) {
                        expected[o] = owners.get(k).get(o).asText();
                    }
                    String[] actual = ring.lookup(key, n, op).stream().map(Peer::name).toArray(String[]::new);
                    assertArrayEquals(expected, actual, where + " key id " + keys.get(k).get("id"));
                    if (n == 1) {
                        assertEquals(expected[0], ring.owner(key, op).name(), where);
                    }
                    lookups++;
                }
            }
        }
        assertTrue(lookups > 10_000, "checked " + lookups + " lookups");
    }

    @Test
    void primaryCountsOverLargeKeySetsMatch() {
        for (JsonNode dist : vectors.get("distribution")) {
            List<Peer> peers = peersOf(dist.get("peer_set").asText());
            AlloyRing ring = new AlloyRing();
            ring.setPeers(peers);
            Map<String, Integer> counts = new LinkedHashMap<>();
            int numKeys = dist.get("num_keys").asInt();
            for (int i = 0; i < numKeys; i++) {
                counts.merge(ring.owner(TargetKeys.ofString("k-" + i), Op.READ_WRITE).name(), 1, Integer::sum);
            }
            dist.get("primary_counts").fields().forEachRemaining(e ->
                    assertEquals(e.getValue().asInt(), counts.getOrDefault(e.getKey(), 0), dist.get("peer_set") + " " + e.getKey()));
        }
    }

    @Test
    void ckitRingExampleAnswer() {
        AlloyRing ring = new AlloyRing(256);
        ring.setPeers(List.of(
                new Peer("viewer-a", "", PeerState.VIEWER, false),
                new Peer("viewer-b", "", PeerState.VIEWER, false),
                new Peer("viewer-c", "", PeerState.VIEWER, false),
                new Peer("node-a", "", PeerState.PARTICIPANT, false),
                new Peer("node-b", "", PeerState.PARTICIPANT, false),
                new Peer("node-c", "", PeerState.TERMINATING, false)));
        assertEquals("node-b", ring.owner(TargetKeys.ofString("example-key"), Op.READ_WRITE).name());
        assertEquals(List.of("node-b"), ring.lookup(TargetKeys.ofString("example-key"), 1, Op.READ_WRITE).stream().map(Peer::name).toList());
    }

    private List<Peer> peersOf(String setName) {
        for (JsonNode set : vectors.get("peer_sets")) {
            if (set.get("name").asText().equals(setName)) {
                List<Peer> peers = new ArrayList<>();
                for (JsonNode p : set.get("peers")) {
                    peers.add(new Peer(p.get("name").asText(), "", state(p.get("state").asText()), false));
                }
                return peers;
            }
        }
        throw new AssertionError("no peer set " + setName);
    }

    static List<Peer> participants(String... names) {
        List<Peer> peers = new ArrayList<>();
        for (String n : names) {
            peers.add(Peer.participant(n));
        }
        return peers;
    }

    private static PeerState state(String s) {
        return PeerState.valueOf(s.toUpperCase());
    }

    private static Map<String, String> labels(JsonNode key) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (JsonNode pair : key.get("labels")) {
            labels.put(pair.get(0).asText(), pair.get(1).asText());
        }
        return labels;
    }
}
