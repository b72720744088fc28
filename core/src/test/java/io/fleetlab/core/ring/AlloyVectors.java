package io.fleetlab.core.ring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reference vectors computed by Alloy's own ring. The shared copy beside the repository wins
 * when present (so a refreshed file is picked up); the copy in test resources keeps the module
 * self-contained.
 */
public final class AlloyVectors {
    public static final Path SHARED = Path.of("..", "..", "shared", "reference", "alloy-ring-vectors.json");

    private AlloyVectors() {}

    public static JsonNode load() {
        try {
            if (Files.isRegularFile(SHARED)) {
                return new ObjectMapper().readTree(SHARED.toFile());
            }
            try (InputStream in = AlloyVectors.class.getResourceAsStream("/alloy-ring-vectors.json")) {
                return new ObjectMapper().readTree(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode bundled() {
        try (InputStream in = AlloyVectors.class.getResourceAsStream("/alloy-ring-vectors.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static long u64(JsonNode decimal) {
        return Long.parseUnsignedLong(decimal.asText());
    }
}
