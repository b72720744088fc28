package io.fleetlab.simulator.run;

import io.fleetlab.core.rebalance.OwnershipChange;
import io.fleetlab.simulator.fleet.Fleet;
import io.fleetlab.simulator.fleet.FleetObserver;
import io.fleetlab.simulator.metrics.OwnershipLedger;
import io.fleetlab.simulator.node.SimNode;
import io.fleetlab.simulator.result.AgreementSample;
import io.fleetlab.simulator.result.AgreementTotals;
import io.fleetlab.simulator.result.ViewSample;
import java.util.ArrayList;
import java.util.List;

/**
 * Ownership agreement over the run: the ledger of who scrapes each target, fed by every node's
 * started/stopped diffs, sampled each interval together with the view sizes and the live nodes.
 */
final class AgreementRecorder implements FleetObserver {
    /** Views are sampled for at most this many nodes, so large fleets keep result files small. */
    static final int MAX_VIEW_SAMPLED_NODES = 50;

    private final Fleet fleet;
    private final OwnershipLedger ledger;
    private final List<AgreementSample> agreement = new ArrayList<>();
    private final List<ViewSample> views = new ArrayList<>();
    private double nodeSeconds;

    AgreementRecorder(Fleet fleet, int targets) {
        this.fleet = fleet;
        this.ledger = new OwnershipLedger(targets);
    }

    /** Target-seconds count from {@code nanos} on (the fleet's start-up is not the story). */
    void measureFrom(long nanos) {
        ledger.measureFrom(nanos);
    }

    @Override
    public void ownershipChanged(long nanos, String node, OwnershipChange change) {
        ledger.apply(nanos, change);
    }

    /** Samples agreement and view sizes at {@code nanos}, the end of an interval {@code intervalSeconds} long. */
    void sample(long nanos, double intervalSeconds) {
        OwnershipLedger.Interval window = ledger.closeInterval(nanos);
        double now = nanos / 1e9;
        int live = 0;
        int sampled = 0;
        for (SimNode n : fleet.nodes()) {
            if (n.up()) {
                live++;
            }
            if (sampled < MAX_VIEW_SAMPLED_NODES) {
                sampled++;
                views.add(new ViewSample(now, n.name(), n.up() ? Math.max(n.viewSize(), 1) : 0));
            }
        }
        nodeSeconds += live * intervalSeconds;
        agreement.add(new AgreementSample(now, live, window.unowned(), window.doubleOwned(), window.maxUnowned(),
                window.maxDoubleOwned(), window.unownedTargetSeconds(), window.doubleOwnedTargetSeconds()));
    }

    List<AgreementSample> agreement() {
        return List.copyOf(agreement);
    }

    List<ViewSample> views() {
        return List.copyOf(views);
    }

    AgreementTotals totals() {
        return new AgreementTotals(ledger.unownedTargetSeconds(), ledger.doubleOwnedTargetSeconds(), ledger.maxUnowned(),
                ledger.maxDoubleOwned());
    }

    /** Node-seconds of running nodes, summed over the samples. */
    double nodeSeconds() {
        return nodeSeconds;
    }
}
