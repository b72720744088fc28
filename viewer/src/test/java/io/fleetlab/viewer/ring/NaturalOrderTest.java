package io.fleetlab.viewer.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {

    @Test
    void numbersCompareByValue() {
        List<String> names = new ArrayList<>(List.of("node-10", "node-2", "node-1", "alpha", "node-02", "node-100", "node-9b"));
        names.sort(NaturalOrder.INSTANCE);
        assertEquals(List.of("alpha", "node-1", "node-02", "node-2", "node-9b", "node-10", "node-100"), names);
    }

    @Test
    void isATotalOrderConsistentWithEquals() {
        long seed = 77L;
        SplittableRandom random = new SplittableRandom(seed);
        String alphabet = "ab-0129";
        for (int run = 0; run < 2000; run++) {
            String a = randomName(random, alphabet);
            String b = randomName(random, alphabet);
            String c = randomName(random, alphabet);
            int ab = NaturalOrder.INSTANCE.compare(a, b);
            assertEquals(-Integer.signum(ab), Integer.signum(NaturalOrder.INSTANCE.compare(b, a)), "seed " + seed + ": " + a + " " + b);
            assertEquals(a.equals(b), ab == 0, "seed " + seed + ": " + a + " " + b);
            if (ab <= 0 && NaturalOrder.INSTANCE.compare(b, c) <= 0) {
                assertTrue(NaturalOrder.INSTANCE.compare(a, c) <= 0, "seed " + seed + ": " + a + " " + b + " " + c);
            }
        }
    }

    private static String randomName(SplittableRandom random, String alphabet) {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(0, 6);
        for (int i = 0; i < n; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
