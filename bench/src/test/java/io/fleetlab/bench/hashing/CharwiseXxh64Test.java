package io.fleetlab.bench.hashing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fleetlab.bench.fixtures.Targets;
import io.fleetlab.core.hash.Xxh64;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The XXH64 steps written out in {@link CharwiseXxh64} agree with hash4j's XXH64 of the same bytes. */
class CharwiseXxh64Test {
    @Test
    void agreesWithXxh64OnAsciiStringsOfEveryLengthUpTo200() {
        CharwiseXxh64 charwise = new CharwiseXxh64();
        long seed = 1414;
        SplittableRandom r = new SplittableRandom(seed);
        for (int length = 0; length <= 200; length++) {
            for (int repeat = 0; repeat < 3; repeat++) {
                StringBuilder sb = new StringBuilder(length);
                for (int i = 0; i < length; i++) {
                    sb.append((char) r.nextInt(0x80));
                }
                String s = sb.toString();
                assertEquals(Xxh64.hash(s.getBytes(StandardCharsets.US_ASCII)), charwise.hash(s), "seed " + seed + ": " + s);
            }
        }
        for (String url : Targets.urls(4096)) {
            assertEquals(Xxh64.hash(url.getBytes(StandardCharsets.US_ASCII)), charwise.hash(url), url);
        }
    }

    @Test
    void refusesWhatIsNotAscii() {
        CharwiseXxh64 charwise = new CharwiseXxh64();
        assertThrows(IllegalArgumentException.class, () -> charwise.hash("http://caf\u00e9:80/metrics"));
        assertThrows(IllegalArgumentException.class, () -> charwise.hash("h\u0174tp://10.0.0.1:9100/metrics/and/more/than/32"));
        assertEquals(Xxh64.hash(new byte[0]), charwise.hash(""));
    }
}
