package io.fleetlab.bench.hashing;

import io.fleetlab.core.hash.Xxh64;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * {@code KeyHasher.string} for an all-ASCII string as it was before its ASCII check read the
 * last word overlapping: eight bytes at a time, then the rest one byte at a time, in a loop whose
 * exit depends on the key's length. The baseline of {@code KeyHashingBench.stringBytewiseTail};
 * reads the JDK's string bytes as {@code KeyHasher} does (needs {@code java.base/java.lang}
 * opened) and throws on a key it cannot take.
 */
final class BytewiseTailKeyHasher {
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

    long string(String s) {
        byte[] b = (byte[]) VALUE.get(s);
        int n = b.length;
        long seen = 0;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            seen |= (long) LONGS.get(b, i);
        }
        for (; i < n; i++) {
            seen |= b[i];
        }
        if (n != s.length() || (seen & HIGH_BITS) != 0) {
            throw new IllegalArgumentException("not one ASCII byte a char: " + s);
        }
        return Xxh64.hash(b, 0, n);
    }
}
