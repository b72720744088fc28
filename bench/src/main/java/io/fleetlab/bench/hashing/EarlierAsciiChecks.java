package io.fleetlab.bench.hashing;

import io.fleetlab.core.hash.Xxh64;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * {@code KeyHasher.string} for an all-ASCII string with the ASCII checks it had before, kept as
 * the baselines of {@code KeyHashingBench.stringBytewiseTail} and {@code stringWordLoop}: both
 * read the JDK's string bytes as {@code KeyHasher} does (needs {@code java.base/java.lang}
 * opened) and throw on a key they cannot take.
 */
final class EarlierAsciiChecks {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final VarHandle VALUE = stringValue();

    private static VarHandle stringValue() {
        try {
            return MethodHandles.privateLookupIn(String.class, MethodHandles.lookup())
                    .findVarHandle(String.class, "value", byte[].class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("run with --add-opens java.base/java.lang=ALL-UNNAMED", e);
        }
    }

    /**
     * Eight bytes at a time, then the rest one byte at a time, in a loop whose exit depends on the
     * key's length (the check before 2026-12-01).
     */
    long bytewiseTail(String s) {
        byte[] b = (byte[]) VALUE.get(s);
        return hashChecked(s, b, bytewiseTailBits(b, b.length));
    }

    /** The OR of {@code b[0, n)}: whole words first, then the bytes past the last one singly. */
    static long bytewiseTailBits(byte[] b, int n) {
        long seen = 0;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            seen |= (long) LONGS.get(b, i);
        }
        for (; i < n; i++) {
            seen |= b[i];
        }
        return seen;
    }

    /**
     * The last word read overlapping, then a loop of words from the start (ce2b5e0 to the
     * four-word form): no byte loop, but the word loop still ends at a count that depends on the
     * key's length (3 or 4 for the benchmark's 27-40-byte URLs).
     */
    long wordLoop(String s) {
        byte[] b = (byte[]) VALUE.get(s);
        int n = b.length;
        if (n < 8) {
            return hashChecked(s, b, bytewiseTailBits(b, n));
        }
        long seen = (long) LONGS.get(b, n - 8);
        for (int i = 0; i < n - 8; i += 8) {
            seen |= (long) LONGS.get(b, i);
        }
        return hashChecked(s, b, seen);
    }

    private static long hashChecked(String s, byte[] b, long seen) {
        if (b.length != s.length() || (seen & HIGH_BITS) != 0) {
            throw new IllegalArgumentException("not one ASCII byte a char: " + s);
        }
        return Xxh64.hash(b, 0, b.length);
    }
}
