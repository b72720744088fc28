package io.fleetlab.bench.hashing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fleetlab.bench.fixtures.Targets;
import io.fleetlab.core.hash.KeyHasher;
import org.junit.jupiter.api.Test;

/** The earlier ASCII checks the benchmark compares with hash as {@code KeyHasher} does, and refuse what it would copy. */
class EarlierAsciiChecksTest {
    private final EarlierAsciiChecks earlier = new EarlierAsciiChecks();

    @Test
    void sameKeysAsKeyHasherOnTheBenchmarksUrls() {
        KeyHasher exact = new KeyHasher();
        for (String url : Targets.urls(4096)) {
            assertEquals(exact.string(url), earlier.bytewiseTail(url), url);
            assertEquals(exact.string(url), earlier.wordLoop(url), url);
        }
    }

    @Test
    void aHighByteAnywhereIsRefused() {
        for (int length = 1; length <= 48; length++) {
            for (int at = 0; at < length; at++) {
                char[] chars = "a".repeat(length).toCharArray();
                chars[at] = '\u00e9';
                String s = new String(chars);
                assertThrows(IllegalArgumentException.class, () -> earlier.bytewiseTail(s), s);
                assertThrows(IllegalArgumentException.class, () -> earlier.wordLoop(s), s);
            }
        }
    }
}
