package io.fleetlab.bench.rebalance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.rebalance.OwnershipChange;
import io.fleetlab.core.rebalance.Rebalancer;
import io.fleetlab.core.ring.AlloyRing;
import org.junit.jupiter.api.Test;

/** The two join benchmarks must do the same job by different paths, and repeat it identically. */
class RebalanceBenchTest {
    @Test
    void incrementalAndFullPathsAgreeOnEveryJoin() {
        RebalanceBench.Fleet fleet = new RebalanceBench.Fleet();
        fleet.nodes = 20;
        fleet.targets = 50_000;
        fleet.generate();
        Rebalancer incremental = RebalanceBench.rebalancerOn(new AlloyRing(), fleet);
        Rebalancer full = RebalanceBench.rebalancerOn(new RebalanceBench.OpaqueSharder(new AlloyRing()), fleet);
        for (int round = 0; round < 3; round++) {
            OwnershipChange fast = incremental.setPeers(fleet.after);
            OwnershipChange slow = full.setPeers(fleet.after);
            assertTrue(incremental.lastUpdateWasIncremental());
            assertFalse(full.lastUpdateWasIncremental());
            assertFalse(fast.stopped().length == 0, "a join takes some targets from alloy-0");
            assertArrayEquals(slow.started(), fast.started());
            assertArrayEquals(slow.stopped(), fast.stopped());
            // What the per-call setup does: back to the fleet before the join.
            assertArrayEquals(slow.stopped(), incremental.setPeers(fleet.before).started());
            full.setPeers(fleet.before);
        }
    }
}
