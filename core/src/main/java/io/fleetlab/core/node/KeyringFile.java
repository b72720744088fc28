package io.fleetlab.core.node;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fleetlab.core.membership.wire.Keyring;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * A gossip keyring file in the format Serf and Consul use for memberlist's keyring: a JSON array
 * of base64 AES keys (16, 24 or 32 bytes each), the first one primary. For example
 * {@code ["hWgBvUu5+HbzM1ktL5GPJpYZJg+0pbmsQBM8uYuMwsk=", "..."]} (32 random bytes:
 * {@code head -c 32 /dev/urandom | base64}).
 */
public final class KeyringFile {
    /** A keyring file is a few lines; anything larger is not one. */
    static final long MAX_BYTES = 64 * 1024;
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private KeyringFile() {
    }

    /**
     * Reads and checks {@code file}.
     *
     * @throws IllegalArgumentException naming the file and what is wrong
     * @throws IOException              when it cannot be read
     */
    public static Keyring read(Path file) throws IOException {
        if (Files.size(file) > MAX_BYTES) {
            throw new IllegalArgumentException(file + ": " + Files.size(file) + " bytes; a keyring file holds at most "
                    + MAX_BYTES);
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": not a JSON array of base64 keys: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new IllegalArgumentException(file + ": expected a non-empty JSON array of base64 keys, the first primary");
        }
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode k = root.get(i);
            byte[] key;
            try {
                key = k.isTextual() ? Base64.getDecoder().decode(k.asText().trim()) : null;
            } catch (IllegalArgumentException e) {
                key = null;
            }
            if (key == null || (key.length != 16 && key.length != 24 && key.length != 32)) {
                throw new IllegalArgumentException(file + ": key " + i + " must be base64 of 16, 24 or 32 bytes"
                        + (key == null ? "" : ", got " + key.length + " bytes"));
            }
            for (byte[] seen : keys) {
                if (Arrays.equals(seen, key)) {
                    throw new IllegalArgumentException(file + ": key " + i + " is listed twice");
                }
            }
            keys.add(key);
        }
        return Keyring.of(keys.get(0), keys.subList(1, keys.size()).toArray(new byte[0][]));
    }

    /** Whether users other than the owner may read {@code file} (then the keys are not secret). */
    public static boolean readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            return p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
