package io.fleetlab.simulator.run;

import io.fleetlab.core.membership.GossipConfig;
import io.fleetlab.core.membership.NodeEvent;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.simulator.fleet.FleetObserver;
import io.fleetlab.simulator.metrics.ChangeTheory;
import io.fleetlab.simulator.metrics.ConvergenceTracker;
import io.fleetlab.simulator.result.ChangeKind;
import io.fleetlab.simulator.result.EventKind;
import io.fleetlab.simulator.result.MembershipStats;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** When each live node learned of each change of the fleet, with the theory's figure beside it. */
final class ConvergenceRecorder implements FleetObserver {
    private final ConvergenceTracker tracker = new ConvergenceTracker();
    private final Set<String> everDown = new HashSet<>();
    private final GossipConfig gossip;
    private final double latencySeconds;

    /** @param latencySeconds the mean one-way latency, for the theory column */
    ConvergenceRecorder(GossipConfig gossip, double latencySeconds) {
        this.gossip = gossip;
        this.latencySeconds = latencySeconds;
    }

    @Override
    public void changeStarted(long nanos, ChangeKind kind, String node, List<String> observers, int members) {
        double model = ChangeTheory.seconds(kind, members, gossip, latencySeconds);
        tracker.watch(nanos, kind, node, observers, model);
        if (kind == ChangeKind.JOIN || kind == ChangeKind.RESTART) {
            // The joiner's participant state spreads as its alive news does (one gossip broadcast).
            tracker.watch(nanos, ChangeKind.PARTICIPANT, node, observers, model);
        }
    }

    @Override
    public void learnedByAll(long nanos, String node) {
        tracker.learnedByAll(nanos, node);
    }

    @Override
    public void wentDown(String node) {
        everDown.add(node);
    }

    @Override
    public void membershipEvent(long nanos, String node, NodeEvent event) {
        EventKind kind;
        if (event instanceof NodeEvent.Joined) {
            kind = EventKind.JOINED;
        } else if (event instanceof NodeEvent.Dead) {
            kind = EventKind.DEAD;
        } else if (event instanceof NodeEvent.Left) {
            kind = EventKind.LEFT;
        } else {
            if (event instanceof NodeEvent.StateChanged sc && sc.state() == PeerState.PARTICIPANT) {
                tracker.learnedParticipant(nanos, node, event.node());
            }
            return;
        }
        tracker.learned(nanos, node, kind, event.node());
    }

    /** Per change, how long until live nodes saw it; nodes that went down meanwhile do not count. */
    List<MembershipStats.Convergence> convergence() {
        return tracker.convergence(everDown);
    }

    /** Per crash, how long until the first and the last live node declared it dead. */
    List<MembershipStats.Detection> detections() {
        return tracker.detections(everDown);
    }
}
