package io.fleetlab.core.ring;

import io.fleetlab.core.hash.Tokens;
import io.fleetlab.core.hash.Utf8Order;
import java.util.Arrays;

/**
 * One immutable ring: every token of every node, sorted as unsigned 64-bit values, ties to the
 * lower node name. Lookups are a binary search and a clockwise walk, and allocate nothing.
 */
final class TokenRing {
    private final String[] names;
    private final long[] tokens;
    private final int[] owners;
    private final int tokensPerNode;
    /**
     * Where the tokens of each key prefix start: the tokens whose top {@code 64 - shift} bits equal
     * {@code p} are {@code tokens[bucketStart[p] .. bucketStart[p + 1])}. A lookup searches one
     * bucket of about eight tokens (a cache line or two) instead of the whole array.
     */
    private final int[] bucketStart;
    private final int shift;

    private TokenRing(String[] names, long[] tokens, int[] owners, int tokensPerNode) {
        this.names = names;
        this.tokens = tokens;
        this.owners = owners;
        this.tokensPerNode = tokensPerNode;
        int bits = prefixBits(tokens.length);
        this.shift = 64 - bits;
        this.bucketStart = new int[(1 << bits) + 1];
        int t = 0;
        for (int p = 0; p < (1 << bits); p++) {
            bucketStart[p] = t;
            while (t < tokens.length && (int) (tokens[t] >>> shift) == p) {
                t++;
            }
        }
        bucketStart[1 << bits] = tokens.length;
    }

    /** About eight tokens per bucket, between 2^4 and 2^20 buckets. */
    private static int prefixBits(int tokenCount) {
        int bits = 4;
        while (bits < 20 && (1 << bits) * 8 < tokenCount) {
            bits++;
        }
        return bits;
    }

    static TokenRing empty(int tokensPerNode) {
        return new TokenRing(new String[0], new long[0], new int[0], tokensPerNode);
    }

    /** A ring of {@code sortedNames} (in {@link Utf8Order}, distinct). */
    static TokenRing of(String[] sortedNames, int tokensPerNode) {
        int n = sortedNames.length * tokensPerNode;
        long[] tokens = new long[n];
        int[] owners = new int[n];
        fill(sortedNames, tokensPerNode, tokens, owners);
        UnsignedRadixSort.sort(tokens, owners, n);
        return new TokenRing(sortedNames.clone(), tokens, owners, tokensPerNode);
    }

    private static void fill(String[] names, int tokensPerNode, long[] tokens, int[] owners) {
        int at = 0;
        for (int node = 0; node < names.length; node++) {
            long[] own = Tokens.of(names[node], tokensPerNode);
            System.arraycopy(own, 0, tokens, at, tokensPerNode);
            Arrays.fill(owners, at, at + tokensPerNode, node);
            at += tokensPerNode;
        }
    }

    /**
     * The ring for another node set, reusing this ring's sorted tokens: only the nodes that joined
     * are hashed and sorted, then merged in one pass. A join or leave costs O(tokens), not a sort.
     */
    TokenRing withNodes(String[] sortedNames) {
        if (Arrays.equals(sortedNames, names)) {
            return this;
        }
        int[] remap = new int[names.length];
        String[] added = diff(sortedNames, remap);
        if (added.length == sortedNames.length) {
            return of(sortedNames, tokensPerNode);
        }
        TokenRing joined = of(added, tokensPerNode);
        int[] addedIndex = new int[added.length];
        for (int i = 0, j = 0; i < sortedNames.length && j < added.length; i++) {
            if (sortedNames[i].equals(added[j])) {
                addedIndex[j++] = i;
            }
        }
        int kept = 0;
        for (int owner : owners) {
            if (remap[owner] >= 0) {
                kept++;
            }
        }
        int total = kept + joined.tokens.length;
        long[] mergedTokens = new long[total];
        int[] mergedOwners = new int[total];
        int i = 0;
        int j = 0;
        for (int out = 0; out < total; out++) {
            while (i < tokens.length && remap[owners[i]] < 0) {
                i++;
            }
            boolean takeOld;
            if (i >= tokens.length) {
                takeOld = false;
            } else if (j >= joined.tokens.length) {
                takeOld = true;
            } else {
                int c = Long.compareUnsigned(tokens[i], joined.tokens[j]);
                takeOld = c < 0 || (c == 0 && remap[owners[i]] < addedIndex[joined.owners[j]]);
            }
            if (takeOld) {
                mergedTokens[out] = tokens[i];
                mergedOwners[out] = remap[owners[i++]];
            } else {
                mergedTokens[out] = joined.tokens[j];
                mergedOwners[out] = addedIndex[joined.owners[j++]];
            }
        }
        return new TokenRing(sortedNames.clone(), mergedTokens, mergedOwners, tokensPerNode);
    }

    /** Fills {@code remap} (old index to new index, -1 if gone) and returns the names that are new. */
    private String[] diff(String[] sortedNames, int[] remap) {
        Arrays.fill(remap, -1);
        String[] added = new String[sortedNames.length];
        int addedCount = 0;
        int i = 0;
        for (int k = 0; k < sortedNames.length; k++) {
            while (i < names.length && Utf8Order.compare(names[i], sortedNames[k]) < 0) {
                i++;
            }
            if (i < names.length && names[i].equals(sortedNames[k])) {
                remap[i++] = k;
            } else {
                added[addedCount++] = sortedNames[k];
            }
        }
        return Arrays.copyOf(added, addedCount);
    }

    int nodeCount() {
        return names.length;
    }

    int tokenCount() {
        return tokens.length;
    }

    String name(int node) {
        return names[node];
    }

    long token(int index) {
        return tokens[index];
    }

    int ownerAt(int index) {
        return owners[index];
    }

    /** Index of the first token at or after {@code key}, wrapping to 0 past the last token. */
    int successor(long key) {
        int p = (int) (key >>> shift);
        int lo = bucketStart[p];
        int end = bucketStart[p + 1];
        int hi = end;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(tokens[mid], key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        // lo == end: every token of this prefix is below the key; the next bucket's first token
        // (if any) is the successor, since its prefix is larger.
        return lo == tokens.length ? 0 : lo;
    }

    /** The primary owner's node index; the ring must not be empty. */
    int primary(long key) {
        return owners[successor(key)];
    }

    /**
     * Walks clockwise from {@code key} and writes the first {@code n} distinct node indices into
     * {@code out}. {@code seen} has one slot per node and is left as it was found; the caller
     * guarantees {@code n <= nodeCount()}.
     */
    void walk(long key, int n, int[] out, boolean[] seen) {
        int found = 0;
        int index = successor(key);
        while (found < n) {
            int owner = owners[index];
            if (!seen[owner]) {
                seen[owner] = true;
                out[found++] = owner;
            }
            index = index + 1 == tokens.length ? 0 : index + 1;
        }
        for (int k = 0; k < found; k++) {
            seen[out[k]] = false;
        }
    }
}
