package io.fleetlab.simulator.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fleetlab.core.rebalance.OwnershipChange;
import java.util.SplittableRandom;
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
    void statesThatLastNoTimeAreNotMaxima() {
        OwnershipLedger l = new OwnershipLedger(4);
        l.apply(0, new OwnershipChange(new int[] {0, 1, 2, 3}, new int[0]));
        // at 3 s one node lets go of 2,3 and another takes them, in the same instant
        l.apply(3 * S, new OwnershipChange(new int[0], new int[] {2, 3}));
        assertEquals(2, l.unowned());
        l.apply(3 * S, new OwnershipChange(new int[] {2, 3}, new int[0]));
        l.advance(10 * S);
        assertEquals(0, l.maxUnowned(), "two unowned targets for zero seconds are no gap");
        assertEquals(0.0, l.unownedTargetSeconds(), 1e-9);
        l.apply(10 * S, new OwnershipChange(new int[0], new int[] {1}));
        l.advance(11 * S);
        assertEquals(1, l.maxUnowned());
    }

    @Test
    void intervalIntegralsAddUpToTheTotalsAndIntervalMaximaToTheOverallMaxima() {
        for (int c = 0; c < 300; c++) {
            long seed = 0x5EEDL + c;
            SplittableRandom rnd = new SplittableRandom(seed);
            int targets = 1 + rnd.nextInt(50);
            int[] owners = new int[targets];
            OwnershipLedger l = new OwnershipLedger(targets);
            l.measureFrom(rnd.nextLong(20 * S));
            long now = 0;
            double unowned = 0;
            double doubled = 0;
            long maxU = 0;
            long maxD = 0;
            for (int step = 0; step < 200; step++) {
                now += rnd.nextInt(4) == 0 ? 0 : rnd.nextLong(S); // some changes share an instant
                int t = rnd.nextInt(targets);
                if (owners[t] > 0 && rnd.nextBoolean()) {
                    owners[t]--;
                    l.apply(now, new OwnershipChange(new int[0], new int[] {t}));
                } else {
                    owners[t]++;
                    l.apply(now, new OwnershipChange(new int[] {t}, new int[0]));
                }
                if (rnd.nextInt(5) == 0) {
                    OwnershipLedger.Interval i = l.closeInterval(now);
                    unowned += i.unownedTargetSeconds();
                    doubled += i.doubleOwnedTargetSeconds();
                    maxU = Math.max(maxU, i.maxUnowned());
                    maxD = Math.max(maxD, i.maxDoubleOwned());
                }
            }
            OwnershipLedger.Interval last = l.closeInterval(now + S);
            unowned += last.unownedTargetSeconds();
            doubled += last.doubleOwnedTargetSeconds();
            maxU = Math.max(maxU, last.maxUnowned());
            maxD = Math.max(maxD, last.maxDoubleOwned());
            String why = "seed " + seed;
            assertEquals(l.unownedTargetSeconds(), unowned, 1e-6 * Math.max(1, unowned), why);
            assertEquals(l.doubleOwnedTargetSeconds(), doubled, 1e-6 * Math.max(1, doubled), why);
            assertEquals(l.maxUnowned(), maxU, why);
            assertEquals(l.maxDoubleOwned(), maxD, why);
        }
    }

    @Test
    void anIntervalKeepsADisagreementThatEndedBeforeItsSample() {
        OwnershipLedger l = new OwnershipLedger(4);
        l.apply(0, new OwnershipChange(new int[] {0, 1, 2, 3}, new int[0]));
        l.apply(S / 4, new OwnershipChange(new int[] {2, 3}, new int[0])); // a joiner takes 2,3
        l.apply(3 * S / 4, new OwnershipChange(new int[0], new int[] {2, 3})); // the old owner lets go
        OwnershipLedger.Interval i = l.closeInterval(S);
        assertEquals(0, i.doubleOwned(), "the point sample sees nothing");
        assertEquals(2, i.maxDoubleOwned());
        assertEquals(1.0, i.doubleOwnedTargetSeconds(), 1e-9);
        OwnershipLedger.Interval next = l.closeInterval(2 * S);
        assertEquals(0, next.maxDoubleOwned(), "each interval starts afresh");
        assertEquals(0.0, next.doubleOwnedTargetSeconds(), 1e-9);
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
}
