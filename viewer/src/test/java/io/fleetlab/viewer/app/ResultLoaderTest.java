package io.fleetlab.viewer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.viewer.sample.SampleResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultLoaderTest {
    @Test
    void fieldsThisBuildDoesNotKnowAreIgnored(@TempDir Path dir) throws Exception {
        String json = Files.readString(SampleResult.file());
        String extended = json.replaceFirst("\\{", "{\"annotations\": {\"tool\": \"fleetlab 9\", \"args\": [\"--seed=42\"]},")
                .replaceFirst("\"liveNodes\"", "\"maxUnowned\": 3, \"liveNodes\"");
        assertTrue(!extended.equals(json) && extended.contains("maxUnowned"));
        Path file = dir.resolve("extended.json");
        Files.writeString(file, extended);
        SimulationResult plain = ResultLoader.load(SampleResult.file());
        assertEquals(plain, ResultLoader.load(file));
    }

    @Test
    void aNewerSchemaIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        String json = Files.readString(SampleResult.file()).replaceFirst("\"schemaVersion\"\\s*:\\s*\\d+", "\"schemaVersion\": 99");
        Path file = dir.resolve("future.json");
        Files.writeString(file, json);
        IOException e = assertThrows(IOException.class, () -> ResultLoader.load(file));
        assertTrue(e.getMessage().contains("future.json") && e.getMessage().contains("schema version 99"), e.getMessage());
    }
}
