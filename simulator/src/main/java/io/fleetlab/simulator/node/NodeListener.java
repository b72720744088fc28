package io.fleetlab.simulator.node;

import io.fleetlab.core.membership.NodeEvent;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.rebalance.OwnershipChange;
import java.util.List;

/** What the run's metrics hear from a simulated node. */
public interface NodeListener {
    /** The node's rebalancer started or stopped targets. */
    void ownershipChanged(SimNode node, OwnershipChange change);

    /** The node's membership learned something (uncoalesced). */
    void membershipEvent(SimNode node, NodeEvent event);

    /** The node's coalesced view changed (what its components saw). */
    void viewChanged(SimNode node, List<Peer> peers);
}
