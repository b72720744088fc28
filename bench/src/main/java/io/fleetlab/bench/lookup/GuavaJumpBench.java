package io.fleetlab.bench.lookup;

import com.google.common.hash.Hashing;
import io.fleetlab.bench.fixtures.Fleets;
import io.fleetlab.bench.fixtures.Targets;
import io.fleetlab.core.hash.KeyHasher;
import io.fleetlab.core.peer.Peer;
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
 * The baseline for {@link LookupBench}: the same URLs hashed by the same {@link KeyHasher}, then
 * Guava's jump consistent hash picks a bucket that indexes the StatefulSet's peers. It is about
 * the least work any key-to-peer mapping can do, so the ratio shows what each algorithm's
 * structure costs on top.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GuavaJumpBench {
    private static final int MASK = LookupBench.TARGETS - 1;

    @Param({"10", "100", "1000"})
    int nodes;

    private final KeyHasher hasher = new KeyHasher();
    private String[] urls;
    private Peer[] peers;
    private int next;

    @Setup
    public void build() {
        urls = Targets.urls(LookupBench.TARGETS);
        peers = Fleets.statefulSet(nodes).toArray(Peer[]::new);
    }

    @Benchmark
    public void owner(Blackhole bh) {
        bh.consume(peers[Hashing.consistentHash(hasher.string(urls[next++ & MASK]), nodes)]);
    }
}
