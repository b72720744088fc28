package io.fleetlab.simulator.fleet;

import io.fleetlab.core.membership.NodeEvent;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.rebalance.OwnershipChange;
import io.fleetlab.simulator.result.ChangeKind;
import io.fleetlab.simulator.result.EventKind;
import java.util.List;

/**
 * What a {@link Fleet} tells the run's measurements. Times are simulated nanoseconds. Every method
 * does nothing by default, so each observer hears only what it measures.
 */
public interface FleetObserver {
    /** A scenario action was applied ({@code node} empty for fleet-wide ones). */
    default void action(long nanos, EventKind kind, String node, String detail) {}

    /**
     * A change of the true fleet begins: {@code observers} are the running nodes (the one
     * concerned excepted) that should learn of it; {@code members} is the fleet's size when it
     * happens, the node concerned included.
     */
    default void changeStarted(long nanos, ChangeKind kind, String node, List<String> observers, int members) {}

    /** The true fleet (its running participants) went from {@code before} to {@code after}. */
    default void fleetChanged(long nanos, ChangeKind kind, String node, List<Peer> before, List<Peer> after) {}

    /** Every running node learned of {@code node}'s change at once (a membership oracle). */
    default void learnedByAll(long nanos, String node) {}

    /** {@code node} went down: it crashed or finished leaving. */
    default void wentDown(String node) {}

    /** {@code node}'s components started or stopped targets. */
    default void ownershipChanged(long nanos, String node, OwnershipChange change) {}

    /** {@code node}'s membership learned something (uncoalesced). */
    default void membershipEvent(long nanos, String node, NodeEvent event) {}

    /** {@code node}'s coalesced view changed (what its components saw). */
    default void viewChanged(long nanos, String node, List<Peer> peers) {}
}
