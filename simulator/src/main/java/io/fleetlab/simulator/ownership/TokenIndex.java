package io.fleetlab.simulator.ownership;

import io.fleetlab.core.hash.Tokens;
import io.fleetlab.core.hash.Utf8Order;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.rebalance.OwnershipStrategy;
import io.fleetlab.core.rebalance.TargetSet;
import io.fleetlab.core.ring.Op;
import io.fleetlab.core.ring.UnsignedRadixSort;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every token of every node a run knows of, sorted once as Alloy's ring sorts them (unsigned,
 * ties to the lower node name), with the targets of the run sorted along the same circle. Any
 * view's ring is this one with the tokens of nodes outside the view skipped, so a view's owners
 * follow from the view's membership alone: the owner of a key is the holder of the first token at
 * or after it whose node the view admits.
 *
 * <p>It is the simulator's {@link OwnershipStrategy.Factory} on Alloy's ring: each node's
 * {@link NodeOwnership} reads it. Nodes get dense ids in the order they are first named, which never change. A name not seen
 * before is added and the index rebuilt on next use; runs register their names up front, so
 * that happens once. Single-threaded, like the run that owns it.
 */
public final class TokenIndex implements OwnershipStrategy.Factory {
    private final int tokensPerNode;
    private final TargetSet targets;
    private final int[] targetAtPosition;
    private final long[] sortedKeys;
    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private boolean stale = true;
    private long[] tokens = new long[0];
    private int[] holder = new int[0];
    private int[][] positionsOf = new int[0][];
    /** {@code arcEnd[g]}: how many sorted targets have a key at or below {@code tokens[g]}. */
    private int[] arcEnd = new int[0];
    private int builds;
    /** The view {@link #idsOf} resolved last: its names and ids; and the buffers for the next. */
    private String[] lastNames = new String[0];
    private int[] lastIds = new int[0];
    private int lastCount;
    private String[] spareNames = new String[0];
    private int[] spareIds = new int[0];

    public TokenIndex(int tokensPerNode, TargetSet targets) {
        if (tokensPerNode < 1) {
            throw new IllegalArgumentException("tokensPerNode must be at least 1, got " + tokensPerNode);
        }
        this.tokensPerNode = tokensPerNode;
        this.targets = targets;
        int n = targets.size();
        sortedKeys = new long[n];
        targetAtPosition = new int[n];
        for (int i = 0; i < n; i++) {
            sortedKeys[i] = targets.key(i);
            targetAtPosition[i] = i;
        }
        UnsignedRadixSort.sort(sortedKeys, targetAtPosition, n);
    }

    /** A node's strategy over this index (one per node and component; the index is shared). */
    @Override
    public OwnershipStrategy create(String localName) {
        return new NodeOwnership(this, localName);
    }

    /**
     * As {@link #create}, but a node that entered the view is not looked for by its token
     * positions: every region longer than one token is walked again instead, as before. The same
     * answers; for benchmarks side by side.
     */
    public OwnershipStrategy createWalkingEveryRegion(String localName) {
        return new NodeOwnership(this, localName, false);
    }

    /** The id of {@code name}, adding it (and scheduling a rebuild) if it is new. */
    public int idOf(String name) {
        Integer id = ids.get(name);
        if (id != null) {
            return id;
        }
        int next = names.size();
        names.add(name);
        ids.put(name, next);
        stale = true;
        return next;
    }

    /**
     * The id of each of {@code peers} that {@code op} admits (-1 for the others), in a buffer valid
     * until the next call. Views come sorted by name and differ little from one node's to the
     * next, so names are matched, in one forward pass, against the view resolved last (by any
     * node) and only those not in it are looked up: a warm start's first views were a hash-map
     * lookup per pair of nodes. Any order works; unsorted views just find fewer matches.
     */
    int[] idsOf(List<Peer> peers, Op op) {
        int n = peers.size();
        int[] out = spareIds.length >= n ? spareIds : new int[n];
        String[] names = spareNames.length >= n ? spareNames : new String[n];
        int j = 0;
        for (int k = 0; k < n; k++) {
            Peer p = peers.get(k);
            String name = p.name();
            names[k] = name;
            if (!op.admits(p.state())) {
                out[k] = -1;
                continue;
            }
            int id = -1;
            while (j < lastCount) {
                String before = lastNames[j];
                int c = before == name ? 0 : before.compareTo(name);
                if (c < 0) {
                    j++;
                    continue;
                }
                if (c == 0) {
                    id = lastIds[j];
                }
                break;
            }
            out[k] = id >= 0 ? id : idOf(name);
        }
        spareIds = lastIds;
        spareNames = lastNames;
        lastIds = out;
        lastNames = names;
        lastCount = n;
        return out;
    }

    /** Registers {@code all} at once, so that the index is built once for all of them. */
    public void register(Iterable<String> all) {
        for (String n : all) {
            idOf(n);
        }
    }

    public String name(int id) {
        return names.get(id);
    }

    /** Number of node ids handed out. */
    public int nodeCount() {
        return names.size();
    }

    public TargetSet targets() {
        return targets;
    }

    /** How often the tokens were hashed and sorted: once per run when names were registered up front. */
    public int builds() {
        return builds;
    }

    int tokenCount() {
        ensureBuilt();
        return tokens.length;
    }

    long token(int g) {
        return tokens[g];
    }

    int holder(int g) {
        return holder[g];
    }

    /** Positions of node {@code id}'s tokens in the sorted index, ascending. */
    int[] positionsOf(int id) {
        ensureBuilt();
        return positionsOf[id];
    }

    /** First sorted-target position of the arc that ends at token {@code g} (wrapping arcs excluded). */
    int arcStart(int g) {
        return g == 0 ? 0 : arcEnd[g - 1];
    }

    int arcEnd(int g) {
        return arcEnd[g];
    }

    /** The sorted targets past the last token, which belong to the arc of token 0. */
    int wrapStart() {
        return tokens.length == 0 ? 0 : arcEnd[tokens.length - 1];
    }

    int targetAt(int position) {
        return targetAtPosition[position];
    }

    int targetCount() {
        return sortedKeys.length;
    }

    void ensureBuilt() {
        if (!stale) {
            return;
        }
        stale = false;
        builds++;
        Integer[] byName = new Integer[names.size()];
        for (int i = 0; i < byName.length; i++) {
            byName[i] = i;
        }
        Arrays.sort(byName, (a, b) -> Utf8Order.compare(names.get(a), names.get(b)));
        int g = names.size() * tokensPerNode;
        long[] t = new long[g];
        int[] h = new int[g];
        int at = 0;
        for (int id : byName) {
            long[] own = Tokens.of(names.get(id), tokensPerNode);
            System.arraycopy(own, 0, t, at, tokensPerNode);
            Arrays.fill(h, at, at + tokensPerNode, id);
            at += tokensPerNode;
        }
        // stable: equal tokens keep the name order they were filled in, as Alloy's ring breaks ties
        UnsignedRadixSort.sort(t, h, g);
        tokens = t;
        holder = h;
        int[] counts = new int[names.size()];
        for (int id : h) {
            counts[id]++;
        }
        positionsOf = new int[names.size()][];
        for (int id = 0; id < counts.length; id++) {
            positionsOf[id] = new int[counts[id]];
            counts[id] = 0;
        }
        for (int pos = 0; pos < g; pos++) {
            positionsOf[h[pos]][counts[h[pos]]++] = pos;
        }
        arcEnd = new int[g];
        int p = 0;
        for (int k = 0; k < g; k++) {
            while (p < sortedKeys.length && Long.compareUnsigned(sortedKeys[p], t[k]) <= 0) {
                p++;
            }
            arcEnd[k] = p;
        }
    }
}
