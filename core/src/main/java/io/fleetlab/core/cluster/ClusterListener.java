package io.fleetlab.core.cluster;

import io.fleetlab.core.membership.NodeEvent;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.rebalance.OwnershipChange;
import java.util.List;

/** What a {@link ClusterMember} tells its owner (metrics, a simulator's fleet, a log); called on the member's thread. */
public interface ClusterListener {
    /** Ignores everything. */
    ClusterListener NONE = new ClusterListener() {
    };

    /** The membership learned something (as it happens, not coalesced). */
    default void membershipEvent(NodeEvent event) {
    }

    /** The components were notified of this view (coalesced and rate-limited as in Alloy). */
    default void viewChanged(List<Peer> peers) {
    }

    /**
     * Component {@code component} (an index into the member's components) started or stopped
     * scraping targets: the change as its scrape manager applied it, after the reload tick.
     */
    default void ownershipChanged(int component, OwnershipChange change) {
    }
}
