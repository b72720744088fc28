package io.fleetlab.core.node;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetlab.core.hash.TargetKeys;
import io.fleetlab.core.rebalance.TargetSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The targets a {@link ClusterNode} shares out ({@code --targets FILE}): a JSON list whose
 * entries are all strings (keyed as Alloy keys a string) or all objects of string labels (keyed
 * as Prometheus' stable label hash without {@code __meta_} labels, as Alloy's
 * {@code prometheus.scrape} keys them). Entries with the same key after the first are dropped, as
 * Alloy's distributed targets drop them. Bounded: at most {@link #MAX_BYTES} bytes,
 * {@link #MAX_TARGETS} entries and {@link #MAX_LABELS} labels per entry; anything else is refused
 * with the file, line, entry and what was expected.
 *
 * @param entries the entries as given, without duplicates; entry {@code i} has key {@code keys.key(i)}
 * @param keys    the entries' keys, for the rebalancer
 * @param dropped how many duplicate entries were dropped
 */
public record TargetsFile(List<JsonNode> entries, TargetSet keys, int dropped) {
    /** Largest file read. */
    public static final long MAX_BYTES = 64L << 20;
    /** Most entries. */
    public static final int MAX_TARGETS = 1_000_000;
    /** Most labels in one entry. */
    public static final int MAX_LABELS = 256;

    /** Reads and checks {@code file}. */
    public static TargetsFile read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new IllegalArgumentException(file + ": " + size + " bytes; expected at most " + MAX_BYTES);
        }
        return parse(file.toString(), Files.readAllBytes(file));
    }

    /** Checks {@code json}; {@code source} names it in errors. */
    public static TargetsFile parse(String source, byte[] json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonParseException e) {
            JsonLocation at = e.getLocation();
            throw new IllegalArgumentException(source + ":" + at.getLineNr() + ":" + at.getColumnNr() + ": not JSON: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(source + ": not JSON: " + e.getMessage());
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException(source + ": expected a JSON list of strings or of label objects");
        }
        if (root.size() > MAX_TARGETS) {
            throw new IllegalArgumentException(source + ": " + root.size() + " targets; expected at most " + MAX_TARGETS);
        }
        List<JsonNode> entries = new ArrayList<>(root.size());
        long[] keys = new long[root.size()];
        Set<Long> seen = new HashSet<>();
        Boolean strings = null;
        int dropped = 0;
        for (int i = 0; i < root.size(); i++) {
            JsonNode e = root.get(i);
            long key;
            if (e.isTextual() && strings != Boolean.FALSE) {
                strings = true;
                key = TargetKeys.ofString(e.textValue());
            } else if (e.isObject() && strings != Boolean.TRUE) {
                strings = false;
                key = TargetKeys.ofLabels(labels(source, i, e));
            } else {
                throw new IllegalArgumentException(source + ": [" + i + "]: expected "
                        + (strings == null ? "a string or an object of string labels"
                                : strings ? "a string, like the entries before it" : "an object of string labels, like the entries before it")
                        + ", got " + e.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
            if (!seen.add(key)) {
                dropped++;
                continue;
            }
            keys[entries.size()] = key;
            entries.add(e);
        }
        return new TargetsFile(List.copyOf(entries), TargetSet.of(java.util.Arrays.copyOf(keys, entries.size())), dropped);
    }

    private static Map<String, String> labels(String source, int index, JsonNode object) {
        if (object.size() > MAX_LABELS) {
            throw new IllegalArgumentException(source + ": [" + index + "]: " + object.size() + " labels; expected at most "
                    + MAX_LABELS);
        }
        Map<String, String> labels = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!f.getValue().isTextual()) {
                throw new IllegalArgumentException(source + ": [" + index + "]." + f.getKey()
                        + ": expected a string label value, got " + f.getValue().getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
            labels.put(f.getKey(), f.getValue().textValue());
        }
        return labels;
    }
}
