package io.fleetlab.bench.rebalance;

import io.fleetlab.bench.fixtures.Targets;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.rebalance.ClusteringOptions;
import io.fleetlab.core.rebalance.OwnershipStrategy;
import io.fleetlab.core.rebalance.Rebalancer;
import io.fleetlab.core.rebalance.TargetSet;
import io.fleetlab.simulator.ownership.TokenIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
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
 * What one simulated node's component does when it is notified of a view in which one member
 * changed state (a participant terminating, or back), on the simulator's shared token index: 1,000
 * names registered with 512 tokens each, 100,000 targets, {@code admitted} of the names
 * participants (100: a cold start's early views, long regions; 1,000: a converged fleet).
 * {@code regionsUpdated} is the rebalancer on its node's ownership as it runs (each region walked,
 * only the arcs between a region's old and new end changed); {@code everyRegionSet} is the same
 * ownership asked without its previous answer, so that it clears and sets the targets of every
 * region again, as every notification did before; {@code regionsCopied} is {@code regionsUpdated}
 * without leave to change the previous answer in place (a copy of the 100,000-bit set per changed
 * view, as before {@code OwnershipStrategy.ownedReusing}); {@code regionsWalked} is
 * {@code regionsUpdated} walking every region longer than one token again when a node entered,
 * where {@code regionsUpdated} merges the entering node's token positions with its own.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class ViewChangeOwnershipBench {
    private static final int NAMES = 1_000;
    private static final int VIEWS = 64;

    @Param({"100", "1000"})
    int admitted;

    private List<List<Peer>> views;
    private Rebalancer regions;
    private Rebalancer everyRegion;
    private Rebalancer copied;
    private Rebalancer walked;
    private int next;

    @Setup
    public void build() {
        TargetSet targets = TargetSet.of(Targets.urlKeys(100_000));
        TokenIndex index = new TokenIndex(512, targets);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < NAMES; i++) {
            names.add("alloy-" + i);
        }
        index.register(names);
        // a cycle of views, each one member's state away from the one before, back to the first
        SplittableRandom r = new SplittableRandom(42);
        PeerState[] state = new PeerState[admitted];
        java.util.Arrays.fill(state, PeerState.PARTICIPANT);
        int[] flips = new int[VIEWS / 2];
        for (int k = 0; k < flips.length; k++) {
            flips[k] = 1 + r.nextInt(admitted - 1); // never alloy-0, the node itself
        }
        views = new ArrayList<>();
        for (int v = 0; v < VIEWS; v++) {
            int member = flips[v % flips.length];
            state[member] = state[member] == PeerState.PARTICIPANT ? PeerState.TERMINATING : PeerState.PARTICIPANT;
            List<Peer> view = new ArrayList<>();
            for (int i = 0; i < admitted; i++) {
                view.add(new Peer("alloy-" + i, "alloy-" + i + ":12345", state[i], i == 0));
            }
            view.sort(Comparator.comparing(Peer::name));
            views.add(List.copyOf(view));
        }
        ClusteringOptions options = ClusteringOptions.alloyDefaults();
        regions = new Rebalancer("alloy-0", index.create("alloy-0"), options);
        OwnershipStrategy fresh = index.create("alloy-0");
        everyRegion = new Rebalancer("alloy-0",
                (name, t, peers, op, previous) -> fresh.owned(name, t, peers, op, null), options);
        OwnershipStrategy copying = index.create("alloy-0");
        copied = new Rebalancer("alloy-0", copying::owned, options); // only owned(): never in place
        walked = new Rebalancer("alloy-0", index.createWalkingEveryRegion("alloy-0"), options);
        regions.applyTargets(targets);
        everyRegion.applyTargets(targets);
        copied.applyTargets(targets);
        walked.applyTargets(targets);
        regions.applyPeers(views.get(VIEWS - 1), true);
        everyRegion.applyPeers(views.get(VIEWS - 1), true);
        copied.applyPeers(views.get(VIEWS - 1), true);
        walked.applyPeers(views.get(VIEWS - 1), true);
    }

    @Benchmark
    public Rebalancer regionsWalked() {
        walked.applyPeers(nextView(), true);
        return walked;
    }

    @Benchmark
    public Rebalancer regionsUpdated() {
        regions.applyPeers(nextView(), true);
        return regions;
    }

    @Benchmark
    public Rebalancer regionsCopied() {
        copied.applyPeers(nextView(), true);
        return copied;
    }

    @Benchmark
    public Rebalancer everyRegionSet() {
        everyRegion.applyPeers(nextView(), true);
        return everyRegion;
    }

    private List<Peer> nextView() {
        next = next == VIEWS - 1 ? 0 : next + 1;
        return views.get(next);
    }
}
