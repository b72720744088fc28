package io.fleetlab.simulator.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a scenario file and checks it completely before anything runs. Syntax and type errors
 * come from Jackson with their location; the semantic checks (times, node names, ranges) find the
 * location of the offending field from a first streaming pass over the same text.
 */
public final class ScenarioLoader {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private ScenarioLoader() {}

    /** Loads {@code <dir>/<name>.json} (or {@code name} itself when it is a path to a file). */
    public static ScenarioConfig load(Path dir, String name) throws ScenarioException, IOException {
        Path file = name.endsWith(".json") ? Path.of(name) : dir.resolve(name + ".json");
        if (!Files.exists(file) && name.endsWith(".json") && dir != null) {
            file = dir.resolve(name);
        }
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file.toString(), 0, 0, "", "no such scenario file");
        }
    }

    /** Parses and checks {@code text}; {@code fileName} is only used in messages. */
    public static ScenarioConfig parse(String fileName, String text) throws ScenarioException {
        Map<String, JsonLocation> locations = locate(fileName, text);
        Scenario s;
        try {
            s = MAPPER.readValue(text, Scenario.class);
        } catch (JsonMappingException e) {
            throw mappingError(fileName, e, locations);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new ScenarioException(fileName, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(), "",
                    "not valid JSON: " + e.getOriginalMessage());
        }
        if (s == null) {
            throw new ScenarioException(fileName, 1, 1, "", "empty file; expected a scenario object");
        }
        return new ScenarioChecker(fileName, locations, s).check();
    }

    private static ScenarioException mappingError(String file, JsonMappingException e, Map<String, JsonLocation> locations) {
        StringBuilder path = new StringBuilder();
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(r.getFieldName());
                pointer.append('/').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
                pointer.append('/').append(r.getIndex());
            }
        }
        String problem;
        if (e instanceof UnrecognizedPropertyException u) {
            problem = "unknown field '" + u.getPropertyName() + "'; expected one of "
                    + new java.util.TreeSet<>(u.getKnownPropertyIds().stream().map(String::valueOf).toList());
        } else if (e instanceof InvalidTypeIdException t) {
            problem = "unknown action '" + t.getTypeId() + "'; expected one of join, leave, crash, restart, "
                    + "rolling-restart, scale-to, partition, heal, pause, slow, skew, set-loss";
        } else {
            problem = e.getOriginalMessage();
        }
        // the value's own start, when known, is more precise than where the parser stopped
        JsonLocation l = locations.getOrDefault(pointer.toString(), e.getLocation());
        return new ScenarioException(file, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(),
                path.toString(), problem);
    }

    /** Where each value starts, by JSON pointer ("/timeline/2/at"). Syntax errors surface here. */
    private static Map<String, JsonLocation> locate(String file, String text) throws ScenarioException {
        Map<String, JsonLocation> out = new HashMap<>();
        try (JsonParser p = MAPPER.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.FIELD_NAME && t != JsonToken.END_OBJECT && t != JsonToken.END_ARRAY) {
                    out.putIfAbsent(p.getParsingContext().pathAsPointer().toString(), p.currentTokenLocation());
                }
            }
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new ScenarioException(file, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(), "",
                    "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ScenarioException(file, 0, 0, "", e.getMessage());
        }
        return out;
    }
}
