package io.fleetlab.simulator.input;

import com.fasterxml.jackson.core.JsonToken;
import io.fleetlab.core.hash.KeyHasher;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an operator's targets in one of the {@link TargetFormat}s, completely or not at all, and
 * keys them as Alloy does: label sets by {@code discovery.Target.NonMetaLabelsHash}, strings by
 * {@code shard.StringKey}.
 */
public final class TargetFiles {
    private TargetFiles() {}

    /** Reads {@code file}; every refusal names file, line and column. */
    public static List<Target> read(Path file, TargetFormat format, PrometheusLabels which, InputLimits limits)
            throws InputException {
        String name = file.toString();
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new InputException(name, 1, 1, "cannot be read: " + describe(e));
        }
        if (size > limits.maxBytes()) {
            throw new InputException(name, 1, 1, "is " + size + " bytes; the limit is " + limits.maxBytes() + " bytes");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(name, 1, 1, "cannot be read: " + describe(e));
        }
        return parse(name, bytes, format, which, limits);
    }

    /** Parses {@code bytes} as if read from a file called {@code name}. */
    public static List<Target> parse(String name, byte[] bytes, TargetFormat format, PrometheusLabels which,
            InputLimits limits) throws InputException {
        if (bytes.length > limits.maxBytes()) {
            throw new InputException(name, 1, 1, "is " + bytes.length + " bytes; the limit is " + limits.maxBytes() + " bytes");
        }
        TargetFormat actual = format == TargetFormat.AUTO ? detect(name, bytes) : format;
        List<Target> targets = switch (actual) {
            case JSON -> json(name, bytes, limits);
            case PROMETHEUS -> prometheus(name, bytes, which, limits);
            case TEXT, AUTO -> text(name, bytes, limits);
        };
        if (targets.isEmpty()) {
            throw new InputException(name, 1, 1, "holds no targets");
        }
        return targets;
    }

    /** A {@code .json} file by its first character ({@code [} a list, <code>{</code> a response); anything else is text. */
    static TargetFormat detect(String name, byte[] bytes) throws InputException {
        if (!name.toLowerCase(Locale.ROOT).endsWith(".json")) {
            return TargetFormat.TEXT;
        }
        int i = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        int line = 1;
        int column = 1;
        for (; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                line++;
                column = 1;
            } else if (b == ' ' || b == '\t' || b == '\r') {
                column++;
            } else if (b == '[') {
                return TargetFormat.JSON;
            } else if (b == '{') {
                return TargetFormat.PROMETHEUS;
            } else {
                break;
            }
        }
        throw new InputException(name, line, column,
                "expected a JSON list of targets ([...]) or a Prometheus /api/v1/targets response ({...})");
    }

    private static List<Target> json(String name, byte[] bytes, InputLimits limits) throws InputException {
        KeyHasher hasher = new KeyHasher();
        List<Target> targets = new ArrayList<>();
        try (JsonInput in = new JsonInput(name, bytes, limits)) {
            in.expect(JsonToken.START_ARRAY, "a list of targets (label maps or strings)");
            JsonToken t;
            while ((t = in.next()) != JsonToken.END_ARRAY) {
                if (targets.size() == limits.maxItems()) {
                    throw in.error("more than " + limits.maxItems() + " targets");
                }
                if (t == JsonToken.START_OBJECT) {
                    Map<String, String> labels = in.labelMap();
                    targets.add(new Target.Labels(labels, hasher.labels(labels)));
                } else if (t == JsonToken.VALUE_STRING) {
                    String s = in.string("target string");
                    targets.add(new Target.Text(s, hasher.string(s)));
                } else {
                    throw in.error("expected a target (a label map or a string), found " + JsonInput.describe(t));
                }
            }
            in.expectEnd();
        }
        return targets;
    }

    private static List<Target> prometheus(String name, byte[] bytes, PrometheusLabels which, InputLimits limits)
            throws InputException {
        KeyHasher hasher = new KeyHasher();
        List<Target> targets = null;
        try (JsonInput in = new JsonInput(name, bytes, limits)) {
            in.expect(JsonToken.START_OBJECT, "a Prometheus /api/v1/targets response (an object)");
            while (in.next() == JsonToken.FIELD_NAME) {
                String field = in.text();
                JsonToken v = in.next();
                switch (field) {
                    case "status" -> {
                        if (v != JsonToken.VALUE_STRING || !in.text().equals("success")) {
                            throw in.error("status is " + (v == JsonToken.VALUE_STRING ? "'" + in.text() + "'" : JsonInput.describe(v))
                                    + "; expected 'success' (a failed query has no targets)");
                        }
                    }
                    case "data" -> {
                        if (v != JsonToken.START_OBJECT) {
                            throw in.error("data: expected an object with activeTargets, found " + JsonInput.describe(v));
                        }
                        targets = data(in, hasher, which, limits);
                    }
                    default -> in.skipValue();
                }
            }
            in.expectEnd();
            if (targets == null) {
                throw new InputException(name, 1, 1, "no data.activeTargets: expected a Prometheus /api/v1/targets response");
            }
        }
        return targets;
    }

    private static List<Target> data(JsonInput in, KeyHasher hasher, PrometheusLabels which, InputLimits limits)
            throws InputException {
        List<Target> targets = null;
        while (in.next() == JsonToken.FIELD_NAME) {
            String field = in.text();
            JsonToken v = in.next();
            if (!field.equals("activeTargets")) {
                in.skipValue(); // droppedTargets are scraped by nobody
                continue;
            }
            if (v != JsonToken.START_ARRAY) {
                throw in.error("data.activeTargets: expected a list, found " + JsonInput.describe(v));
            }
            targets = new ArrayList<>();
            JsonToken t;
            while ((t = in.next()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_OBJECT) {
                    throw in.error("data.activeTargets[" + targets.size() + "]: expected a target object, found " + JsonInput.describe(t));
                }
                if (targets.size() == limits.maxItems()) {
                    throw in.error("more than " + limits.maxItems() + " targets");
                }
                int[] start = in.location();
                Map<String, String> discovered = null;
                while (in.next() == JsonToken.FIELD_NAME) {
                    String f = in.text();
                    JsonToken fv = in.next();
                    if (f.equals("discoveredLabels")) {
                        if (fv != JsonToken.START_OBJECT) {
                            throw in.error("discoveredLabels: expected a label map, found " + JsonInput.describe(fv));
                        }
                        discovered = in.labelMap();
                    } else {
                        in.skipValue();
                    }
                }
                if (discovered == null) {
                    throw in.errorAt(start, "data.activeTargets[" + targets.size() + "] has no discoveredLabels");
                }
                Map<String, String> hashed = new LinkedHashMap<>();
                discovered.forEach((k, val) -> {
                    if (which.hashes(k)) {
                        hashed.put(k, val);
                    }
                });
                targets.add(new Target.Labels(discovered, hasher.labels(hashed)));
            }
        }
        if (targets == null) {
            throw in.error("data has no activeTargets list");
        }
        return targets;
    }

    private static List<Target> text(String name, byte[] bytes, InputLimits limits) throws InputException {
        KeyHasher hasher = new KeyHasher();
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        List<Target> targets = new ArrayList<>();
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        int lineNumber = 0;
        CharBuffer chars = CharBuffer.allocate(limits.maxStringLength() + 1);
        while (start < bytes.length) {
            lineNumber++;
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            int stop = end > start && bytes[end - 1] == '\r' ? end - 1 : end;
            chars.clear();
            decoder.reset();
            ByteBuffer in = ByteBuffer.wrap(bytes, start, stop - start);
            CoderResult result = decoder.decode(in, chars, true);
            if (result.isError()) {
                throw new InputException(name, lineNumber, chars.position() + 1,
                        "not valid UTF-8 (byte 0x" + String.format("%02x", bytes[in.position()] & 0xFF) + ")");
            }
            if (result.isOverflow() || chars.position() > limits.maxStringLength()) {
                throw new InputException(name, lineNumber, limits.maxStringLength() + 1,
                        "line longer than " + limits.maxStringLength() + " characters");
            }
            decoder.flush(chars);
            chars.flip();
            String line = chars.toString();
            start = end + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (targets.size() == limits.maxItems()) {
                throw new InputException(name, lineNumber, 1, "more than " + limits.maxItems() + " targets");
            }
            targets.add(new Target.Text(line, hasher.string(line)));
        }
        return targets;
    }

    static String describe(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.toString();
    }
}
