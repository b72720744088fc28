package io.fleetlab.simulator.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fleetlab.core.rebalance.OwnershipChange;
import org.junit.jupiter.api.Test;

class OwnershipLedgerTest {
    private static final long S = 1_000_000_000L;

    @Test
    void integratesUnownedAndDoubleOwnedTargetSeconds() {
        OwnershipLedger l = new OwnershipLedger(4);
        l.measureFrom(S); // the start-up, when nobody owns anything yet, is not counted
        l.apply(0, new OwnershipChange(new int[] {0, 1, 2, 3}, new int[0])); // node a owns all
        l.apply(2 * S, new OwnershipChange(new int[] {2, 3}, new int[0])); // node b takes 2,3 before a lets go
        assertEquals(2, l.doubleOwned());
        l.apply(5 * S, new OwnershipChange(new int[0], new int[] {2, 3})); // a lets go after 3 s
        l.apply(6 * S, new OwnershipChange(new int[0], new int[] {0})); // a drops 0; nobody has it
        l.advance(10 * S);
        assertEquals(6.0, l.doubleOwnedTargetSeconds(), 1e-9);
        assertEquals(4.0, l.unownedTargetSeconds(), 1e-9);
        assertEquals(2, l.maxDoubleOwned());
        assertEquals(1, l.maxUnowned());
    }

    @Test
    void nothingCountsBeforeTheMeasurementStarts() {
        OwnershipLedger l = new OwnershipLedger(10);
        l.measureFrom(5 * S);
        l.advance(8 * S);
        assertEquals(30.0, l.unownedTargetSeconds(), 1e-9);
    }

    @Test
    void percentilesUseNearestRankAndNeverMeansNaN() {
        assertEquals(2.0, ConvergenceTracker.percentile(new double[] {4, 1, 2, 3}, 0.5));
        assertEquals(4.0, ConvergenceTracker.percentile(new double[] {4, 1, 2, 3}, 1.0));
        assertEquals(Double.NaN, ConvergenceTracker.percentile(new double[] {1, Double.NaN}, 1.0));
        assertEquals(1.0, ConvergenceTracker.percentile(new double[] {1, Double.NaN}, 0.5));
    }

    @Test
    void epidemicModelGrowsLikeLogN() {
        double r10 = Bounds.epidemicRounds(10, 3, 0, 0.9);
        double r1000 = Bounds.epidemicRounds(1000, 3, 0, 0.9);
        assertEquals(Math.log(11 * 9) / 1.5, r10, 1e-9);
        assertEquals(true, r1000 > r10 && r1000 < 4 * r10);
    }
}
