package io.fleetlab.simulator.node;

import io.fleetlab.core.membership.NodeEvent;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.rebalance.OwnershipChange;
import java.util.List;

/** What a simulated node tells the fleet it belongs to; {@code node} is its name. */
public interface NodeListener {
    /** The node's rebalancer started or stopped targets. */
    void ownershipChanged(String node, OwnershipChange change);

    /** The node's membership learned something (uncoalesced). */
    void membershipEvent(String node, NodeEvent event);

    /** The node's coalesced view changed (what its components saw). */
    void viewChanged(String node, List<Peer> peers);
}
