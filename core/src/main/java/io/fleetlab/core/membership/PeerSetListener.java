package io.fleetlab.core.membership;

import io.fleetlab.core.peer.Peer;
import java.util.List;

/**
 * Hears the current peer set, coalesced: at most one call per {@link GossipConfig#notifyInterval()},
 * always with the latest view (including the local node). This is what components such as a
 * rebalancer consume, as Alloy's cluster-change notifications.
 */
@FunctionalInterface
public interface PeerSetListener {
    /** The latest peer set; the list is immutable and sorted by name. */
    void onPeersChanged(List<Peer> peers);
}
