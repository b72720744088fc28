package io.fleetlab.core.membership;

import io.fleetlab.core.peer.PeerState;

/**
 * Something the local node learned about a member. Every event carries the member's name and the
 * scheduler time ({@link io.fleetlab.core.time.Scheduler#nowNanos()}) at which it was learned.
 */
public sealed interface NodeEvent {
    /** The member the event is about. */
    String node();

    /** Scheduler time when the local node learned it. */
    long atNanos();

    /** A member appeared (or came back after being dead or gone). */
    record Joined(String node, String address, long incarnation, long atNanos) implements NodeEvent {
    }

    /** A member is suspected of having failed; {@code by} is who raised the suspicion. */
    record Suspected(String node, long incarnation, String by, long atNanos) implements NodeEvent {
    }

    /**
     * A suspected member proved it is alive (refuted the suspicion with a higher incarnation):
     * together with {@link Suspected} this counts a false suspicion.
     */
    record Alive(String node, long incarnation, long atNanos) implements NodeEvent {
    }

    /** A member was declared failed (its suspicion timed out, or someone else declared it). */
    record Dead(String node, long incarnation, String by, long atNanos) implements NodeEvent {
    }

    /** A member left gracefully. */
    record Left(String node, long incarnation, long atNanos) implements NodeEvent {
    }

    /** A member announced a new Alloy peer state (newer Lamport time than the one held). */
    record StateChanged(String node, PeerState previous, PeerState state, long lamportTime, long atNanos)
            implements NodeEvent {
    }
}
