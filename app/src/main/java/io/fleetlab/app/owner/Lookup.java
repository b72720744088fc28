package io.fleetlab.app.owner;

import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.ring.AlloyRing;
import io.fleetlab.core.ring.NotEnoughNodesException;
import io.fleetlab.core.ring.Op;
import java.util.List;

/** The owners of one key on one ring, or Alloy's error when there are too few nodes. */
record Lookup(List<String> owners, String error) {
    static Lookup on(AlloyRing ring, long key, int owners, Op op) {
        try {
            return new Lookup(ring.lookup(key, owners, op).stream().map(Peer::name).toList(), null);
        } catch (NotEnoughNodesException e) {
            return new Lookup(List.of(), e.getMessage());
        }
    }

    boolean failed() {
        return error != null;
    }

    /** The primary owner, or null when the lookup failed or asked for none. */
    String primary() {
        return owners.isEmpty() ? null : owners.get(0);
    }
}
