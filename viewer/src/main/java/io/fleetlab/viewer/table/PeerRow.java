package io.fleetlab.viewer.table;

import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import java.util.Locale;

/**
 * One row of the peer table, as Alloy's clustering page shows it.
 *
 * @param name    peer name
 * @param address peer address
 * @param state   {@code viewer}, {@code participant} or {@code terminating}
 * @param self    whether the row is the observer itself
 * @param since   simulated seconds of the change that produced this row
 */
public record PeerRow(String name, String address, PeerState state, boolean self, double since) {

    /** Parses a state as the result file spells it, failing with the offending value. */
    public static PeerState parseState(String state, String where) {
        if (state == null) {
            throw new IllegalArgumentException(where + ": missing peer state; expected viewer, participant or terminating");
        }
        try {
            return PeerState.valueOf(state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    where + ": unknown peer state '" + state + "'; expected viewer, participant or terminating", e);
        }
    }

    /** The state in the result file's spelling. */
    public String stateName() {
        return state.name().toLowerCase(Locale.ROOT);
    }

    /** This row as a core peer, e.g. to place it on a ring. */
    public Peer toPeer() {
        return new Peer(name, address, state, self);
    }
}
