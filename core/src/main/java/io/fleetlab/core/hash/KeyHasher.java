package io.fleetlab.core.hash;

import java.util.Arrays;
import java.util.Map;

/**
 * A reusable hasher for keys on hot paths: it keeps its scratch buffers, so hashing a string
 * allocates nothing and hashing a label set allocates only when the set is larger than any seen
 * before. Not thread-safe; keep one per thread.
 */
public final class KeyHasher {
    /** Read-only and the same for every hasher: whether strings' own bytes can be read. */
    private static final Latin1Strings IN_PLACE = Latin1Strings.open();

    private final Utf8Buffer buffer = new Utf8Buffer();
    private final Latin1Strings strings;
    private String[] names = new String[16];

    /** A hasher that hashes an all-ASCII string in place when the JDK lets it (see {@link #hashesInPlace()}). */
    public KeyHasher() {
        this(IN_PLACE);
    }

    /**
     * A hasher that always copies a string's chars before hashing them, as one does where the
     * JDK's string bytes cannot be read: for comparisons; the hash is the same.
     */
    public static KeyHasher copyingChars() {
        return new KeyHasher(Latin1Strings.copying());
    }

    KeyHasher(Latin1Strings strings) {
        this.strings = strings;
    }

    /**
     * Whether all-ASCII strings are hashed straight from the bytes the JDK keeps for them (needs
     * {@code java.base/java.lang} opened to this code, as the application's manifest does);
     * otherwise they are copied first. The hash is the same either way.
     */
    public boolean hashesInPlace() {
        return strings.reads();
    }

    /**
     * Same as {@link TargetKeys#ofString(String)}, without allocating. An all-ASCII {@code String}
     * (the usual URL) is hashed from its own bytes when they can be read, else copied in one
     * branch-free pass; anything else goes through the full UTF-8 encoder.
     */
    public long string(CharSequence s) {
        if (s instanceof String str) {
            byte[] ascii = strings.asciiBytes(str);
            if (ascii != null) {
                return Xxh64.hash(ascii, 0, ascii.length);
            }
        }
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
