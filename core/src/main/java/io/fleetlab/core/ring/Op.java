package io.fleetlab.core.ring;

import io.fleetlab.core.peer.PeerState;

/**
 * Which ring a lookup reads, as in Alloy: {@code READ} spans participants and terminating nodes
 * (who still hold data while draining), {@code READ_WRITE} spans participants only.
 */
public enum Op {
    READ,
    READ_WRITE;

    /** Whether a peer in {@code state} may own keys for this operation. */
    public boolean admits(PeerState state) {
        return switch (state) {
            case PARTICIPANT -> true;
            case TERMINATING -> this == READ;
            case VIEWER -> false;
        };
    }
}
