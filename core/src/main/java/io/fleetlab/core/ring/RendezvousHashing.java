package io.fleetlab.core.ring;

/**
 * Rendezvous (highest random weight) hashing, as in ckit's {@code shard.Rendezvous}: every node
 * scores every key and the highest scores own it. Near-perfect balance and minimal movement, at
 * O(nodes) per lookup.
 */
public final class RendezvousHashing extends AbstractSharder {
    private long[] read = new long[0];
    private long[] readWrite = read;

    @Override
    void rebuild(Op op, String[] sortedNames) {
        long[] seeds = Mix.nameHashes(sortedNames);
        if (op == Op.READ) {
            read = seeds;
        } else {
            readWrite = seeds;
        }
    }

    @Override
    void shareReadStructure() {
        readWrite = read;
    }

    private static long weight(long key, long seed) {
        return Mix.mix64(key ^ seed);
    }

    @Override
    int primary(long key, Op op) {
        long[] seeds = op == Op.READ ? read : readWrite;
        int best = 0;
        long bestWeight = weight(key, seeds[0]);
        for (int i = 1; i < seeds.length; i++) {
            long w = weight(key, seeds[i]);
            if (Long.compareUnsigned(w, bestWeight) > 0) {
                best = i;
                bestWeight = w;
            }
        }
        return best;
    }

    @Override
    void owners(long key, int n, Op op, int[] out) {
        long[] seeds = op == Op.READ ? read : readWrite;
        long[] top = new long[n];
        int filled = 0;
        for (int i = 0; i < seeds.length; i++) {
            long w = weight(key, seeds[i]);
            if (filled == n && Long.compareUnsigned(w, top[n - 1]) <= 0) {
                continue;
            }
            int at = filled < n ? filled++ : n - 1;
            while (at > 0 && Long.compareUnsigned(top[at - 1], w) < 0) {
                top[at] = top[at - 1];
                out[at] = out[at - 1];
                at--;
            }
            top[at] = w;
            out[at] = i;
        }
    }

    @Override
    public HashingAlgorithm algorithm() {
        return HashingAlgorithm.RENDEZVOUS;
    }
}
