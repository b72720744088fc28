package io.fleetlab.core.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.testing.Gen;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link HashOrder} lists indices in the order a {@code java.util.HashMap} of their keys iterates
 * (what push-pulls listed peer states in before the tables were compact), through random puts and
 * removals, growth, and buckets of colliding keys in small tables; and its snapshots list the
 * order of the moment they were taken, whenever they are read.
 */
class HashOrderTest {

    @Test
    void followsHashMapIterationOrder() {
        int exact = 0;
        for (int c = 0; c < 300; c++) {
            long seed = 1400 + c;
            SplittableRandom r = new SplittableRandom(seed);
            List<String> pool = new ArrayList<>(Gen.names(r, 1 + r.nextInt(c < 250 ? 200 : 3000)));
            if (r.nextBoolean()) {
                // at most eight with removals: the map makes a tree of a ninth at capacity 64
                pool.addAll(colliding(r.nextInt(9)));
            }
            exact += check(pool, r, seed, true) ? 1 : 0;
        }
        assertTrue(exact >= 250, "only " + exact + " of 300 cases stayed free of tree buckets");
    }

    @Test
    void followsHashMapForTheSimulatorsNames() {
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            pool.add("alloy-" + i);
        }
        assertTrue(check(pool, new SplittableRandom(14), 14, true), "no tree bucket for the simulator's names");
    }

    @Test
    void growsASmallTableForALongBucketAsHashMapDoes() {
        int exact = 0;
        for (int c = 0; c < 100; c++) {
            long seed = 7700 + c;
            SplittableRandom r = new SplittableRandom(seed);
            List<String> pool = new ArrayList<>(Gen.names(r, r.nextInt(12)));
            pool.addAll(colliding(10)); // the 9th and 10th grow the table to 32, then 64
            exact += check(pool, r, seed, false) ? 1 : 0;
        }
        assertTrue(exact >= 30, "only " + exact + " of 100 cases stayed free of tree buckets");
    }

    /**
     * Random puts (and removals) of {@code pool}'s keys on a HashMap and a HashOrder; the orders must
     * agree unless the map made a tree of a bucket, which the order reports. Returns whether exact.
     */
    private static boolean check(List<String> pool, SplittableRandom r, long seed, boolean removals) {
        Map<String, Integer> index = new HashMap<>();
        String[] keys = new String[pool.size()];
        for (int i = 0; i < pool.size(); i++) {
            index.put(pool.get(i), i);
            keys[i] = pool.get(i);
        }
        HashOrder order = new HashOrder(i -> keys[i]);
        Map<String, Integer> reference = new HashMap<>();
        int ops = 3 * pool.size();
        // snapshots taken along the way must list, whenever read, the order of their moment
        List<java.util.function.Supplier<int[]>> snapshots = new ArrayList<>();
        List<List<Integer>> ordersThen = new ArrayList<>();
        for (int op = 0; op < ops; op++) {
            if (r.nextInt(5) == 0) {
                snapshots.add(order.snapshot());
                ordersThen.add(new ArrayList<>(reference.values()));
                if (r.nextBoolean()) {
                    snapshots.get(snapshots.size() - 1).get(); // written out now, or only at the end
                }
            }
            String k = pool.get(r.nextInt(pool.size()));
            if (reference.containsKey(k)) {
                if (removals && r.nextInt(3) == 0) {
                    reference.remove(k);
                    order.remove(index.get(k), k);
                } else {
                    reference.put(k, index.get(k)); // replacing a value keeps its place
                }
            } else {
                reference.put(k, index.get(k));
                order.add(index.get(k), k);
            }
        }
        assertEquals(reference.size(), order.size(), "seed " + seed);
        if (!order.exact()) {
            return false;
        }
        List<Integer> expected = new ArrayList<>(reference.values());
        List<Integer> actual = new ArrayList<>();
        order.forEach(actual::add);
        assertEquals(expected, actual, "seed " + seed);
        int[] copied = new int[order.size()];
        order.copyTo(copied);
        assertEquals(expected, java.util.Arrays.stream(copied).boxed().toList(), "seed " + seed + ", copyTo");
        for (int i = 0; i < snapshots.size(); i++) {
            assertEquals(ordersThen.get(i), java.util.Arrays.stream(snapshots.get(i).get()).boxed().toList(),
                    "seed " + seed + ", snapshot " + i);
        }
        return true;
    }

    /** Up to 16 distinct strings with one hash code ("Aa" and "BB" hash alike). */
    private static List<String> colliding(int n) {
        List<String> out = new ArrayList<>();
        for (int bits = 0; bits < n; bits++) {
            StringBuilder sb = new StringBuilder("k");
            for (int b = 0; b < 4; b++) {
                sb.append((bits >> b & 1) == 0 ? "Aa" : "BB");
            }
            out.add(sb.toString());
        }
        return out;
    }
}
