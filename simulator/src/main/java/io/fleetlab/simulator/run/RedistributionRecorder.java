package io.fleetlab.simulator.run;

import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.rebalance.OwnershipTable;
import io.fleetlab.simulator.fleet.FleetObserver;
import io.fleetlab.simulator.metrics.Bounds;
import io.fleetlab.simulator.node.OwnershipTables;
import io.fleetlab.simulator.result.ChangeKind;
import io.fleetlab.simulator.result.Redistribution;
import java.util.ArrayList;
import java.util.List;

/** Per change of the true fleet, how many targets changed primary owner, against the ideal and its band. */
final class RedistributionRecorder implements FleetObserver {
    private final OwnershipTables tables;
    private final int tokensPerNode;
    private final int targetCount;
    private final List<Redistribution> changes = new ArrayList<>();

    RedistributionRecorder(OwnershipTables tables, int tokensPerNode, int targetCount) {
        this.tables = tables;
        this.tokensPerNode = tokensPerNode;
        this.targetCount = targetCount;
    }

    @Override
    public void fleetChanged(long nanos, ChangeKind kind, String node, List<Peer> before, List<Peer> after) {
        if (before.isEmpty() || after.isEmpty()) {
            return;
        }
        OwnershipTable a = tables.forView(before);
        OwnershipTable b = tables.forView(after);
        long moved = 0;
        long misplaced = 0;
        for (int i = 0; i < a.size(); i++) {
            String x = a.ownerOf(i);
            String y = b.ownerOf(i);
            if (x == null ? y != null : !x.equals(y)) {
                moved++;
                if (!node.equals(x) && !node.equals(y)) {
                    misplaced++;
                }
            }
        }
        boolean join = after.size() > before.size();
        int n = join ? after.size() : before.size();
        double ideal = 1.0 / n;
        double sigma = Bounds.relativeSd(tokensPerNode, n, targetCount);
        double fraction = a.size() == 0 ? 0 : moved / (double) a.size();
        changes.add(new Redistribution(nanos / 1e9, kind, node, before.size(), after.size(), moved, fraction, ideal,
                fraction / ideal, Math.max(0, ideal * (1 - Bounds.Z99 * sigma)), ideal * (1 + Bounds.Z99 * sigma),
                misplaced));
    }

    List<Redistribution> changes() {
        return List.copyOf(changes);
    }
}
