package io.fleetlab.simulator.result;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Result file names made from scenario names and variant labels, which come from input files:
 * only letters, digits, {@code . _ = -} survive (anything else becomes {@code _}), no name starts
 * with a dot, and a long name is cut and given a hash of the whole, so the file always lands
 * inside the output directory and within the file system's 255-byte limit.
 */
public final class ResultFileNames {
    /** Longest base name (before the extension): leaves room for ".json" and CSV suffixes. */
    static final int MAX_BASE = 200;

    private ResultFileNames() {}

    /** A safe base name for {@code raw}. */
    public static String base(String raw) {
        String safe = raw.replaceAll("[^A-Za-z0-9._=-]", "_");
        if (safe.isEmpty() || safe.startsWith(".")) {
            safe = "_" + safe;
        }
        if (safe.length() > MAX_BASE) {
            String hash = Long.toHexString(
                    io.fleetlab.core.hash.Xxh64.hash(raw.getBytes(StandardCharsets.UTF_8)));
            safe = safe.substring(0, MAX_BASE - hash.length() - 1) + "-" + hash;
        }
        return safe;
    }

    /** {@code dir/base(raw) + extension}, checked to stay inside {@code dir}. */
    public static Path in(Path dir, String raw, String extension) {
        Path file = dir.resolve(base(raw) + extension).normalize();
        if (!file.toAbsolutePath().normalize().startsWith(dir.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("result file name escapes " + dir + ": " + raw);
        }
        return file;
    }
}
