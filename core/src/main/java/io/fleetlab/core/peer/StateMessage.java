package io.fleetlab.core.peer;

import java.util.Objects;

/**
 * A node's announcement of its own state, stamped with its Lamport time. Receivers keep, per node,
 * only the newest message they have seen (see {@link #supersedes(StateMessage)}).
 *
 * @param nodeName    the node the message is about (always its sender)
 * @param state       the announced state
 * @param lamportTime the sender's Lamport time when it announced
 */
public record StateMessage(String nodeName, PeerState state, long lamportTime) {
    public StateMessage {
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(state, "state");
    }

    /** Whether this message should replace {@code held}, the one kept so far for the same node. */
    public boolean supersedes(StateMessage held) {
        return held == null || lamportTime > held.lamportTime;
    }
}
