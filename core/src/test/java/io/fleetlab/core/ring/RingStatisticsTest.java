package io.fleetlab.core.ring;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.hash.KeyHasher;
import io.fleetlab.core.testing.Gen;
import io.fleetlab.core.testing.Property;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * Balance and movement of Alloy's ring against the statistical bound. A node's share of the
 * circle has relative sd about 1/sqrt(V) with V tokens; counting T keys adds sqrt((N-1)/T). The
 * tolerance is that sd times the normal quantile for a per-case false-alarm rate ALPHA
 * (Bonferroni-corrected over the nodes), never a hand-picked margin.
 */
class RingStatisticsTest {
    private static final int TOKENS = 512;
    private static final int KEYS = 50_000;
    private static final double ALPHA = 1e-4;
    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

    static double relativeSd(int nodes, int keys) {
        return Math.sqrt(1.0 / TOKENS + (nodes - 1.0) / keys);
    }

    static double z(double alpha, int comparisons) {
        return NORMAL.inverseSurvivalProbability(alpha / (2.0 * comparisons));
    }

    private static long[] stringKeys(int offset) {
        KeyHasher hasher = new KeyHasher();
        long[] keys = new long[KEYS];
        for (int i = 0; i < KEYS; i++) {
            keys[i] = hasher.string("target-" + (offset + i));
        }
        return keys;
    }

    @Test
    void everyNodesLoadIsWithinTheBound() {
        Property.forAll(100, r -> {
            int n = 2 + r.nextInt(99);
            AlloyRing ring = new AlloyRing(TOKENS);
            ring.setPeers(Gen.participants(Gen.names(r, n)));
            Map<String, Integer> counts = new HashMap<>();
            for (long k : stringKeys(r.nextInt(1_000_000))) {
                counts.merge(ring.owner(k, Op.READ_WRITE).name(), 1, Integer::sum);
            }
            double bound = z(ALPHA, n) * relativeSd(n, KEYS);
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                double deviation = Math.abs(e.getValue() * (double) n / KEYS - 1);
                assertTrue(deviation <= bound, String.format("N=%d node %s holds %d keys: %.1f%% off the mean, bound %.1f%%",
                        n, e.getKey(), e.getValue(), 100 * deviation, 100 * bound));
            }
            assertTrue(counts.size() == n, "every node owns something at " + KEYS + " keys");
        });
    }

    @Test
    void joinMovesAboutOneOverNPlusOne() {
        Property.forAll(100, r -> {
            int n = 1 + r.nextInt(100);
            List<String> names = Gen.names(r, n + 1);
            AlloyRing ring = new AlloyRing(TOKENS);
            ring.setPeers(Gen.participants(names.subList(0, n)));
            long[] keys = stringKeys(r.nextInt(1_000_000));
            String[] before = new String[keys.length];
            for (int i = 0; i < keys.length; i++) {
                before[i] = ring.owner(keys[i], Op.READ_WRITE).name();
            }
            ring.setPeers(Gen.participants(names));
            int moved = 0;
            for (int i = 0; i < keys.length; i++) {
                if (!ring.owner(keys[i], Op.READ_WRITE).name().equals(before[i])) {
                    moved++;
                }
            }
            double ideal = 1.0 / (n + 1);
            double bound = z(ALPHA, 1) * relativeSd(n + 1, KEYS);
            double ratio = moved / (double) KEYS / ideal;
            assertTrue(Math.abs(ratio - 1) <= bound,
                    String.format("join %d->%d moved %.4f, ideal %.4f, ratio %.3f outside 1 +/- %.3f", n, n + 1,
                            moved / (double) KEYS, ideal, ratio, bound));
        });
    }

    @Test
    void leaveMovesAboutOneOverN() {
        Property.forAll(100, r -> {
            int n = 2 + r.nextInt(99);
            List<String> names = Gen.names(r, n);
            AlloyRing ring = new AlloyRing(TOKENS);
            ring.setPeers(Gen.participants(names));
            long[] keys = stringKeys(r.nextInt(1_000_000));
            String[] before = new String[keys.length];
            for (int i = 0; i < keys.length; i++) {
                before[i] = ring.owner(keys[i], Op.READ_WRITE).name();
            }
            List<String> rest = new ArrayList<>(names);
            rest.remove(r.nextInt(n));
            ring.setPeers(Gen.participants(rest));
            int moved = 0;
            for (int i = 0; i < keys.length; i++) {
                if (!ring.owner(keys[i], Op.READ_WRITE).name().equals(before[i])) {
                    moved++;
                }
            }
            double ideal = 1.0 / n;
            double bound = z(ALPHA, 1) * relativeSd(n, KEYS);
            double ratio = moved / (double) KEYS / ideal;
            assertTrue(Math.abs(ratio - 1) <= bound,
                    String.format("leave %d->%d moved %.4f, ideal %.4f, ratio %.3f outside 1 +/- %.3f", n, n - 1,
                            moved / (double) KEYS, ideal, ratio, bound));
        });
    }
}
