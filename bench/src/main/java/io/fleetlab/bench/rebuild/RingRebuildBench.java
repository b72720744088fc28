package io.fleetlab.bench.rebuild;

import io.fleetlab.bench.fixtures.Fleets;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.ring.AlloyRing;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rebuilding Alloy's ring when one node joins a fleet of {@code nodes}: {@code joinOnExisting}
 * hands the new peer set to the ring that held the old one (only the joiner's tokens are hashed
 * and merged in); {@code buildFromScratch} hashes and sorts every token, as a freshly started
 * node does. Each call takes milliseconds, so per-call setup does not distort the figures.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RingRebuildBench {

    /** The fleet before and after the join. */
    @State(Scope.Benchmark)
    public static class Fleet {
        @Param({"100", "1000", "10000"})
        int nodes;

        @Param("512")
        int tokensPerNode;

        List<Peer> before;
        List<Peer> after;

        @Setup
        public void generate() {
            before = Fleets.statefulSet(nodes);
            after = Fleets.withOneJoined(before);
        }
    }

    /** A ring that holds the fleet before the join again at the start of every call. */
    @State(Scope.Thread)
    public static class ExistingRing {
        AlloyRing ring;

        @Setup(Level.Trial)
        public void build(Fleet fleet) {
            ring = new AlloyRing(fleet.tokensPerNode);
            ring.setPeers(fleet.before);
        }

        @Setup(Level.Invocation)
        public void undoJoin(Fleet fleet) {
            ring.setPeers(fleet.before);
        }
    }

    @Benchmark
    public AlloyRing joinOnExisting(Fleet fleet, ExistingRing existing) {
        existing.ring.setPeers(fleet.after);
        return existing.ring;
    }

    @Benchmark
    public AlloyRing buildFromScratch(Fleet fleet) {
        AlloyRing ring = new AlloyRing(fleet.tokensPerNode);
        ring.setPeers(fleet.after);
        return ring;
    }
}
