package io.fleetlab.core.ring;

import io.fleetlab.core.hash.Xxh64;
import java.nio.charset.StandardCharsets;

/** Small hashing helpers shared by the comparison algorithms. */
final class Mix {
    private Mix() {}

    /** A bijective 64-bit finalizer (MurmurHash3's fmix64): full avalanche, no allocation. */
    static long mix64(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return x;
    }

    /** XXH64 of a node name, the point a node is known by in the name-hashing algorithms. */
    static long nameHash(String name) {
        return Xxh64.hash(name.getBytes(StandardCharsets.UTF_8));
    }

    static long[] nameHashes(String[] names) {
        long[] hashes = new long[names.length];
        for (int i = 0; i < names.length; i++) {
            hashes[i] = nameHash(names[i]);
        }
        return hashes;
    }
}
