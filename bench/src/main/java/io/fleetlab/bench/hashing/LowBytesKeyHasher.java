package io.fleetlab.bench.hashing;

import io.fleetlab.core.hash.Xxh64;

/**
 * What a copy through {@code String.getBytes(int, int, byte[], int)} (one arraycopy for a Latin-1
 * string) plus an eight-bytes-at-a-time ASCII check would cost before XXH64. Measurement only: it
 * is not exact, since that method keeps the low byte of every char, so a char at or above U+0100
 * whose low byte is ASCII would pass; telling such a string apart needs a look at every char,
 * which is what {@code KeyHasher.string} does. Throws on a key it cannot take.
 */
final class LowBytesKeyHasher {
    private static final long HIGH_BITS = 0x8080808080808080L;
    private final byte[] buffer = new byte[4096];

    @SuppressWarnings("deprecation")
    long string(String s) {
        int n = s.length();
        byte[] b = buffer;
        s.getBytes(0, n, b, 0);
        if ((EarlierAsciiChecks.bytewiseTailBits(b, n) & HIGH_BITS) != 0) {
            throw new IllegalArgumentException("not ASCII: " + s);
        }
        return Xxh64.hash(b, 0, n);
    }
}
