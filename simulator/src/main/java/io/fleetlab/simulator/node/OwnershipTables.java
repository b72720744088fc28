package io.fleetlab.simulator.node;

import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.rebalance.OwnershipTable;
import io.fleetlab.core.rebalance.TargetSet;
import io.fleetlab.core.ring.Op;
import io.fleetlab.core.ring.Sharder;
import io.fleetlab.core.rebalance.OwnershipStrategy;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ring lookups per distinct view, shared by every simulated node that holds that view. A fleet of
 * a thousand nodes mostly agrees, so this turns a thousand identical lookups of every target into
 * one, and keeps the simulator's memory independent of fleet size.
 */
public final class OwnershipTables implements OwnershipStrategy.Factory {
    private final Sharder sharder;
    private final TargetSet targets;
    private final Op op;
    private final Map<String, OwnershipTable> cache;
    private long computed;
    private long hits;

    public OwnershipTables(Sharder sharder, TargetSet targets, Op op, int capacity) {
        this.sharder = sharder;
        this.targets = targets;
        this.op = op;
        this.cache = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, OwnershipTable> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The table for {@code peers} (names and states matter; addresses and the self flag do not). */
    public OwnershipTable forView(Collection<Peer> peers) {
        String key = fingerprint(peers);
        OwnershipTable table = cache.get(key);
        if (table == null) {
            table = OwnershipTable.compute(peers, sharder, targets, op);
            cache.put(key, table);
            computed++;
        } else {
            hits++;
        }
        return table;
    }

    /**
     * A node's strategy that reads its ownership from the shared table of its view; the node's
     * rebalancer applies Alloy's rules on top, as it does with its own ring.
     */
    @Override
    public OwnershipStrategy create(String localName) {
        return (self, given, peers, givenOp, previous) -> {
            if (given != targets || givenOp != op) {
                throw new IllegalArgumentException("these tables serve one target set on the " + op + " ring");
            }
            return forView(peers).ownedBy(self);
        };
    }

    static String fingerprint(Collection<Peer> peers) {
        StringBuilder sb = new StringBuilder(peers.size() * 12);
        peers.stream().map(p -> p.name() + '\u0001' + p.state().ordinal()).sorted().forEach(s -> sb.append(s).append('\u0002'));
        return sb.toString();
    }

    public long computed() {
        return computed;
    }

    public long hits() {
        return hits;
    }
}
