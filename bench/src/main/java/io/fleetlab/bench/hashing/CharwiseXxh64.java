package io.fleetlab.bench.hashing;

/**
 * XXH64 (seed 0) of an all-ASCII string computed straight from its chars, eight at a time, with
 * no copy into a byte buffer: how much of {@code KeyHasher.string} is the copy and how much is
 * reading the chars one at a time. Measurement only (the XXH64 steps written out here are
 * checked against hash4j by {@code CharwiseXxh64Test}); throws on a string that is not ASCII.
 * Not thread-safe: it ORs the chars it reads into a field.
 */
final class CharwiseXxh64 {
    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P3 = 0x165667B19E3779F9L;
    private static final long P4 = 0x85EBCA77C2B2AE63L;
    private static final long P5 = 0x27D4EB2F165667C5L;

    /** Every char read so far ORed together: one check at the end tells whether all were ASCII. */
    private int seen;

    long hash(String s) {
        seen = 0;
        int n = s.length();
        int i = 0;
        long h;
        if (n >= 32) {
            long v1 = P1 + P2;
            long v2 = P2;
            long v3 = 0;
            long v4 = -P1;
            do {
                long l0 = lane(s, i);
                long l1 = lane(s, i + 8);
                long l2 = lane(s, i + 16);
                long l3 = lane(s, i + 24);
                v1 = round(v1, l0);
                v2 = round(v2, l1);
                v3 = round(v3, l2);
                v4 = round(v4, l3);
                i += 32;
            } while (i + 32 <= n);
            h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            h = merge(h, v1);
            h = merge(h, v2);
            h = merge(h, v3);
            h = merge(h, v4);
        } else {
            h = P5;
        }
        h += n;
        for (; i + 8 <= n; i += 8) {
            h = Long.rotateLeft(h ^ round(0, lane(s, i)), 27) * P1 + P4;
        }
        if (i + 4 <= n) {
            char c0 = s.charAt(i);
            char c1 = s.charAt(i + 1);
            char c2 = s.charAt(i + 2);
            char c3 = s.charAt(i + 3);
            seen |= c0 | c1 | c2 | c3;
            long word = c0 | c1 << 8 | c2 << 16 | (long) c3 << 24;
            h = Long.rotateLeft(h ^ word * P1, 23) * P2 + P3;
            i += 4;
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            seen |= c;
            h = Long.rotateLeft(h ^ c * P5, 11) * P1;
        }
        if (seen >= 0x80) {
            throw new IllegalArgumentException("not ASCII: " + s);
        }
        h ^= h >>> 33;
        h *= P2;
        h ^= h >>> 29;
        h *= P3;
        return h ^ h >>> 32;
    }

    /** Chars {@code i..i+7} as the little-endian long of their low bytes (exact once all are ASCII). */
    private long lane(String s, int i) {
        char c0 = s.charAt(i);
        char c1 = s.charAt(i + 1);
        char c2 = s.charAt(i + 2);
        char c3 = s.charAt(i + 3);
        char c4 = s.charAt(i + 4);
        char c5 = s.charAt(i + 5);
        char c6 = s.charAt(i + 6);
        char c7 = s.charAt(i + 7);
        seen |= c0 | c1 | c2 | c3 | c4 | c5 | c6 | c7;
        return c0 | (long) c1 << 8 | (long) c2 << 16 | (long) c3 << 24
                | (long) c4 << 32 | (long) c5 << 40 | (long) c6 << 48 | (long) c7 << 56;
    }

    private static long round(long acc, long input) {
        return Long.rotateLeft(acc + input * P2, 31) * P1;
    }

    private static long merge(long h, long v) {
        return (h ^ round(0, v)) * P1 + P4;
    }
}
