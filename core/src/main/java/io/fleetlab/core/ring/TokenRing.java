package io.fleetlab.core.ring;

import io.fleetlab.core.hash.Tokens;
import io.fleetlab.core.hash.Utf8Order;
import java.util.Arrays;

/**
 * One immutable ring: every token of every node, sorted as unsigned 64-bit values, ties to the
 * lower node name. A lookup reads one bucket of a small prefix table (about eight tokens) and
 * walks clockwise, and allocates nothing.
 */
final class TokenRing {
    /** Buckets of the prefix table: about one per {@link #TOKENS_PER_BUCKET} tokens, at most 2^20. */
    private static final int MAX_PREFIX_BITS = 20;
    /**
     * Tokens per bucket, about: eight keep the bucket table an eighth of the token count (32 KB at
     * N = 100, so it stays in cache and a lookup waits for one miss, the entries, not two), and a
     * bucket's entries within a cache line or two.
     */
    private static final int TOKENS_PER_BUCKET = 8;
    /** Above this many tokens in a bucket (rare; common only in rings of over 8M tokens) the scan starts with a binary search. */
    private static final int SCAN = 16;

    private final String[] names;
    private final long[] tokens;
    private final int tokensPerNode;
    /**
     * The lookup index: the tokens whose top {@code bits} bits equal {@code p} are
     * {@code tokens[bucketStart[p] .. bucketStart[p + 1])}, and {@code entries[i]} is token
     * {@code i} without those bits, shifted up, with its owner's index in the freed low bits:
     * {@code tokens[i] << bits | owner}. Within one bucket the prefix is the same, so comparing
     * {@code entries[i]} with {@code key << bits} orders the token and the key exactly (the owner
     * bits only matter on equality, where the token is at or after the key either way), and one
     * read gives both the comparison and the owner. {@code entries[tokens.length]} repeats entry 0,
     * so a key past the last token wraps without a branch.
     */
    private final int[] bucketStart;
    private final long[] entries;
    private final int bits;
    private final int shift;
    private final long ownerMask;

    private TokenRing(String[] names, long[] tokens, int[] owners, int tokensPerNode) {
        this(names, tokens, owners, tokensPerNode, MAX_PREFIX_BITS);
    }

    private TokenRing(String[] names, long[] tokens, int[] owners, int tokensPerNode, int maxPrefixBits) {
        this.names = names;
        this.tokens = tokens;
        this.tokensPerNode = tokensPerNode;
        this.bits = prefixBits(tokens.length, names.length, maxPrefixBits);
        this.shift = 64 - bits;
        this.ownerMask = (1L << bits) - 1;
        int buckets = 1 << bits;
        // Count the tokens of each prefix, then sum: no data-dependent branch, since a ring is
        // rebuilt on every view change and has about as many buckets as tokens.
        this.bucketStart = new int[buckets + 1];
        for (long token : tokens) {
            bucketStart[(int) (token >>> shift) + 1]++;
        }
        for (int p = 0; p < buckets; p++) {
            bucketStart[p + 1] += bucketStart[p];
        }
        this.entries = new long[tokens.length + 1];
        for (int i = 0; i < tokens.length; i++) {
            entries[i] = tokens[i] << bits | owners[i];
        }
        if (tokens.length > 0) {
            entries[tokens.length] = entries[0];
        }
    }

    /**
     * Enough prefix bits for about {@link #TOKENS_PER_BUCKET} tokens per bucket (between 2^4 and
     * 2^20 buckets) and for every owner index to fit in the bits the prefix frees.
     */
    static int prefixBits(int tokenCount, int nodeCount, int maxPrefixBits) {
        int bits = Math.min(4, maxPrefixBits);
        while (bits < maxPrefixBits && (long) TOKENS_PER_BUCKET << bits < tokenCount) {
            bits++;
        }
        while ((1L << bits) < nodeCount) {
            bits++;
        }
        return bits;
    }

    /**
     * The same ring indexed with at most {@code maxPrefixBits} prefix bits: for tests, so that
     * crowded buckets (rings of millions of tokens) can be checked on small rings.
     */
    TokenRing withPrefixLimit(int maxPrefixBits) {
        int[] owners = new int[tokens.length];
        for (int i = 0; i < owners.length; i++) {
            owners[i] = ownerAt(i);
        }
        return new TokenRing(names, tokens, owners, tokensPerNode, maxPrefixBits);
    }

    /** Prefix bits of the lookup index (for tests). */
    int prefixBits() {
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
        for (int t = 0; t < tokens.length; t++) {
            if (remap[ownerAt(t)] >= 0) {
                kept++;
            }
        }
        int total = kept + joined.tokens.length;
        long[] mergedTokens = new long[total];
        int[] mergedOwners = new int[total];
        int i = 0;
        int j = 0;
        for (int out = 0; out < total; out++) {
            while (i < tokens.length && remap[ownerAt(i)] < 0) {
                i++;
            }
            boolean takeOld;
            if (i >= tokens.length) {
                takeOld = false;
            } else if (j >= joined.tokens.length) {
                takeOld = true;
            } else {
                int c = Long.compareUnsigned(tokens[i], joined.tokens[j]);
                takeOld = c < 0 || (c == 0 && remap[ownerAt(i)] < addedIndex[joined.ownerAt(j)]);
            }
            if (takeOld) {
                mergedTokens[out] = tokens[i];
                mergedOwners[out] = remap[ownerAt(i++)];
            } else {
                mergedTokens[out] = joined.tokens[j];
                mergedOwners[out] = addedIndex[joined.ownerAt(j++)];
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
        return (int) (entries[index] & ownerMask);
    }

    /** Index of the first token at or after {@code key}, wrapping to 0 past the last token. */
    int successor(long key) {
        int index = firstAtOrAfter(key);
        return index == tokens.length ? 0 : index;
    }

    /** The primary owner's node index; the ring must not be empty. */
    int primary(long key) {
        // entries[tokens.length] is entry 0: the wrap needs no branch
        return (int) (entries[firstAtOrAfter(key)] & ownerMask);
    }

    /**
     * The first index at or after {@code key} in the key's bucket, or the bucket's end when every
     * token of the bucket is below the key: then the next bucket's first token (or, past the
     * last, tokens.length) is the successor, since its prefix is larger.
     */
    private int firstAtOrAfter(long key) {
        int p = (int) (key >>> shift);
        int lo = bucketStart[p];
        int end = bucketStart[p + 1];
        long low = key << bits;
        int hi = end;
        while (hi - lo > SCAN) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(entries[mid], low) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        while (lo < hi && Long.compareUnsigned(entries[lo], low) < 0) {
            lo++;
        }
        return lo;
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
            int owner = ownerAt(index);
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
