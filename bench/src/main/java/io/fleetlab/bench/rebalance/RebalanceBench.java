package io.fleetlab.bench.rebalance;

import io.fleetlab.bench.fixtures.Fleets;
import io.fleetlab.bench.fixtures.Targets;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.rebalance.ClusteringOptions;
import io.fleetlab.core.rebalance.OwnershipChange;
import io.fleetlab.core.rebalance.Rebalancer;
import io.fleetlab.core.ring.AlloyRing;
import io.fleetlab.core.ring.HashingAlgorithm;
import io.fleetlab.core.ring.Op;
import io.fleetlab.core.ring.Sharder;
import java.util.Collection;
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
 * What one node ({@code alloy-0}) does with {@code targets} discovered targets when a peer joins
 * a fleet of {@code nodes}: {@code joinIncremental} is {@link Rebalancer#setPeers} on Alloy's ring,
 * which visits only the arcs that changed hands to or from this node; {@code joinFullRecompute}
 * is the same call on the same ring seen through a plain {@link Sharder}, which makes the
 * rebalancer look up every target again. {@code recomputeAll} is
 * {@link Rebalancer#recomputeAll()} on an unchanged view: the lookups alone. Both join
 * benchmarks include rebuilding the ring.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RebalanceBench {

    /** The targets and the fleet before and after the join. */
    @State(Scope.Benchmark)
    public static class Fleet {
        @Param({"100", "1000"})
        int nodes;

        @Param("1000000")
        int targets;

        long[] keys;
        List<Peer> before;
        List<Peer> after;

        @Setup
        public void generate() {
            keys = Targets.urlKeys(targets);
            before = Fleets.statefulSet(nodes);
            after = Fleets.withOneJoined(before);
        }
    }

    /** A rebalancer on Alloy's ring, so peer changes take the arc-diff path. */
    @State(Scope.Thread)
    public static class Incremental {
        Rebalancer rebalancer;

        @Setup(Level.Trial)
        public void build(Fleet fleet) {
            rebalancer = rebalancerOn(new AlloyRing(), fleet);
        }

        @Setup(Level.Invocation)
        public void undoJoin(Fleet fleet) {
            rebalancer.setPeers(fleet.before);
        }
    }

    /** A rebalancer on the same ring hidden behind {@link Sharder}, so every change recomputes all. */
    @State(Scope.Thread)
    public static class Full {
        Rebalancer rebalancer;

        @Setup(Level.Trial)
        public void build(Fleet fleet) {
            rebalancer = rebalancerOn(new OpaqueSharder(new AlloyRing()), fleet);
        }

        @Setup(Level.Invocation)
        public void undoJoin(Fleet fleet) {
            rebalancer.setPeers(fleet.before);
        }
    }

    static Rebalancer rebalancerOn(Sharder sharder, Fleet fleet) {
        Rebalancer rebalancer = new Rebalancer("alloy-0", sharder, ClusteringOptions.alloyDefaults());
        rebalancer.setPeers(fleet.before);
        rebalancer.setTargets(fleet.keys);
        return rebalancer;
    }

    @Benchmark
    public OwnershipChange joinIncremental(Fleet fleet, Incremental state) {
        return state.rebalancer.setPeers(fleet.after);
    }

    @Benchmark
    public OwnershipChange joinFullRecompute(Fleet fleet, Full state) {
        return state.rebalancer.setPeers(fleet.after);
    }

    @Benchmark
    public OwnershipChange recomputeAll(Incremental state) {
        return state.rebalancer.recomputeAll();
    }

    /** Forwards to a sharder without exposing its type, so the rebalancer cannot take a shortcut. */
    record OpaqueSharder(Sharder inner) implements Sharder {
        @Override
        public void setPeers(Collection<Peer> peers) {
            inner.setPeers(peers);
        }

        @Override
        public List<Peer> lookup(long key, int n, Op op) {
            return inner.lookup(key, n, op);
        }

        @Override
        public Peer owner(long key, Op op) {
            return inner.owner(key, op);
        }

        @Override
        public HashingAlgorithm algorithm() {
            return inner.algorithm();
        }
    }
}
