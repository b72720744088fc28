package io.fleetlab.simulator.result;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes result files; the same result always gives the same bytes. */
public final class ResultFiles {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ResultFiles() {}

    public static byte[] toBytes(SimulationResult result) {
        try {
            return MAPPER.writeValueAsBytes(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(SimulationResult result, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, toBytes(result));
    }

    /** Reads a result file, refusing one written by an incompatible schema version. */
    public static SimulationResult read(Path file) throws IOException {
        SimulationResult result = MAPPER.readValue(file.toFile(), SimulationResult.class);
        if (result.schemaVersion() != SimulationResult.SCHEMA_VERSION) {
            throw new IOException(file + ": result schema version " + result.schemaVersion()
                    + " is not supported; expected " + SimulationResult.SCHEMA_VERSION);
        }
        return result;
    }
}
