package io.fleetlab.core.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.fleetlab.core.testing.Property;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Invariants of target keys, each checked on hundreds of generated inputs against a reference
 * built independently here from the recipe (UTF-8 bytes from the JDK, byte-wise sorting), so the
 * allocation-free encoder and comparator cannot agree with themselves by accident.
 */
class KeyPropertiesTest {
    private static final int CASES = 500;

    @Test
    void stringKeysAreXxh64OfTheUtf8Bytes() {
        KeyHasher reused = new KeyHasher();
        Property.forAll(CASES, r -> {
            String s = text(r, 0, 80);
            if (r.nextInt(4) == 0) {
                // an unpaired surrogate, which Go's conversions turn into U+FFFD
                int at = r.nextInt(s.length() + 1);
                char lone = (char) (r.nextBoolean() ? 0xD800 + r.nextInt(0x400) : 0xDC00 + r.nextInt(0x400));
                s = s.substring(0, at) + lone + s.substring(at);
            }
            long expected = Xxh64.hash(goUtf8(s));
            assertEquals(expected, TargetKeys.ofString(s), s);
            assertEquals(expected, reused.string(s), "reused hasher: " + s);
            assertEquals(expected, new KeyHasher().string(new StringBuilder(s)), "CharSequence: " + s);
        });
    }

    /**
     * The ASCII fast path against the full encoder: mostly-ASCII strings of every length around
     * the buffer's initial 256 bytes, with at most one non-ASCII char (Latin-1, BMP, a surrogate
     * pair or a lone surrogate) anywhere, so the fast path must notice it after having copied the
     * chars before it. The same hasher is reused across cases, so stale bytes would show.
     */
    @Test
    void asciiFastPathAgreesWithTheFullEncoder() {
        KeyHasher reused = new KeyHasher();
        String[] nonAscii = {"\u0080", "\u00e9", "\u00ff", "\u0141", "\u20ac", "\ud83d\ude00", "\ud800", "\udc00", "\uffff"};
        Property.forAll(CASES, r -> {
            int length = r.nextInt(4) == 0 ? 200 + r.nextInt(400) : r.nextInt(90);
            StringBuilder sb = new StringBuilder(length + 2);
            for (int i = 0; i < length; i++) {
                sb.append((char) r.nextInt(0x80));
            }
            if (r.nextBoolean()) {
                sb.insert(r.nextInt(length + 1), nonAscii[r.nextInt(nonAscii.length)]);
            }
            String s = sb.toString();
            long expected = Xxh64.hash(goUtf8(s));
            assertEquals(expected, reused.string(s), s);
            assertEquals(expected, reused.string(new StringBuilder(s)), "CharSequence: " + s);
            String name = "z" + s;
            ByteArrayOutputStream recipe = new ByteArrayOutputStream();
            recipe.writeBytes(new byte[] {'a', (byte) 0xFF});
            recipe.writeBytes(goUtf8(s));
            recipe.write(0xFF);
            recipe.writeBytes(goUtf8(name));
            recipe.writeBytes(new byte[] {(byte) 0xFF, 'v', (byte) 0xFF});
            assertEquals(Xxh64.hash(recipe.toByteArray()), reused.labels(Map.of("a", s, name, "v")), "labels: " + s);
        });
    }

    @Test
    void labelKeysFollowThePrometheusRecipe() {
        KeyHasher reused = new KeyHasher();
        Property.forAll(CASES, r -> {
            Map<String, String> labels = labels(r);
            long expected = Xxh64.hash(recipe(labels));
            assertEquals(expected, TargetKeys.ofLabels(labels), labels::toString);
            assertEquals(expected, reused.labels(labels), () -> "reused hasher: " + labels);
        });
    }

    @Test
    void labelKeysIgnoreOrderAndDiscoveryMetadata() {
        Property.forAll(CASES, r -> {
            Map<String, String> labels = labels(r);
            Map<String, String> reordered = reorder(r, labels);
            for (int i = r.nextInt(4); i > 0; i--) {
                reordered.put(TargetKeys.META_PREFIX + text(r, 1, 12), text(r, 0, 20));
            }
            assertEquals(TargetKeys.ofLabels(labels), TargetKeys.ofLabels(reordered), reordered::toString);
            assertEquals(TargetKeys.ofOperatorLabels(labels), TargetKeys.ofOperatorLabels(reordered), reordered::toString);
        });
    }

    @Test
    void changingAnIdentityLabelChangesTheKey() {
        Property.forAll(CASES, r -> {
            Map<String, String> labels = labels(r);
            List<String> names = new ArrayList<>(labels.keySet());
            names.removeIf(n -> n.startsWith(TargetKeys.META_PREFIX));
            if (names.isEmpty()) {
                return;
            }
            String name = names.get(r.nextInt(names.size()));
            Map<String, String> changed = new LinkedHashMap<>(labels);
            changed.put(name, labels.get(name) + "x");
            assertNotEquals(TargetKeys.ofLabels(labels), TargetKeys.ofLabels(changed), changed::toString);
            assertNotEquals(TargetKeys.ofOperatorLabels(labels), TargetKeys.ofOperatorLabels(changed), changed::toString);
        });
    }

    @Test
    void operatorKeysHashTheQuotedSortedPairs() {
        Property.forAll(CASES, r -> {
            Map<String, String> labels = labels(r);
            String shown = TargetKeys.operatorString(labels);
            assertEquals(TargetKeys.ofString(shown), TargetKeys.ofOperatorLabels(labels), shown);

            // With values that need no escaping, the string is fully predictable.
            Map<String, String> plain = new LinkedHashMap<>();
            labels.keySet().forEach(name -> plain.put(name, name(r)));
            List<String> pairs = new ArrayList<>();
            plain.forEach((name, value) -> {
                if (!name.startsWith(TargetKeys.META_PREFIX)) {
                    pairs.add(name + "=\"" + value + "\"");
                }
            });
            pairs.sort((x, y) -> Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8)));
            assertEquals("{" + String.join(", ", pairs) + "}", TargetKeys.operatorString(plain));
        });
    }

    @Test
    void utf8OrderIsUnsignedByteOrderOfTheEncoding() {
        Property.forAll(CASES, r -> {
            String a = text(r, 0, 12);
            String b = r.nextInt(4) == 0 ? a + text(r, 0, 3) : text(r, 0, 12);
            int expected = Integer.signum(Arrays.compareUnsigned(
                    a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
            assertEquals(expected, Integer.signum(Utf8Order.compare(a, b)), a + " vs " + b);
            assertEquals(-expected, Integer.signum(Utf8Order.compare(b, a)), b + " vs " + a);
        });
    }

    @Test
    void tokenTIsTheDigestOfTheNameAndTheFirstTPlusOneCounterBytes() {
        Property.forAll(200, r -> {
            String node = text(r, 1, 30);
            int count = 1 + r.nextInt(600);
            long[] tokens = Tokens.of(node, count);
            assertEquals(count, tokens.length);
            byte[] name = node.getBytes(StandardCharsets.UTF_8);
            for (int probe = 0; probe < 3; probe++) {
                int t = r.nextInt(count);
                byte[] input = Arrays.copyOf(name, name.length + t + 1);
                for (int i = 0; i <= t; i++) {
                    input[name.length + i] = (byte) i;
                }
                assertEquals(Xxh64.hash(input), tokens[t], node + " token " + t);
            }
        });
    }

    /** UTF-8 as Go produces it from UTF-16: each unpaired surrogate becomes U+FFFD. */
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

    /** {@code name 0xFF value 0xFF ...} over the identity labels sorted by their UTF-8 bytes. */
    private static byte[] recipe(Map<String, String> labels) {
        List<byte[]> names = new ArrayList<>();
        for (String name : labels.keySet()) {
            if (!name.startsWith(TargetKeys.META_PREFIX)) {
                names.add(name.getBytes(StandardCharsets.UTF_8));
            }
        }
        names.sort(Arrays::compareUnsigned);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] name : names) {
            out.writeBytes(name);
            out.write(0xFF);
            out.writeBytes(labels.get(new String(name, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            out.write(0xFF);
        }
        return out.toByteArray();
    }

    /** Up to eight identity labels plus a few discovery labels, as service discovery hands them over. */
    private static Map<String, String> labels(SplittableRandom r) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = r.nextInt(9); i > 0; i--) {
            labels.put(name(r), text(r, 0, 30));
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            labels.put(TargetKeys.META_PREFIX + name(r), text(r, 0, 30));
        }
        return labels;
    }

    private static Map<String, String> reorder(SplittableRandom r, Map<String, String> labels) {
        List<Map.Entry<String, String>> entries = new ArrayList<>(labels.entrySet());
        Collections.shuffle(entries, new java.util.Random(r.nextLong()));
        Map<String, String> out = new LinkedHashMap<>();
        entries.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static String name(SplittableRandom r) {
        String first = "abcdefghijklmnopqrstuvwxyz_";
        String rest = first + "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder sb = new StringBuilder().append(first.charAt(r.nextInt(first.length())));
        for (int i = r.nextInt(15); i > 0; i--) {
            sb.append(rest.charAt(r.nextInt(rest.length())));
        }
        return sb.toString();
    }

    /**
     * Text from every UTF-8 length class: ASCII (quotes, backslashes and control characters
     * included), two- and three-byte characters on both sides of the surrogate block, and
     * supplementary characters (surrogate pairs), whose UTF-16 order differs from their byte order.
     */
    private static String text(SplittableRandom r, int min, int max) {
        int length = min + r.nextInt(max - min + 1);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int cp = switch (r.nextInt(6)) {
                case 0, 1 -> r.nextInt(0x80);
                case 2 -> 0x80 + r.nextInt(0x800 - 0x80);
                case 3 -> 0x800 + r.nextInt(0xD800 - 0x800);
                case 4 -> 0xE000 + r.nextInt(0x10000 - 0xE000);
                default -> 0x10000 + r.nextInt(0x110000 - 0x10000);
            };
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }
}
