package io.fleetlab.simulator.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Mutated copies of the shipped scenarios (numbers replaced by extremes, tokens cut, duplicated or
 * swapped, bytes flipped): every one either loads or is refused with a {@link ScenarioException},
 * and none takes long. Seeded; the seed and the input are printed on failure.
 */
class ScenarioFuzzTest {
    private static final String[] EXTREMES = {"1e300", "-1e300", "1e400", "\"NaN\"", "\"Infinity\"", "0", "-1",
            "2147483647", "9223372036854775807", "99999999999999999999", "0.000001", "\"100000h\"",
            "\"0.000001ms\"", "null", "[]", "{}", "\"\"", "true", "\"../../x\"", "\"" + "n".repeat(300) + "\""};

    @Test
    void mutatedScenariosLoadOrAreRefusedNeverCrashOrHang() throws IOException {
        List<String> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("../scenarios"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                seeds.add(Files.readString(f));
            }
        }
        assertTrue(seeds.size() >= 5, "shipped scenarios not found");
        for (String good : seeds) { // warm-up: class loading must not count as a slow input
            try {
                ScenarioLoader.parse("warm.json", good.getBytes(StandardCharsets.UTF_8), "warm");
            } catch (ScenarioException e) {
                fail("a shipped scenario does not load: " + e.getMessage());
            }
        }
        long seed = 1313;
        SplittableRandom random = new SplittableRandom(seed);
        int loaded = 0;
        int refused = 0;
        int cases = Integer.getInteger("fuzz.cases", 600); // more for a longer hunt: -Dfuzz.cases=20000
        long slowest = 0;
        for (int i = 0; i < cases; i++) {
            String input = mutate(seeds.get(random.nextInt(seeds.size())), random);
            long t0 = System.nanoTime();
            try {
                ScenarioLoader.parse("fuzz.json", input.getBytes(StandardCharsets.UTF_8), "fuzz");
                loaded++;
            } catch (ScenarioException e) {
                refused++;
                assertTrue(e.getMessage().startsWith("fuzz.json:") || e.getMessage().contains(" problems:"),
                        "seed " + seed + " case " + i + ": message without a location: " + e.getMessage());
            } catch (RuntimeException | StackOverflowError e) {
                fail("seed " + seed + " case " + i + ": " + e + " on input:\n" + input, e);
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            slowest = Math.max(slowest, ms);
            assertTrue(ms < 2000, "seed " + seed + " case " + i + ": took " + ms + " ms on input:\n" + input);
        }
        System.out.println("scenario fuzz: " + cases + " inputs, " + loaded + " loaded, " + refused
                + " refused, slowest " + slowest + " ms");
        assertTrue(loaded > 0 && refused > 0, loaded + " loaded, " + refused + " refused");
    }

    private static String mutate(String json, SplittableRandom r) {
        StringBuilder s = new StringBuilder(json);
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits; e++) {
            switch (r.nextInt(4)) {
                case 0 -> { // a number or string value replaced by an extreme
                    int at = valueStart(s, r);
                    if (at >= 0) {
                        int end = valueEnd(s, at);
                        s.replace(at, end, EXTREMES[r.nextInt(EXTREMES.length)]);
                    }
                }
                case 1 -> { // a slice cut out
                    int a = r.nextInt(s.length());
                    s.delete(a, Math.min(s.length(), a + r.nextInt(1, 12)));
                }
                case 2 -> { // a slice duplicated
                    int a = r.nextInt(s.length());
                    int b = Math.min(s.length(), a + r.nextInt(1, 40));
                    s.insert(b, s.substring(a, b));
                }
                default -> s.setCharAt(r.nextInt(s.length()), (char) r.nextInt(32, 127)); // a byte flipped
            }
            if (s.length() == 0) {
                s.append('{');
            }
        }
        return s.toString();
    }

    /** The start of a value after a random colon, or -1. */
    private static int valueStart(StringBuilder s, SplittableRandom r) {
        int from = r.nextInt(s.length());
        int colon = s.indexOf(":", from);
        if (colon < 0) {
            return -1;
        }
        int at = colon + 1;
        while (at < s.length() && s.charAt(at) == ' ') {
            at++;
        }
        return at < s.length() && (s.charAt(at) == '"' || s.charAt(at) == '-' || Character.isDigit(s.charAt(at)))
                ? at : -1;
    }

    private static int valueEnd(StringBuilder s, int at) {
        if (s.charAt(at) == '"') {
            int close = s.indexOf("\"", at + 1);
            return close < 0 ? s.length() : close + 1;
        }
        int end = at + 1;
        while (end < s.length() && "0123456789.eE+-".indexOf(s.charAt(end)) >= 0) {
            end++;
        }
        return end;
    }
}
