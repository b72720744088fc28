package io.fleetlab.core.hash;

import com.dynatrace.hash4j.hashing.HashStream64;
import java.nio.charset.StandardCharsets;

/**
 * A node's tokens on Alloy's ring. Token {@code t} is XXH64 of the name followed by the bytes
 * {@code 0, 1, ..., t & 0xFF}: one digest is fed a byte per token and never reset, so a node's
 * tokens cost one pass.
 */
public final class Tokens {
    private Tokens() {}

    /** The first {@code count} tokens of {@code nodeName}, in generation order (not sorted). */
    public static long[] of(String nodeName, int count) {
        long[] tokens = new long[count];
        HashStream64 digest = Xxh64.stream();
        digest.putBytes(nodeName.getBytes(StandardCharsets.UTF_8));
        for (int t = 0; t < count; t++) {
            digest.putByte((byte) t);
            tokens[t] = digest.getAsLong();
        }
        return tokens;
    }
}
