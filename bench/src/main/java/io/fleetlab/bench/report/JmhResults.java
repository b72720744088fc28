package io.fleetlab.bench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/** Reads the JSON file JMH writes with {@code -rf json}. */
public final class JmhResults {
    private static final String ALLOCATION = "gc.alloc.rate.norm";

    private JmhResults() {}

    /**
     * Every result in {@code file}, in file order.
     *
     * @throws IOException when the file cannot be read or is not a JMH result file; the message
     *                     names the file, the result's index and the field
     */
    public static List<JmhResult> read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IOException(file + ": cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not JSON: " + e.getOriginalMessage(), e);
        }
        return parse(root, file.toString());
    }

    /** Every result in a JMH JSON document; {@code source} names it in error messages. */
    public static List<JmhResult> parse(JsonNode root, String source) throws IOException {
        if (root == null || !root.isArray()) {
            throw new IOException(source + ": expected a JSON array of JMH results");
        }
        List<JmhResult> results = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            results.add(parseOne(root.get(i), source + ": result " + i));
        }
        return results;
    }

    private static JmhResult parseOne(JsonNode node, String where) throws IOException {
        String benchmark = text(node, "benchmark", where);
        String mode = text(node, "mode", where);
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode paramNode = node.get("params");
        if (paramNode != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = paramNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                params.put(p.getKey(), p.getValue().asText());
            }
        }
        JsonNode primary = node.get("primaryMetric");
        if (primary == null || !primary.isObject()) {
            throw new IOException(where + " (" + benchmark + "): missing field 'primaryMetric'");
        }
        String unit = text(primary, "scoreUnit", where + " primaryMetric");
        double score = number(primary, "score", where + " primaryMetric");
        JsonNode errorNode = primary.get("scoreError");
        double error = errorNode == null ? Double.NaN : number(primary, "scoreError", where + " primaryMetric");
        double nanos = Units.toNanosPerOp(score, unit, mode, where);
        double errorNanos = Units.errorToNanosPerOp(score, error, unit, mode, where);

        OptionalDouble bytes = OptionalDouble.empty();
        Map<String, JmhResult.Metric> others = new LinkedHashMap<>();
        JsonNode secondary = node.get("secondaryMetrics");
        if (secondary != null) {
            for (Iterator<Map.Entry<String, JsonNode>> it = secondary.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> m = it.next();
                String name = m.getKey().startsWith("\u00b7") ? m.getKey().substring(1) : m.getKey();
                String at = where + " secondaryMetrics." + name;
                double value = number(m.getValue(), "score", at);
                if (name.equals(ALLOCATION)) {
                    bytes = OptionalDouble.of(value);
                } else if (!name.startsWith("gc.")) {
                    others.put(name, new JmhResult.Metric(value, text(m.getValue(), "scoreUnit", at)));
                }
            }
        }
        return new JmhResult(benchmark, Collections.unmodifiableMap(params), nanos, errorNanos, bytes,
                Collections.unmodifiableMap(others));
    }

    private static String text(JsonNode node, String field, String where) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IOException(where + ": missing or non-text field '" + field + "'");
        }
        return value.asText();
    }

    /** A number; JMH writes NaN and infinities as strings. */
    private static double number(JsonNode node, String field, String where) throws IOException {
        JsonNode value = node.get(field);
        if (value != null && value.isNumber()) {
            return value.asDouble();
        }
        if (value != null && value.isTextual()) {
            switch (value.asText()) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw new IOException(where + ": field '" + field + "' should be a number, got " + value);
    }
}
