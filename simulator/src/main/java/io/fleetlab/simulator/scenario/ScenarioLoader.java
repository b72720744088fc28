package io.fleetlab.simulator.scenario;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fleetlab.simulator.input.InputException;
import io.fleetlab.simulator.workload.TargetPopulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a scenario file completely or not at all: syntax, unknown fields, wrong types and every
 * semantic check are reported as {@link ScenarioException} with file, line, column and field.
 */
public final class ScenarioLoader {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule().addDeserializer(Duration.class, new Durations()))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // a key given twice is a mistake, not "the last one wins"
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // "NaN", "Infinity" or "2" in quotes are not numbers
            .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .build();

    /** Writes a scenario back as JSON, durations in the form the loader reads ({@code "30s"}). */
    private static final ObjectMapper WRITER = JsonMapper.builder()
            .addModule(new SimpleModule().addSerializer(Duration.class, new JsonSerializer<Duration>() {
                @Override
                public void serialize(Duration d, JsonGenerator gen, SerializerProvider provider) throws IOException {
                    gen.writeString(Durations.format(d));
                }
            }))
            .build();

    private ScenarioLoader() {}

    /** The scenario as a JSON tree that this loader reads back to an equal scenario: for result files. */
    public static JsonNode toTree(Scenario scenario) {
        return WRITER.valueToTree(scenario);
    }

    /** Loads, checks and completes the scenario in {@code file}. */
    public static Scenario load(Path file) throws ScenarioException, IOException {
        return parse(file.toString(), Files.readAllBytes(file), baseName(file));
    }

    static String baseName(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
    }

    /** Parses {@code json} as if read from {@code fileName}. */
    public static Scenario parse(String fileName, byte[] json, String defaultName) throws ScenarioException {
        SourceLocations locations;
        Scenario raw;
        try {
            locations = SourceLocations.index(json);
            raw = MAPPER.readValue(json, Scenario.class);
        } catch (JsonMappingException e) {
            throw located(fileName, e);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new ScenarioException(fileName, loc == null ? 1 : loc.getLineNr(), loc == null ? 1 : loc.getColumnNr(), "",
                    "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ScenarioException(fileName, 1, 1, "", "cannot be read: " + e.getMessage());
        }
        if (raw == null) {
            throw new ScenarioException(fileName, 1, 1, "", "is empty; expected a scenario object");
        }
        List<Problem> problems = new ArrayList<>();
        Scenario resolved = ScenarioValidator.check(raw, defaultName, problems);
        if (!problems.isEmpty()) {
            // every problem, each with its own line and column, so one edit fixes them all
            List<ScenarioException> all = new ArrayList<>();
            for (Problem p : problems) {
                int[] at = locations.of(p.path());
                all.add(new ScenarioException(fileName, at[0], at[1], p.path(), p.message()));
            }
            throw ScenarioException.of(all);
        }
        return resolved.targets().file() == null ? resolved : withTargetFile(fileName, resolved, locations);
    }

    /**
     * Reads the scenario's target file (relative to the scenario file) once, so a bad one stops
     * the scenario with both locations, and records its absolute path and count.
     */
    private static Scenario withTargetFile(String fileName, Scenario s, SourceLocations locations) throws ScenarioException {
        Path parent = Path.of(fileName).toAbsolutePath().getParent();
        Path file = (parent == null ? Path.of(s.targets().file()) : parent.resolve(s.targets().file())).normalize();
        int count;
        try {
            count = TargetPopulation.fromFile(file, s.targets().format()).size();
        } catch (InputException e) {
            int[] at = locations.of("targets.file");
            throw new ScenarioException(fileName, at[0], at[1], "targets.file", e.getMessage());
        }
        return new Scenario(s.version(), s.name(), s.description(), s.seed(), s.duration(), s.sampleInterval(), s.fleet(),
                new Scenario.Targets(count, null, file.toString(), s.targets().format()), s.hashing(), s.network(), s.timeline());
    }

    private static ScenarioException located(String fileName, JsonMappingException e) {
        JsonLocation loc = e.getLocation();
        int line = loc == null ? 1 : loc.getLineNr();
        int column = loc == null ? 1 : loc.getColumnNr();
        String path = path(e.getPath());
        String message;
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = new ArrayList<>();
            for (Object o : u.getKnownPropertyIds()) {
                known.add(String.valueOf(o));
            }
            known.sort(null);
            message = "unknown field '" + u.getPropertyName() + "'; expected one of " + String.join(", ", known);
        } else if (e instanceof InvalidTypeIdException t) {
            message = "unknown action '" + t.getTypeId() + "'; expected one of join, leave, crash, restart, rolling-restart, "
                    + "scale-to, partition, heal, pause, set-loss, slow, clock-skew";
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            message = "wrong type; expected " + describe(m.getTargetType()) + " (" + firstLine(e.getOriginalMessage()) + ")";
        } else {
            message = firstLine(e.getOriginalMessage());
        }
        return new ScenarioException(fileName, line, column, path, message);
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Duration.class) {
            return "a duration such as \"30s\" or a number of seconds";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object (" + type.getSimpleName() + ")";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
