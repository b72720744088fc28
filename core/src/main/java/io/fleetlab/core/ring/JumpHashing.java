package io.fleetlab.core.ring;

import com.dynatrace.hash4j.consistent.ConsistentBucketHasher;
import com.dynatrace.hash4j.consistent.ConsistentHashing;
import com.dynatrace.hash4j.random.PseudoRandomGeneratorProvider;

/**
 * Jump consistent hashing (Lamping and Veach), which maps keys to numbered buckets. When the
 * eligible nodes are exactly the ordinals {@code 0..N-1} of one name prefix (a StatefulSet:
 * {@code alloy-0, alloy-1, ...}), node {@code prefix-i} is bucket {@code i}, so growing or
 * shrinking at the end moves the minimum. Otherwise buckets follow name order, and a node leaving
 * from the middle renumbers the rest and moves far more: the cost of using a bucket hash for a
 * membership set, which the simulator shows side by side.
 */
public final class JumpHashing extends AbstractSharder {
    private final ConsistentBucketHasher hasher =
            ConsistentHashing.jumpHash(PseudoRandomGeneratorProvider.splitMix64_V1());
    /** bucketToNode[b] is the index (in sorted names) of the node serving bucket b. */
    private int[] read = new int[0];
    private int[] readWrite = read;

    @Override
    void rebuild(Op op, String[] sortedNames) {
        int[] buckets = bucketsOf(sortedNames);
        if (op == Op.READ) {
            read = buckets;
        } else {
            readWrite = buckets;
        }
    }

    static int[] bucketsOf(String[] sortedNames) {
        int n = sortedNames.length;
        int[] byOrdinal = new int[n];
        java.util.Arrays.fill(byOrdinal, -1);
        String prefix = null;
        for (int i = 0; i < n; i++) {
            String name = sortedNames[i];
            int cut = name.length();
            while (cut > 0 && Character.isDigit(name.charAt(cut - 1))) {
                cut--;
            }
            String digits = name.substring(cut);
            boolean canonical = !digits.isEmpty() && digits.length() <= 9 && (digits.equals("0") || digits.charAt(0) != '0');
            if (!canonical || (prefix != null && !prefix.equals(name.substring(0, cut)))) {
                return identity(n);
            }
            prefix = name.substring(0, cut);
            int ordinal = Integer.parseInt(digits);
            if (ordinal >= n || byOrdinal[ordinal] >= 0) {
                return identity(n);
            }
            byOrdinal[ordinal] = i;
        }
        return byOrdinal;
    }

    private static int[] identity(int n) {
        int[] buckets = new int[n];
        java.util.Arrays.setAll(buckets, i -> i);
        return buckets;
    }

    @Override
    void shareReadStructure() {
        readWrite = read;
    }

    @Override
    int primary(long key, Op op) {
        int[] buckets = op == Op.READ ? read : readWrite;
        return buckets[hasher.getBucket(key, buckets.length)];
    }

    @Override
    void owners(long key, int n, Op op, int[] out) {
        int[] buckets = op == Op.READ ? read : readWrite;
        int first = hasher.getBucket(key, buckets.length);
        for (int i = 0; i < n; i++) {
            out[i] = buckets[(first + i) % buckets.length];
        }
    }

    @Override
    public HashingAlgorithm algorithm() {
        return HashingAlgorithm.JUMP;
    }
}
