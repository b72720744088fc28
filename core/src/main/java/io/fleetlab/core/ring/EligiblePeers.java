package io.fleetlab.core.ring;

import io.fleetlab.core.hash.Utf8Order;
import io.fleetlab.core.peer.Peer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The peers that may own keys for one {@link Op}, sorted by name so that every node builds the
 * same structure whatever order its view lists peers in.
 */
record EligiblePeers(String[] names, Peer[] peers) {
    static EligiblePeers of(Collection<Peer> all, Op op) {
        List<Peer> eligible = new ArrayList<>(all.size());
        for (Peer p : all) {
            if (op.admits(p.state())) {
                eligible.add(p);
            }
        }
        eligible.sort((a, b) -> Utf8Order.compare(a.name(), b.name()));
        Peer[] peers = eligible.toArray(Peer[]::new);
        String[] names = new String[peers.length];
        for (int i = 0; i < peers.length; i++) {
            names[i] = peers[i].name();
        }
        return new EligiblePeers(names, peers);
    }

    /** Rejects a peer set that names a node twice: two rows for one name cannot both be right. */
    static void requireDistinctNames(Collection<Peer> all) {
        Set<String> seen = new HashSet<>(all.size() * 2);
        for (Peer p : all) {
            if (!seen.add(p.name())) {
                throw new IllegalArgumentException("peer set names node '" + p.name() + "' twice");
            }
        }
    }

    int size() {
        return names.length;
    }

    boolean sameNames(EligiblePeers other) {
        return Arrays.equals(names, other.names);
    }
}
