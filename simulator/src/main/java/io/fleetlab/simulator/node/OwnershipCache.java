package io.fleetlab.simulator.node;

import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.rebalance.ClusteringOptions;
import io.fleetlab.core.rebalance.OwnershipTable;
import io.fleetlab.core.rebalance.TargetSet;
import io.fleetlab.core.ring.Op;
import io.fleetlab.core.ring.Sharder;
import io.fleetlab.core.ring.Sharders;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ownership per distinct peer view, computed once with the core's {@link Sharder} and shared by
 * every node whose view has the same fingerprint (the eligible names, plus the view size when a
 * minimum cluster size applies). A 1,000-node fleet that agrees on its view costs one ring
 * computation per change instead of a thousand. Entries are reference-counted and dropped when no
 * node holds them; the target indices that differ between two views are cached per pair too.
 *
 * <p>What a node owns under a view equals what the core's {@code Rebalancer} on that node
 * computes (checked by a test), so the simulator measures the production rules.
 */
public final class OwnershipCache {
    private final Sharder sharder;
    private final long[] keys;
    private final TargetSet targetSet;
    private final NodeRegistry registry;
    private final ClusteringOptions options;
    private final Map<String, ViewOwnership> views = new HashMap<>();
    private final Map<Long, int[]> changed = new HashMap<>();
    private final Map<ViewOwnership, Integer> serial = new HashMap<>();
    private long computed;
    private int nextSerial;

    public OwnershipCache(String algorithm, int tokens, long[] keys, NodeRegistry registry, ClusteringOptions options) {
        this.sharder = Sharders.create(algorithm, tokens);
        this.keys = keys.clone();
        this.targetSet = TargetSet.of(this.keys);
        this.registry = registry;
        this.options = options;
    }

    public int targetCount() {
        return keys.length;
    }

    /** The ownership under {@code view}, taking one reference (release it with {@link #release}). */
    public ViewOwnership acquire(Collection<Peer> view) {
        List<Peer> eligible = new ArrayList<>(view.size());
        StringBuilder fp = new StringBuilder(view.size() * 12);
        for (Peer p : view) {
            if (options.op().admits(p.state())) {
                eligible.add(p);
                fp.append(p.name()).append('\n');
            }
        }
        boolean tooSmall = view.size() < options.minClusterSize();
        if (options.minClusterSize() > 0) {
            fp.append('#').append(tooSmall);
        }
        String key = fp.toString();
        ViewOwnership v = views.get(key);
        if (v == null) {
            v = compute(key, eligible, tooSmall);
            views.put(key, v);
            serial.put(v, nextSerial++);
        }
        v.references++;
        return v;
    }

    public void release(ViewOwnership v) {
        if (v != null && --v.references == 0) {
            views.remove(v.fingerprint);
            serial.remove(v);
        }
    }

    /** How many ring computations the cache has done (distinct views seen). */
    public long computed() {
        return computed;
    }

    private ViewOwnership compute(String fingerprint, List<Peer> eligible, boolean tooSmall) {
        computed++;
        if (tooSmall) {
            return new ViewOwnership(fingerprint, ViewOwnership.NONE, null, eligible.size());
        }
        if (eligible.isEmpty()) {
            return new ViewOwnership(fingerprint, ViewOwnership.ALL, null, 0);
        }
        // the core's shared table does the ring lookups once per view; here its owners become run-wide ids
        OwnershipTable table = OwnershipTable.compute(eligible, sharder, targetSet, Op.READ_WRITE);
        int[] owner = new int[keys.length];
        Map<String, Integer> ids = new HashMap<>();
        for (Peer p : eligible) {
            ids.put(p.name(), registry.idOf(p.name()));
        }
        for (int t = 0; t < keys.length; t++) {
            String name = table.ownerOf(t);
            if (name == null) {
                throw new IllegalStateException("ring with " + eligible.size() + " eligible peers found no owner");
            }
            owner[t] = ids.get(name);
        }
        return new ViewOwnership(fingerprint, ViewOwnership.NORMAL, owner, eligible.size());
    }

    /**
     * Targets whose owner differs between two normal views (ascending), or null when either view
     * is not a normal ring (then every target must be checked).
     */
    int[] changedTargets(ViewOwnership from, ViewOwnership to) {
        if (from.mode != ViewOwnership.NORMAL || to.mode != ViewOwnership.NORMAL) {
            return null;
        }
        Integer a = serial.get(from);
        Integer b = serial.get(to);
        if (a == null || b == null) {
            return diff(from, to);
        }
        long pair = ((long) a << 32) | (b & 0xffffffffL);
        int[] d = changed.get(pair);
        if (d == null) {
            d = diff(from, to);
            if (changed.size() > 256) {
                changed.clear();
            }
            changed.put(pair, d);
        }
        return d;
    }

    private static int[] diff(ViewOwnership from, ViewOwnership to) {
        int n = 0;
        int[] buf = new int[64];
        for (int t = 0; t < from.owner.length; t++) {
            if (from.owner[t] != to.owner[t]) {
                if (n == buf.length) {
                    buf = java.util.Arrays.copyOf(buf, n * 2);
                }
                buf[n++] = t;
            }
        }
        return java.util.Arrays.copyOf(buf, n);
    }
}
