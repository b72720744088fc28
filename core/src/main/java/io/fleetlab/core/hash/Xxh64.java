package io.fleetlab.core.hash;

import com.dynatrace.hash4j.hashing.HashStream64;
import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;

/** XXH64 with seed 0, the hash Alloy uses for keys and tokens; a thin façade over hash4j. */
public final class Xxh64 {
    private static final Hasher64 HASHER = Hashing.xxh64();

    private Xxh64() {}

    /** XXH64 of {@code bytes[offset, offset + length)}. */
    public static long hash(byte[] bytes, int offset, int length) {
        return HASHER.hashBytesToLong(bytes, offset, length);
    }

    /** XXH64 of all of {@code bytes}. */
    public static long hash(byte[] bytes) {
        return HASHER.hashBytesToLong(bytes);
    }

    /** A fresh streaming digest; {@link HashStream64#getAsLong()} does not reset it. */
    public static HashStream64 stream() {
        return HASHER.hashStream();
    }
}
