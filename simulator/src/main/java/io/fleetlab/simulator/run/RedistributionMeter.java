package io.fleetlab.simulator.run;

import io.fleetlab.core.peer.Peer;
import io.fleetlab.simulator.node.NodeRegistry;
import io.fleetlab.simulator.node.OwnershipCache;
import io.fleetlab.simulator.node.ViewOwnership;
import io.fleetlab.simulator.result.Redistribution;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Targets that change primary owner when the ideal fleet changes, against theory: a join of the
 * (N+1)th node should move 1/(N+1) of the targets, all to it; a leave of one of N nodes 1/N, only
 * the leaver's. The band is ideal x (1 +- z sqrt(1/V + (N-1)/T)) at 99% (z from the normal
 * distribution), with the token term only for token rings.
 */
final class RedistributionMeter {
    private static final double Z99 = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.995);

    private final OwnershipCache cache;
    private final NodeRegistry registry;
    private final int targets;
    private final double tokenTerm;
    private final List<Redistribution> records = new ArrayList<>();
    private ViewOwnership current;

    RedistributionMeter(OwnershipCache cache, NodeRegistry registry, int targets, String algorithm, int tokens) {
        this.cache = cache;
        this.registry = registry;
        this.targets = targets;
        this.tokenTerm = algorithm.equals("alloy-ring") || algorithm.equals("bounded-load") ? 1.0 / tokens : 0;
    }

    ViewOwnership current() {
        return current;
    }

    /** Moves the ideal view to {@code view}; returns the redistribution, or null on the first view. */
    Redistribution change(List<Peer> view, String node, String kind, double time) {
        ViewOwnership before = current;
        ViewOwnership after = cache.acquire(view);
        current = after;
        if (before == null) {
            return null;
        }
        int id = registry.idOf(node);
        int nBefore = before.eligible();
        int nAfter = after.eligible();
        long moved = 0;
        long misplaced = 0;
        for (int t = 0; t < targets; t++) {
            int a = before.ownerOf(t);
            int b = after.ownerOf(t);
            if (a != b) {
                moved++;
                boolean expected = kind.equals("join") ? b == id : a == id;
                if (!expected) {
                    misplaced++;
                }
            }
        }
        cache.release(before);
        if (nBefore == 0 || nAfter == 0) {
            return null;
        }
        int n = kind.equals("join") ? nAfter : nBefore;
        double ideal = 1.0 / n;
        double rel = Math.sqrt(tokenTerm + (n - 1.0) / targets);
        double fraction = (double) moved / targets;
        return new Redistribution(time, kind, node, nBefore, nAfter, moved, fraction, ideal, fraction / ideal,
                Math.max(0, ideal * (1 - Z99 * rel)), ideal * (1 + Z99 * rel), misplaced);
    }

    void record(Redistribution r) {
        records.add(r);
    }

    List<Redistribution> records() {
        return records;
    }
}
