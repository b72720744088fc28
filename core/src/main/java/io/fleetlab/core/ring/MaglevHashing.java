package io.fleetlab.core.ring;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Maglev hashing (Eisenbud et al., NSDI 2016): nodes fill a prime-sized lookup table by taking
 * turns along their own permutation, so each owns an almost equal number of slots and a lookup is
 * one array read. Movement on a change is near-minimal but not minimal.
 */
public final class MaglevHashing extends AbstractSharder {
    /**
     * Table sizes: primes about 10x apart. The size must not follow N exactly, or every change of
     * N would reshuffle the whole table; it steps up only when a table would give a node fewer
     * than {@value #MIN_SLOTS_PER_NODE} slots.
     */
    private static final int[] TABLE_SIZES = {65_537, 655_373, 6_553_577};
    private static final int MIN_SLOTS_PER_NODE = 100;

    private int[] read = new int[0];
    private int[] readWrite = read;

    @Override
    void rebuild(Op op, String[] sortedNames) {
        int[] table = populate(sortedNames);
        if (op == Op.READ) {
            read = table;
        } else {
            readWrite = table;
        }
    }

    static int tableSize(int nodes) {
        for (int size : TABLE_SIZES) {
            if ((long) nodes * MIN_SLOTS_PER_NODE <= size) {
                return size;
            }
        }
        return BigInteger.valueOf((long) nodes * MIN_SLOTS_PER_NODE).nextProbablePrime().intValueExact();
    }

    private static int[] populate(String[] names) {
        if (names.length == 0) {
            return new int[0];
        }
        int m = tableSize(names.length);
        int[] table = new int[m];
        Arrays.fill(table, -1);
        long[] offset = new long[names.length];
        long[] skip = new long[names.length];
        long[] next = new long[names.length];
        for (int i = 0; i < names.length; i++) {
            long h = Mix.nameHash(names[i]);
            offset[i] = Long.remainderUnsigned(h, m);
            skip[i] = Long.remainderUnsigned(Mix.mix64(h), m - 1) + 1;
        }
        int filled = 0;
        while (true) {
            for (int i = 0; i < names.length; i++) {
                int slot;
                do {
                    slot = (int) ((offset[i] + next[i] * skip[i]) % m);
                    next[i]++;
                } while (table[slot] >= 0);
                table[slot] = i;
                if (++filled == m) {
                    return table;
                }
            }
        }
    }

    @Override
    void shareReadStructure() {
        readWrite = read;
    }

    @Override
    int primary(long key, Op op) {
        int[] table = op == Op.READ ? read : readWrite;
        return table[(int) Long.remainderUnsigned(key, table.length)];
    }

    @Override
    void owners(long key, int n, Op op, int[] out) {
        int[] table = op == Op.READ ? read : readWrite;
        int slot = (int) Long.remainderUnsigned(key, table.length);
        int found = 0;
        while (found < n) {
            int node = table[slot];
            boolean dup = false;
            for (int k = 0; k < found && !dup; k++) {
                dup = out[k] == node;
            }
            if (!dup) {
                out[found++] = node;
            }
            slot = slot + 1 == table.length ? 0 : slot + 1;
        }
    }

    @Override
    public HashingAlgorithm algorithm() {
        return HashingAlgorithm.MAGLEV;
    }
}
