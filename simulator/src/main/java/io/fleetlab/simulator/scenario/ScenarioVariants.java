package io.fleetlab.simulator.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The parameter axis of a sweep: one scenario file with one field set to each of several values
 * ({@code network.loss=0,0.1,0.3}, {@code hashing.tokensPerNode=64,512}, {@code timeline.0.at=30s}).
 * Every variant goes through the loader's checks, so a value out of range is reported with the
 * field and the variant, and nothing runs unless all of them are valid. A malformed description
 * is an {@link IllegalArgumentException} naming what was expected.
 */
public final class ScenarioVariants {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One variant.
     *
     * @param label    {@code field=value}, for reports and result file names
     * @param scenario the checked scenario with that value
     */
    public record Variant(String label, Scenario scenario) {}

    private ScenarioVariants() {}

    /** The variants of {@code file} described by {@code spec}, in the order the values are given. */
    public static List<Variant> of(Path file, String spec) throws ScenarioException, IOException {
        if (spec == null) {
            throw usage("", "expected FIELD=VALUE1,VALUE2,...");
        }
        byte[] json = Files.readAllBytes(file);
        ScenarioLoader.parse(file.toString(), json, ScenarioLoader.baseName(file)); // the file itself first
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw usage(spec, "expected FIELD=VALUE1,VALUE2,... e.g. network.loss=0,0.1,0.3");
        }
        String field = spec.substring(0, eq).trim();
        List<Variant> variants = new ArrayList<>();
        for (String raw : spec.substring(eq + 1).split(",", -1)) {
            String value = raw.trim();
            if (value.isEmpty()) {
                throw usage(spec, "an empty value in the list");
            }
            JsonNode tree = JSON.readTree(json);
            set(tree, field, parseValue(value), spec);
            String label = field + "=" + value;
            try {
                variants.add(new Variant(label, ScenarioLoader.parse(file.toString(),
                        JSON.writeValueAsBytes(tree), ScenarioLoader.baseName(file))));
            } catch (ScenarioException e) { // its line and column would point into the rewritten copy
                String problems = e.count() > 1 ? e.getMessage().substring(e.getMessage().indexOf(':') + 1).trim()
                        : (e.field().isEmpty() ? "" : e.field() + ": ") + e.problem();
                throw new IllegalArgumentException(file + " with " + label + ": " + problems, e);
            }
        }
        return variants;
    }

    /** Numbers, booleans and quoted strings as JSON; anything else ({@code 30s}, {@code alloy}) as a string. */
    private static JsonNode parseValue(String value) {
        try {
            JsonNode node = JSON.readTree(value);
            if (node != null && node.isValueNode()) {
                return node;
            }
        } catch (JsonProcessingException notJson) {
            // a bare word
        }
        return TextNode.valueOf(value);
    }

    private static void set(JsonNode root, String field, JsonNode value, String spec) {
        String[] parts = field.split("\\.", -1);
        JsonNode node = root;
        StringBuilder at = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            node = child(node, parts[i], at, spec);
            at.append(at.length() == 0 ? "" : ".").append(parts[i]);
        }
        String last = parts[parts.length - 1];
        if (node instanceof ObjectNode object && !last.isEmpty()) {
            object.set(last, value); // validation names the field if the schema has no such field
        } else if (node instanceof ArrayNode array && index(last, array) >= 0) {
            array.set(index(last, array), value);
        } else {
            throw usage(spec, "cannot set '" + last + "' inside " + describe(at) + " (" + node.getNodeType().name().toLowerCase() + ")");
        }
    }

    private static JsonNode child(JsonNode node, String part, StringBuilder at, String spec) {
        JsonNode next = null;
        if (node instanceof ObjectNode object) {
            next = object.get(part);
            if (next == null && !part.isEmpty() && !part.chars().allMatch(Character::isDigit)) {
                // an optional section the file leaves to its defaults: create it; validation
                // still refuses a section or field the schema does not have
                next = object.putObject(part);
            }
        } else if (node instanceof ArrayNode array && index(part, array) >= 0) {
            next = array.get(index(part, array));
        }
        if (next == null || !next.isContainerNode()) {
            throw usage(spec, describe(at) + " has no object or list '" + part + "'");
        }
        return next;
    }

    private static int index(String part, ArrayNode array) {
        try {
            int i = Integer.parseInt(part);
            return i >= 0 && i < array.size() ? i : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String describe(StringBuilder at) {
        return at.length() == 0 ? "the scenario" : "'" + at + "'";
    }

    private static IllegalArgumentException usage(String spec, String problem) {
        return new IllegalArgumentException("--vary " + spec + ": " + problem);
    }
}
