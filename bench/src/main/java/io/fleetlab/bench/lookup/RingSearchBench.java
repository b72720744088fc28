package io.fleetlab.bench.lookup;

import io.fleetlab.bench.fixtures.Fleets;
import io.fleetlab.bench.fixtures.Targets;
import io.fleetlab.core.ring.AlloyRing;
import io.fleetlab.core.ring.Op;
import io.fleetlab.core.ring.RingSnapshot;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Four ways to find a key's owner on the same Alloy ring (copied out of a {@link RingSnapshot}
 * into plain arrays, so only the search differs): a binary search of the whole ring (the first
 * implementation), a binary search or a linear scan of the key's bucket in a prefix table of
 * about eight tokens a bucket (the earlier {@code TokenRing}), and a scan of a packed index with
 * about one token a bucket, whose entries hold the token's low bits and the owner in one long (what
 * {@code TokenRing} does now: one array read gives the comparison and the owner). Each returns
 * the owner's index; {@code RingSearchTest} holds all four to the snapshot's answer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class RingSearchBench {
    private static final int TARGETS = 4096;
    private static final int MASK = TARGETS - 1;

    @Param({"100"})
    int nodes;

    long[] tokens;
    int[] owners;
    int[] bucketStart;
    int shift;
    long[] entries;
    int[] packedStart;
    int packedBits;
    long ownerMask;
    private long[] keys;
    private int next;

    @Setup
    public void build() {
        AlloyRing ring = new AlloyRing();
        ring.setPeers(Fleets.statefulSet(nodes));
        RingSnapshot snap = ring.snapshot(Op.READ_WRITE);
        int n = snap.size();
        tokens = new long[n];
        owners = new int[n];
        for (int i = 0; i < n; i++) {
            tokens[i] = snap.token(i);
            owners[i] = snap.holderIndex(i);
        }
        int bits = 4;
        while (bits < 20 && (1 << bits) * 8 < n) {
            bits++;
        }
        shift = 64 - bits;
        bucketStart = new int[(1 << bits) + 1];
        int t = 0;
        for (int p = 0; p < (1 << bits); p++) {
            bucketStart[p] = t;
            while (t < n && (int) (tokens[t] >>> shift) == p) {
                t++;
            }
        }
        bucketStart[1 << bits] = n;
        buildPacked(n);
        keys = Targets.urlKeys(TARGETS);
    }

    /** About one token a bucket; owner indices (nodes < 2^bits) fit in the bits the prefix frees. */
    private void buildPacked(int n) {
        int bits = 4;
        while ((1 << bits) < n) {
            bits++;
        }
        packedBits = bits;
        ownerMask = (1L << bits) - 1;
        packedStart = new int[(1 << bits) + 1];
        int t = 0;
        for (int p = 0; p < (1 << bits); p++) {
            packedStart[p] = t;
            while (t < n && (int) (tokens[t] >>> (64 - bits)) == p) {
                t++;
            }
        }
        packedStart[1 << bits] = n;
        entries = new long[n + 1];
        for (int i = 0; i < n; i++) {
            entries[i] = tokens[i] << bits | owners[i];
        }
        entries[n] = entries[0];
    }

    @Benchmark
    public int wholeRingBinarySearch() {
        return owners[wholeRingBinary(keys[next++ & MASK])];
    }

    @Benchmark
    public int bucketBinarySearch() {
        return owners[bucketBinary(keys[next++ & MASK])];
    }

    @Benchmark
    public int bucketLinearScan() {
        return owners[bucketLinear(keys[next++ & MASK])];
    }

    @Benchmark
    public int packedIndexScan() {
        return packedOwner(keys[next++ & MASK]);
    }

    /** The owner's index from the packed index: the scan compares and reads the owner in one. */
    int packedOwner(long key) {
        int p = (int) (key >>> (64 - packedBits));
        int i = packedStart[p];
        int end = packedStart[p + 1];
        long low = key << packedBits;
        while (i < end && Long.compareUnsigned(entries[i], low) < 0) {
            i++;
        }
        return (int) (entries[i] & ownerMask);
    }

    int wholeRingBinary(long key) {
        return wrap(firstAtOrAfter(key, 0, tokens.length));
    }

    int bucketBinary(long key) {
        int p = (int) (key >>> shift);
        return wrap(firstAtOrAfter(key, bucketStart[p], bucketStart[p + 1]));
    }

    /** The first index in {@code [lo, hi)} whose token is at or after {@code key}, or {@code hi}. */
    private int firstAtOrAfter(long key, int lo, int hi) {
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(tokens[mid], key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Past the last token the ring wraps to the first. */
    private int wrap(int index) {
        return index == tokens.length ? 0 : index;
    }

    int bucketLinear(long key) {
        int p = (int) (key >>> shift);
        int lo = bucketStart[p];
        int end = bucketStart[p + 1];
        while (lo < end && Long.compareUnsigned(tokens[lo], key) < 0) {
            lo++;
        }
        return wrap(lo);
    }
}
