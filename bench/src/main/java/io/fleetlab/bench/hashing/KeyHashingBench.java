package io.fleetlab.bench.hashing;

import io.fleetlab.bench.fixtures.Targets;
import io.fleetlab.core.hash.KeyHasher;
import io.fleetlab.core.hash.TargetKeys;
import io.fleetlab.core.hash.Xxh64;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
 * Hashing a target to its ring key: scrape URLs as string keys, and Kubernetes label sets as
 * Prometheus label keys, through the reusable {@link KeyHasher} (the hot path) and the allocating
 * {@link TargetKeys} convenience methods. Each call hashes the next of 4096 pre-generated targets.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.lang=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class KeyHashingBench {
    static final int TARGETS = 4096;
    private static final int MASK = TARGETS - 1;

    /** URL-shaped string keys. */
    @State(Scope.Thread)
    public static class Strings {
        /**
         * {@code together}: the URLs copied one after another as a collection would leave them
         * (the layout a long-running process has); {@code scattered}: as generated, among the
         * garbage of building them. {@code stringXxh64Only}'s byte arrays are laid out together.
         */
        @Param({"together", "scattered"})
        String layout;

        final KeyHasher hasher = new KeyHasher();
        final KeyHasher copying = KeyHasher.copyingChars();
        final LowBytesKeyHasher lowBytes = new LowBytesKeyHasher();
        final EarlierAsciiChecks earlier = new EarlierAsciiChecks();
        final CharwiseXxh64 charwise = new CharwiseXxh64();
        String[] urls;
        byte[][] encoded;
        StringBuilder[] builders;
        int next;

        @Setup
        public void generate() {
            urls = Targets.urls(TARGETS);
            if (layout.equals("together")) {
                urls = Targets.laidOutTogether(urls);
            }
            if (!hasher.hashesInPlace()) {
                throw new IllegalStateException("run with --add-opens java.base/java.lang=ALL-UNNAMED");
            }
            builders = new StringBuilder[TARGETS];
            encoded = new byte[TARGETS][];
            for (int i = 0; i < TARGETS; i++) {
                builders[i] = new StringBuilder(urls[i]);
                encoded[i] = urls[i].getBytes(StandardCharsets.UTF_8);
            }
        }

        String nextUrl() {
            return urls[next++ & MASK];
        }

        CharSequence nextBuilder() {
            return builders[next++ & MASK];
        }
    }

    /** Discovered label sets: {@code labels} identity labels plus six {@code __meta_} labels. */
    @State(Scope.Thread)
    public static class LabelSets {
        @Param({"5", "10"})
        int labels;

        final KeyHasher hasher = new KeyHasher();
        Map<String, String>[] sets;
        int next;

        @Setup
        public void generate() {
            sets = Targets.labelSets(TARGETS, labels);
        }

        Map<String, String> nextSet() {
            return sets[next++ & MASK];
        }
    }

    @Benchmark
    public long stringKeyHasher(Strings s) {
        return s.hasher.string(s.nextUrl());
    }

    /** {@code KeyHasher.string} as it runs where the JDK's string bytes cannot be read: it copies the chars first. */
    @Benchmark
    public long stringKeyHasherCopying(Strings s) {
        return s.copying.string(s.nextUrl());
    }

    /** XXH64 of the same URLs already encoded: the floor under any way of getting a string's bytes. */
    @Benchmark
    public long stringXxh64Only(Strings s) {
        return Xxh64.hash(s.encoded[s.next++ & MASK]);
    }

    /**
     * {@code stringKeyHasher} with the ASCII check it had before: the bytes past the last whole
     * word checked one at a time ({@link EarlierAsciiChecks#bytewiseTail}).
     */
    @Benchmark
    public long stringBytewiseTail(Strings s) {
        return s.earlier.bytewiseTail(s.nextUrl());
    }

    /**
     * {@code stringKeyHasher} with the ASCII check it had from ce2b5e0: the last word read
     * overlapping, then a loop of words ({@link EarlierAsciiChecks#wordLoop}).
     */
    @Benchmark
    public long stringWordLoop(Strings s) {
        return s.earlier.wordLoop(s.nextUrl());
    }

    /** A copy by {@code String.getBytes(int, int, byte[], int)}: not exact, see {@link LowBytesKeyHasher}. */
    @Benchmark
    public long stringLowBytesUnchecked(Strings s) {
        return s.lowBytes.string(s.nextUrl());
    }

    /** XXH64 straight from the chars with no copy at all ({@link CharwiseXxh64}): what reading the chars one at a time costs. */
    @Benchmark
    public long stringCharwiseNoCopy(Strings s) {
        return s.charwise.hash(s.nextUrl());
    }

    /**
     * The JDK's encoder ({@code String.getBytes(UTF_8)}: bulk intrinsics for a Latin-1 string) then
     * XXH64: not for the hot path, since it allocates an array per call, and it writes '?' for an
     * unpaired surrogate where Go writes U+FFFD.
     */
    @Benchmark
    public long stringJdkGetBytesAllocating(Strings s) {
        return Xxh64.hash(s.nextUrl().getBytes(StandardCharsets.UTF_8));
    }

    /** The same URLs as {@code StringBuilder}s: the full UTF-8 encoder, the path before the ASCII fast path. */
    @Benchmark
    public long stringKeyHasherFullEncoder(Strings s) {
        return s.hasher.string(s.nextBuilder());
    }

    @Benchmark
    public long stringTargetKeys(Strings s) {
        return TargetKeys.ofString(s.nextUrl());
    }

    @Benchmark
    public long labelsKeyHasher(LabelSets s) {
        return s.hasher.labels(s.nextSet());
    }

    @Benchmark
    public long labelsTargetKeys(LabelSets s) {
        return TargetKeys.ofLabels(s.nextSet());
    }

    @Benchmark
    public long operatorLabelsTargetKeys(LabelSets s) {
        return TargetKeys.ofOperatorLabels(s.nextSet());
    }
}
