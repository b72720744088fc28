package io.fleetlab.core.ring;

/**
 * Stable LSD radix sort of unsigned 64-bit keys carrying an int payload. Rings hold millions of
 * tokens at 10,000 nodes; sorting primitives avoids boxing, and stability keeps the payload's
 * input order for equal keys, which is how ties on a token go to the lower node name.
 */
public final class UnsignedRadixSort {
    private static final int BITS = 8;
    private static final int BUCKETS = 1 << BITS;

    private UnsignedRadixSort() {}

    /** Sorts {@code keys[0, n)} as unsigned values, moving {@code payload[i]} with {@code keys[i]}. */
    public static void sort(long[] keys, int[] payload, int n) {
        long[] keyScratch = new long[n];
        int[] payloadScratch = new int[n];
        int[] counts = new int[BUCKETS];
        long[] srcKeys = keys;
        int[] srcPayload = payload;
        long[] dstKeys = keyScratch;
        int[] dstPayload = payloadScratch;
        for (int shift = 0; shift < Long.SIZE; shift += BITS) {
            java.util.Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                counts[(int) (srcKeys[i] >>> shift) & (BUCKETS - 1)]++;
            }
            if (singleBucket(counts, n)) {
                continue; // every key shares this digit: the pass would be the identity
            }
            int sum = 0;
            for (int b = 0; b < BUCKETS; b++) {
                int c = counts[b];
                counts[b] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int slot = counts[(int) (srcKeys[i] >>> shift) & (BUCKETS - 1)]++;
                dstKeys[slot] = srcKeys[i];
                dstPayload[slot] = srcPayload[i];
            }
            long[] tk = srcKeys;
            srcKeys = dstKeys;
            dstKeys = tk;
            int[] tp = srcPayload;
            srcPayload = dstPayload;
            dstPayload = tp;
        }
        if (srcKeys != keys) {
            System.arraycopy(srcKeys, 0, keys, 0, n);
            System.arraycopy(srcPayload, 0, payload, 0, n);
        }
    }

    private static boolean singleBucket(int[] counts, int n) {
        for (int c : counts) {
            if (c == n) {
                return true;
            }
            if (c != 0) {
                return false;
            }
        }
        return n == 0;
    }
}
