package io.fleetlab.core.peer;

import java.util.Objects;

/**
 * One member of the cluster as seen by the local node, the shape of a row on Alloy's clustering
 * page.
 *
 * @param name    unique node name; it is what the ring hashes, so it must be stable across restarts
 * @param address where the node listens, {@code host:port}
 * @param state   the node's last known role
 * @param self    whether this peer is the local node
 */
public record Peer(String name, String address, PeerState state, boolean self) {
    public Peer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(state, "state");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("peer name must not be empty");
        }
    }

    /** A participant peer that is not the local node; convenient for rings built from names. */
    public static Peer participant(String name) {
        return new Peer(name, name, PeerState.PARTICIPANT, false);
    }

    /**
     * This peer after a role change; only viewer to participant and participant to terminating
     * are allowed, as in Alloy.
     *
     * @throws IllegalStateException for any other change
     */
    public Peer transitionTo(PeerState next) {
        if (!state.canTransitionTo(next)) {
            throw new IllegalStateException("peer " + name + " cannot go from " + state + " to " + next);
        }
        return withState(next);
    }

    /** This peer with another state, unchecked: for applying a state another node reported. */
    public Peer withState(PeerState newState) {
        return new Peer(name, address, newState, self);
    }
}
