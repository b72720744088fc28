package io.fleetlab.core.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import io.fleetlab.core.testing.Property;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Hashing an all-ASCII string from the bytes the JDK keeps for it ({@link Latin1Strings}) gives
 * exactly Alloy's key: XXH64 (hash4j, used here directly as the oracle) of Go's UTF-8 bytes of
 * the string, on hundreds of seeded strings mixing ASCII with Latin-1 chars, chars above U+00FF
 * whose low byte is ASCII (the case a low-byte copy would get wrong), surrogate pairs and lone
 * surrogates (U+FFFD in Go). The copying hasher and {@link TargetKeys} must agree too.
 */
class InPlaceHashingTest {
    private static final Hasher64 ORACLE = Hashing.xxh64();
    private static final int CASES = 600;

    /** The build opens java.base/java.lang to tests, as the application's manifest does: the fast path must be on. */
    @Test
    void testsRunWithTheFastPathOn() {
        assertTrue(new KeyHasher().hashesInPlace());
        assertTrue(Latin1Strings.open().reads());
        assertFalse(KeyHasher.copyingChars().hashesInPlace());
    }

    @Test
    void everyHasherGivesAlloysKey() {
        KeyHasher inPlace = new KeyHasher();
        KeyHasher copying = KeyHasher.copyingChars();
        Property.forAll(CASES, r -> {
            String s = text(r);
            long expected = ORACLE.hashBytesToLong(goUtf8(s));
            assertEquals(expected, inPlace.string(s), s);
            assertEquals(expected, copying.string(s), "copying: " + s);
            assertEquals(expected, TargetKeys.ofString(s), "TargetKeys: " + s);
            assertEquals(expected, inPlace.string(new StringBuilder(s)), "CharSequence: " + s);
        });
    }

    @Test
    void onlyAllAsciiStringsAreReadInPlace() {
        Latin1Strings strings = Latin1Strings.open();
        Property.forAll(CASES, r -> {
            String s = text(r);
            boolean ascii = s.chars().allMatch(c -> c < 0x80);
            byte[] bytes = strings.asciiBytes(s);
            if (ascii) {
                assertArrayEquals(s.getBytes(StandardCharsets.UTF_8), bytes, s);
            } else {
                assertNull(bytes, s);
            }
            assertNull(Latin1Strings.copying().asciiBytes(s));
        });
    }

    /** A char above U+00FF with an ASCII low byte ('\u0141' keeps 'A') anywhere in an ASCII string. */
    @Test
    void aWideCharWithAnAsciiLowByteIsNeverTakenForAscii() {
        Latin1Strings strings = Latin1Strings.open();
        KeyHasher inPlace = new KeyHasher();
        for (int length = 1; length <= 40; length++) {
            for (int at = 0; at < length; at++) {
                char[] chars = "http://10.0.3.17:9100/metrics?x=abcdefgh".substring(0, length).toCharArray();
                chars[at] = (char) (0x100 | chars[at]);
                String s = new String(chars);
                assertNull(strings.asciiBytes(s), s);
                assertEquals(ORACLE.hashBytesToLong(s.getBytes(StandardCharsets.UTF_8)), inPlace.string(s), s);
            }
        }
    }

    /**
     * The eight-at-a-time check sees a top bit in every position of every length up to 100: the
     * short arrays, the four-word form (8-32), the eight-word form (33-64) and its loop beyond.
     */
    @Test
    void asciiCheckSeesEveryHighBit() {
        for (int length = 0; length <= 100; length++) {
            byte[] bytes = new byte[length];
            java.util.Arrays.fill(bytes, (byte) 'a');
            assertTrue(Latin1Strings.isAscii(bytes));
            for (int at = 0; at < length; at++) {
                for (int high : new int[] {0x80, 0xC3, 0xFF}) {
                    bytes[at] = (byte) high;
                    assertFalse(Latin1Strings.isAscii(bytes), "length " + length + " at " + at);
                }
                bytes[at] = 'a';
            }
        }
    }

    /** The bytes read in place are the string's own: nothing is copied, so nothing is allocated per key. */
    @Test
    void readsTheStringsOwnBytes() {
        String s = new String(new char[] {'a', 'b', 'c'});
        byte[] first = Latin1Strings.open().asciiBytes(s);
        assertSame(first, Latin1Strings.open().asciiBytes(s));
        assertEquals(ORACLE.hashBytesToLong(new byte[0]), new KeyHasher().string(new String(new char[0])));
    }

    private static String text(SplittableRandom r) {
        int length = r.nextInt(5) == 0 ? 100 + r.nextInt(300) : r.nextInt(60);
        int kind = r.nextInt(4); // 0: all ASCII; else a few of the other kinds mixed in
        StringBuilder sb = new StringBuilder(length + 2);
        for (int i = 0; i < length; i++) {
            if (kind == 0 || r.nextInt(8) != 0) {
                sb.append((char) r.nextInt(0x80));
                continue;
            }
            switch (r.nextInt(5)) {
                case 0 -> sb.append((char) (0x80 + r.nextInt(0x80))); // Latin-1
                case 1 -> sb.append((char) (0x100 | r.nextInt(0x80))); // wide, low byte ASCII
                case 2 -> sb.append((char) (0x100 + r.nextInt(0xD800 - 0x100))); // rest of the BMP below surrogates
                case 3 -> sb.appendCodePoint(0x10000 + r.nextInt(0x100000)); // a surrogate pair
                default -> sb.append((char) (0xD800 + r.nextInt(0x800))); // a lone surrogate (maybe paired by chance)
            }
        }
        return sb.toString();
    }

    /** Go's string-to-bytes conversion: a surrogate not in a pair becomes U+FFFD. */
    private static byte[] goUtf8(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                sb.append(c).append(s.charAt(++i));
            } else {
                sb.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
