package io.fleetlab.bench.hashing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fleetlab.bench.fixtures.Targets;
import io.fleetlab.core.hash.KeyHasher;
import org.junit.jupiter.api.Test;

/** The low-byte copy hashes the benchmark's URLs as {@code KeyHasher} does, and why it is not used there. */
class LowBytesKeyHasherTest {
    @Test
    void sameKeysAsKeyHasherOnTheBenchmarksUrls() {
        KeyHasher exact = new KeyHasher();
        LowBytesKeyHasher lowBytes = new LowBytesKeyHasher();
        for (String url : Targets.urls(4096)) {
            assertEquals(exact.string(url), lowBytes.string(url), url);
        }
    }

    @Test
    void aLatin1CharIsRefusedButACharAboveU00ffWithAnAsciiLowByteIsNot() {
        LowBytesKeyHasher lowBytes = new LowBytesKeyHasher();
        assertThrows(IllegalArgumentException.class, () -> lowBytes.string("http://caf\u00e9:80/metrics"));
        // U+0174 keeps its low byte 0x74 ('t'): hashed as "http://..." though its UTF-8 is two bytes
        String tricky = "h\u0174tp://10.0.0.1:9100/metrics";
        assertNotEquals(new KeyHasher().string(tricky), lowBytes.string(tricky));
        assertEquals(new KeyHasher().string("http://10.0.0.1:9100/metrics"), lowBytes.string(tricky));
    }
}
