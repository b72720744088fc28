package io.fleetlab.core.peer;

/**
 * A node's role in the cluster, as Alloy defines it.
 *
 * <p>Only forward transitions are legal: {@code VIEWER -> PARTICIPANT -> TERMINATING}. A viewer
 * watches the cluster but never owns work; a participant owns work on both rings; a terminating
 * node is draining: it still counts for reads but no longer takes writes.
 */
public enum PeerState {
    /** Sees the cluster, owns nothing. */
    VIEWER,
    /** Owns work: eligible for both {@code READ} and {@code READ_WRITE} lookups. */
    PARTICIPANT,
    /** Leaving gracefully: eligible for {@code READ} lookups only. */
    TERMINATING;

    /** Whether a node in this state may move to {@code next}; staying put is not a transition. */
    public boolean canTransitionTo(PeerState next) {
        return switch (this) {
            case VIEWER -> next == PARTICIPANT;
            case PARTICIPANT -> next == TERMINATING;
            case TERMINATING -> false;
        };
    }
}
