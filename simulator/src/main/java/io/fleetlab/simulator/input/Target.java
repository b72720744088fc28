package io.fleetlab.simulator.input;

import java.util.Map;

/** One target read from a file, with the key Alloy's ring looks it up by. */
public sealed interface Target {
    /** The 64-bit key the ring looks this target up by. */
    long key();

    /** The key as Alloy prints it: 16 lower-case hex digits. */
    default String keyHex() {
        return String.format("%016x", key());
    }

    /**
     * A label set, hashed as {@code prometheus.scrape} hashes a discovered target.
     *
     * @param labels the labels as given, in file order (metadata included; the key skips it)
     */
    record Labels(Map<String, String> labels, long key) implements Target {
        public Labels {
            labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
        }
    }

    /** A string key, hashed as ckit's {@code shard.StringKey}. */
    record Text(String value, long key) implements Target {}
}
