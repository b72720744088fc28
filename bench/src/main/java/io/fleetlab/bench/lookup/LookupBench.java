package io.fleetlab.bench.lookup;

import io.fleetlab.bench.fixtures.Fleets;
import io.fleetlab.bench.fixtures.Targets;
import io.fleetlab.core.hash.KeyHasher;
import io.fleetlab.core.ring.HashingAlgorithm;
import io.fleetlab.core.ring.KeyAwareSharder;
import io.fleetlab.core.ring.Op;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.ring.Sharder;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Finding a target's owners as a scrape component does on every discovery update: hash the
 * target's URL with a reusable {@link KeyHasher}, then ask the sharder for the primary owner
 * ({@code owner}, k = 1) or the three owners a replicated component needs ({@code lookup3});
 * {@code ownerPrehashed} leaves the hashing out, {@code ownerPrehashedChained} also lets no lookup
 * overlap the one before.
 * The fleet is a StatefulSet of {@code nodes} participants; keys cycle through 4096 targets.
 * Compare with {@link GuavaJumpBench} at the same {@code nodes}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.lang=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class LookupBench {
    static final int TARGETS = 4096;
    private static final int MASK = TARGETS - 1;

    /** No values given: JMH runs every constant of the registry, so the list is never repeated here. */
    @Param
    HashingAlgorithm algorithm;

    @Param({"10", "100", "1000"})
    int nodes;

    @Param("512")
    int tokensPerNode;

    /** As in {@code KeyHashingBench}: the URLs laid out {@code together} as a collection leaves them, or {@code scattered}. */
    @Param({"together", "scattered"})
    String layout;

    private final KeyHasher hasher = new KeyHasher();
    private String[] urls;
    private long[] keys;
    private Sharder sharder;
    private int next;
    private int chain;

    @Setup
    public void build() {
        urls = Targets.urls(TARGETS);
        if (layout.equals("together")) {
            urls = Targets.laidOutTogether(urls);
        }
        keys = Targets.urlKeys(TARGETS);
        sharder = algorithm.create(tokensPerNode);
        sharder.setPeers(Fleets.statefulSet(nodes));
        if (sharder instanceof KeyAwareSharder aware) {
            aware.setKeys(keys);
        }
    }

    @Benchmark
    public void owner(Blackhole bh) {
        bh.consume(sharder.owner(hasher.string(urls[next++ & MASK]), Op.READ_WRITE));
    }

    /** {@code owner} without hashing the URL: what the sharder's structure costs alone. */
    @Benchmark
    public void ownerPrehashed(Blackhole bh) {
        bh.consume(sharder.owner(keys[next++ & MASK], Op.READ_WRITE));
    }

    /**
     * {@code ownerPrehashed} where each key is picked by the previous answer, so one lookup cannot
     * start before the last has ended: the latency of a lookup, which is what {@code owner} pays
     * after hashing (in {@code ownerPrehashed} the cache misses of successive lookups overlap).
     */
    @Benchmark
    public Peer ownerPrehashedChained() {
        Peer owner = sharder.owner(keys[(next++ + chain) & MASK], Op.READ_WRITE);
        chain = owner.name().length() & 1;
        return owner;
    }

    @Benchmark
    public void lookup3(Blackhole bh) {
        bh.consume(sharder.lookup(hasher.string(urls[next++ & MASK]), 3, Op.READ_WRITE));
    }
}
