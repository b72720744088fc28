package io.fleetlab.core.hash;

import java.util.Arrays;
import java.util.Map;

/**
 * A reusable hasher for keys on hot paths: it keeps its scratch buffers, so hashing a string
 * allocates nothing and hashing a label set allocates only when the set is larger than any seen
 * before. Not thread-safe; keep one per thread.
 */
public final class KeyHasher {
    private final Utf8Buffer buffer = new Utf8Buffer();
    private String[] names = new String[16];

    /**
     * Same as {@link TargetKeys#ofString(String)}, without allocating. An all-ASCII {@code String}
     * (the usual URL) is copied in one branch-free pass; anything else goes through the full
     * UTF-8 encoder.
     */
    public long string(CharSequence s) {
        buffer.clear();
        if (!(s instanceof String str) || !buffer.putAscii(str)) {
            buffer.putUtf8(s);
        }
        return Xxh64.hash(buffer.array(), 0, buffer.length());
    }

    /** Same as {@link TargetKeys#ofLabels(Map)}. */
    public long labels(Map<String, String> labels) {
        if (names.length < labels.size()) {
            names = new String[Math.max(labels.size(), names.length * 2)];
        }
        int count = 0;
        for (String name : labels.keySet()) {
            if (!name.startsWith(TargetKeys.META_PREFIX)) {
                names[count++] = name;
            }
        }
        Arrays.sort(names, 0, count, Utf8Order.COMPARATOR);
        buffer.clear();
        for (int i = 0; i < count; i++) {
            buffer.put(names[i]);
            buffer.putByte(0xFF);
            buffer.put(labels.get(names[i]));
            buffer.putByte(0xFF);
            names[i] = null;
        }
        return Xxh64.hash(buffer.array(), 0, buffer.length());
    }
}
