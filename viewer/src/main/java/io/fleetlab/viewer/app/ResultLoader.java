package io.fleetlab.viewer.app;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fleetlab.simulator.result.SimulationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads result files with errors that say which file and what is wrong with it. Unlike the
 * simulator's strict reader it ignores fields it does not know, so a file that carries more
 * (run context, finer agreement figures) still opens; a schema version newer than this build's
 * is refused.
 */
public final class ResultLoader {
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ResultLoader() {}

    /**
     * @throws IOException naming the file, and for malformed JSON the line and field
     */
    public static SimulationResult load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file.toAbsolutePath() + ": no such result file");
        }
        SimulationResult result;
        try {
            result = LENIENT.readValue(file.toFile(), SimulationResult.class);
        } catch (IOException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new IOException(message.contains(file.toString()) ? message : file + ": " + message, e);
        }
        if (result == null) {
            throw new IOException(file + ": empty result file");
        }
        if (result.schemaVersion() < 1 || result.schemaVersion() > SimulationResult.SCHEMA_VERSION) {
            throw new IOException(file + ": result schema version " + result.schemaVersion()
                    + " is not supported; expected 1 to " + SimulationResult.SCHEMA_VERSION);
        }
        return result;
    }
}
