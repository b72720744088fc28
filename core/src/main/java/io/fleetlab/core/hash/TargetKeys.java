package io.fleetlab.core.hash;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The keys Alloy hashes targets to. Convenience methods here allocate; a hot path reuses a
 * {@link KeyHasher}.
 */
public final class TargetKeys {
    /** Labels with this prefix are discovery metadata and never part of a target's identity. */
    public static final String META_PREFIX = "__meta_";

    private TargetKeys() {}

    /**
     * XXH64 of the UTF-8 bytes of {@code s}: ckit's {@code shard.StringKey}. Encoded by the same
     * encoder as {@link KeyHasher}, so an unpaired surrogate becomes U+FFFD as in Go (the JDK's own
     * encoder would write {@code ?}).
     */
    public static long ofString(String s) {
        return new KeyHasher().string(s);
    }

    /**
     * A scrape target's key: the non-{@code __meta_} labels sorted bytewise by name, hashed as
     * {@code name 0xFF value 0xFF ...} (Prometheus' stable label hash, as prometheus.scrape uses).
     */
    public static long ofLabels(Map<String, String> labels) {
        return new KeyHasher().labels(labels);
    }

    /**
     * An operator target's key: {@code {name="value", ...}} over the non-meta labels with Go's
     * {@code %q} quoting, the pairs sorted as whole strings, hashed as a string key.
     */
    public static long ofOperatorLabels(Map<String, String> labels) {
        return ofString(operatorString(labels));
    }

    /** The string an operator-style key hashes; useful to show users what identifies a target. */
    public static String operatorString(Map<String, String> labels) {
        List<String> pairs = new ArrayList<>(labels.size());
        StringBuilder pair = new StringBuilder();
        for (Map.Entry<String, String> e : labels.entrySet()) {
            if (e.getKey().startsWith(META_PREFIX)) {
                continue;
            }
            pair.setLength(0);
            pair.append(e.getKey()).append('=');
            GoQuote.appendQuoted(pair, e.getValue());
            pairs.add(pair.toString());
        }
        pairs.sort(Utf8Order.COMPARATOR);
        return "{" + String.join(", ", pairs) + "}";
    }
}
