package io.fleetlab.core.membership.swim;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Messages waiting to be piggybacked on outgoing packets, as memberlist's transmit-limited queue
 * ({@code queue.go}): the least-sent (then newest) go first ({@code limitedBroadcast.Less},
 * {@code TransmitLimitedQueue.GetBroadcasts}), each is sent at most the retransmit limit times
 * ({@code util.go} {@code retransmitLimit}), and a newer message about a node replaces any older one
 * of the same topic, liveness or peer state ({@code queueBroadcast} with named broadcasts).
 *
 * <p>Each queued message lives in a numbered slot: its body, length, id (the order it was queued
 * in), node and row sit in parallel arrays at that number, and a slot is reused once its message
 * has left. The order is held as one tier per send count, each a ring of slot numbers from newest
 * to oldest: news enters at the front of tier 0, a take reads its tiers front to back, and the
 * messages it sends from one tier (newest first) join the next one at its end when they are older
 * than all it holds (the usual case), else are merged into it by id. A take thus reads arrays in
 * order instead of following a pointer per message, and moves no object. A replaced message is
 * only marked gone: its slot number stays in its tier until a take passes it (or the tiers are
 * swept once gone slots outnumber the queued messages), then the slot is free again.
 * A take allocates nothing once its arrays have grown to the queue's working size; the queue lets
 * go of arrays grown past a small size once {@value #QUIET_TAKES} takes in a row found it empty.
 *
 * <p>The message to replace is found by the caller's row of the node where it gives one (a
 * member table's registry index: no name hashed, no map entry made per message), else by name.
 *
 * @param <B> a queued message as the sender holds it (encoded or not); its length comes from the
 *            function given to the constructor
 */
public final class BroadcastQueue<B> {
    /** What a queued message is about; one message per (topic, node) is kept. */
    public enum Topic {
        LIVENESS,
        PEER_STATE
    }

    /** A slot's state: free or gone (replaced, still in a tier until passed), liveness, peer state. */
    private static final byte GONE = 0;
    private static final byte LIVENESS = 1;
    private static final byte PEER_STATE = 2;
    /** Slots and tier rings kept when the queue runs empty; larger ones are let go of. */
    private static final int KEPT_CAPACITY = 64;
    /** Takes in a row finding the queue empty before it lets go of grown arrays (a quiet spell, not a gap between bursts). */
    static final int QUIET_TAKES = 16;
    /** Rings kept aside for tiers that grow. */
    private static final int SPARES = 4;
    private static final int[] EMPTY = new int[0];

    private final ToIntFunction<B> length;

    // the slots, in parallel arrays
    private Object[] bodies = new Object[KEPT_CAPACITY];
    private int[] lengths = new int[KEPT_CAPACITY];
    private long[] ids = new long[KEPT_CAPACITY];
    private String[] nodes = new String[KEPT_CAPACITY];
    /** The caller's row of the slot's node while it is indexed by it, else -1 (indexed by name). */
    private int[] rows = new int[KEPT_CAPACITY];
    private byte[] kinds = new byte[KEPT_CAPACITY];
    /** Slots never used yet start here ... */
    private int unused;
    /** ... and slots freed since are stacked here. */
    private int[] free = new int[KEPT_CAPACITY];
    private int freeCount;

    // the tiers (index: times sent), each a ring of slot numbers, newest first
    private int[][] rings = new int[4][];
    private int[] firsts = new int[4];
    private int[] counts = new int[4];
    /**
     * A lower bound of the lengths in each tier: the least length entered into it since it was
     * last empty. Once the bytes left are below it (plus the overhead) nothing more of that tier
     * fits, so a take stops looking there instead of passing over every message that is too long.
     */
    private int[] shortest = new int[4];
    /**
     * Rings tiers let go of when a take emptied them, for the next tiers that grow: news passes
     * the tiers in batches (a take empties tiers into the next ones), so the batches' rings serve
     * them all instead of every tier keeping a ring as long as the longest batch it held.
     */
    private final int[][] spares = new int[SPARES][];
    private int spareCount;
    /** Takes in a row that found the queue empty. */
    private int quietTakes;

    private final Index liveness = new Index();
    private final Index peerState = new Index();
    /** The slots one take picked, in the order it met them, and the tier each came from. */
    private int[] picked = new int[16];
    private int[] pickedFrom = new int[16];
    /** What one tier's walk passed over, and a merge's copy of a tier. */
    private int[] scratch = new int[16];
    private int size;
    /** Gone slots still in a tier. */
    private int gone;
    private long nextId;

    /** @param length a queued message's length on the wire, in bytes */
    public BroadcastQueue(ToIntFunction<B> length) {
        this.length = length;
        Arrays.fill(rings, EMPTY);
    }

    /** Queues {@code body}, replacing the older message on the same topic about {@code node}. */
    public void add(Topic topic, String node, B body) {
        int len = length.applyAsInt(body);
        int slot = fill(topic, node, -1, body, len);
        Integer old = index(topic).byName.put(node, slot);
        if (old != null) {
            drop(old);
        }
        enterAsNewest(slot);
    }

    /**
     * As {@link #add(Topic, String, Object)}, the message indexed by {@code row} instead of by
     * name: a number the caller gives {@code node} (say, its name's index in a registry) and keeps
     * for it until {@link #release}, adding every message about {@code node} on {@code topic}
     * with it meanwhile. The message it replaces is then found without hashing the name. (News
     * of a node added by name is replaced by news added with a row, not the other way round.)
     *
     * @throws IllegalStateException when {@code row} holds another node's message: a row let go
     *                               of without {@link #release}
     */
    public void add(Topic topic, String node, int row, B body) {
        if (row < 0) {
            throw new IllegalArgumentException("row " + row + " for " + node);
        }
        Index index = index(topic);
        int old = index.at(row);
        if (old >= 0 && nodes[old] != node && !nodes[old].equals(node)) {
            throw new IllegalStateException("row " + row + " holds news of " + nodes[old] + ", not of " + node
                    + ": let go of without release()?");
        }
        int len = length.applyAsInt(body);
        int slot = fill(topic, node, row, body, len);
        index.put(row, slot);
        if (old >= 0) {
            drop(old);
        }
        if (!index.byName.isEmpty()) {
            // news of an earlier row of this node, or added by name
            Integer stray = index.byName.remove(node);
            if (stray != null) {
                drop(stray);
            }
        }
        enterAsNewest(slot);
    }

    /**
     * The caller no longer numbers the node it gave {@code row} by it (the row may soon be another
     * node's): its message on {@code topic} still queued, if any, is from now on indexed by name.
     */
    public void release(Topic topic, int row) {
        Index index = index(topic);
        int slot = index.removeRow(row);
        if (slot >= 0) {
            rows[slot] = -1;
            Integer old = index.byName.put(nodes[slot], slot);
            if (old != null) {
                drop(old); // added by name before the row's: the older one
            }
        }
    }

    /**
     * Moves into {@code out} the messages that fit in {@code budget} bytes, each costing its length
     * plus {@code perMessageOverhead}, at most {@code maxCount} of them; messages reaching
     * {@code retransmitLimit} sends leave the queue. Messages are looked at least-sent first, newest
     * first among equally sent; one that does not fit is passed over for the next.
     *
     * @return the bytes used
     */
    @SuppressWarnings("unchecked")
    public int take(int budget, int perMessageOverhead, int maxCount, int retransmitLimit, List<? super B> out) {
        if (size == 0 && gone == 0) {
            // empty at so many takes in a row (probes finding nothing to piggyback): a quiet
            // spell, not just a gap between bursts of news, to let go of grown arrays
            if (++quietTakes == QUIET_TAKES) {
                shrink();
            }
            return 0;
        }
        int count = 0;
        int used = 0;
        // All picked leave their tiers before any enters the next, so the walk sees the queue as
        // it was and a message moved up is never met twice.
        for (int tier = 0; tier < rings.length; tier++) {
            int n = counts[tier];
            if (n == 0) {
                continue;
            }
            int[] ring = rings[tier];
            int mask = ring.length - 1;
            int first = firsts[tier];
            int least = perMessageOverhead + shortest[tier];
            int walked = 0;
            int kept = 0;
            boolean full = false;
            for (; walked < n; walked++) {
                if (count >= maxCount || budget - used < perMessageOverhead + 1) {
                    full = true;
                    break;
                }
                if (budget - used < least) {
                    break; // nothing left in this tier fits: the walk would pick none of it
                }
                int slot = ring[(first + walked) & mask];
                if (kinds[slot] == GONE) {
                    gone--;
                    release(slot);
                    continue;
                }
                int cost = lengths[slot] + perMessageOverhead;
                if (used + cost <= budget) {
                    if (count == picked.length) {
                        picked = Arrays.copyOf(picked, count * 2);
                        pickedFrom = Arrays.copyOf(pickedFrom, count * 2);
                    }
                    picked[count] = slot;
                    pickedFrom[count++] = tier;
                    used += cost;
                } else {
                    if (kept == scratch.length) {
                        scratch = Arrays.copyOf(scratch, kept * 2);
                    }
                    scratch[kept++] = slot;
                }
            }
            // what was passed over closes up against the part not walked, in its order
            for (int k = kept - 1, at = first + walked - 1; k >= 0; k--, at--) {
                ring[at & mask] = scratch[k];
            }
            firsts[tier] = (first + walked - kept) & mask;
            counts[tier] = n - walked + kept;
            if (counts[tier] == 0 && ring.length > KEPT_CAPACITY) {
                keepSpare(ring);
                rings[tier] = EMPTY;
                firsts[tier] = 0;
            }
            if (full) {
                break;
            }
        }
        for (int k = 0; k < count; k++) {
            out.add((B) bodies[picked[k]]);
        }
        // Picked messages come tier by tier, newest first within a tier: each tier's run joins
        // the next tier as a whole.
        for (int start = 0; start < count; ) {
            int from = pickedFrom[start];
            int end = start + 1;
            while (end < count && pickedFrom[end] == from) {
                end++;
            }
            int tier = from + 1;
            if (tier >= retransmitLimit) {
                for (int k = start; k < end; k++) {
                    int slot = picked[k];
                    index(kinds[slot]).remove(nodes[slot], rows[slot]);
                    size--;
                    release(slot);
                }
            } else {
                enterOlder(tier, start, end);
            }
            start = end;
        }
        return used;
    }

    /** Whether a message on {@code topic} about {@code node} is still waiting to be sent (a pass over rows). */
    public boolean pending(Topic topic, String node) {
        Index index = index(topic);
        return index.byName.containsKey(node) || index.holdsByRow(node, nodes);
    }

    /** As {@link #pending(Topic, String)}, for a node whose news is added with {@code row}. */
    public boolean pending(Topic topic, String node, int row) {
        Index index = index(topic);
        return row >= 0 && index.at(row) >= 0 || index.byName.containsKey(node);
    }

    /** Queued messages. */
    public int size() {
        return size;
    }

    /** Drops everything. */
    public void clear() {
        Arrays.fill(counts, 0);
        liveness.clear();
        peerState.clear();
        size = 0;
        gone = 0;
        freeCount = 0;
        Arrays.fill(bodies, 0, unused, null);
        Arrays.fill(nodes, 0, unused, null);
        Arrays.fill(kinds, 0, unused, GONE);
        unused = 0;
        shrink();
    }

    /** Slots in use, gone or queued (for tests). */
    int slotsInUse() {
        return unused - freeCount;
    }

    /** Arrays grown past the kept size: slots, rings, the spare ring, the indexes' tables (for tests). */
    int grownArrays() {
        int grown = (bodies.length > KEPT_CAPACITY ? 1 : 0) + spareCount + liveness.grown() + peerState.grown();
        for (int[] ring : rings) {
            grown += ring.length > KEPT_CAPACITY ? 1 : 0;
        }
        return grown;
    }

    /** A free slot holding the message, its id the next one. */
    private int fill(Topic topic, String node, int row, B body, int len) {
        int slot;
        if (freeCount > 0) {
            slot = free[--freeCount];
        } else {
            if (unused == bodies.length) {
                growSlots();
            }
            slot = unused++;
        }
        quietTakes = 0;
        bodies[slot] = body;
        lengths[slot] = len;
        ids[slot] = nextId++;
        nodes[slot] = node;
        rows[slot] = row;
        kinds[slot] = topic == Topic.LIVENESS ? LIVENESS : PEER_STATE;
        size++;
        return slot;
    }

    /** A replaced message: gone from the queue, its slot left in its tier until a take passes it. */
    private void drop(int slot) {
        kinds[slot] = GONE;
        bodies[slot] = null;
        nodes[slot] = null;
        size--;
        gone++;
        if (gone > KEPT_CAPACITY && gone > size) {
            sweep();
        }
    }

    /** Frees a slot out of every tier and index. */
    private void release(int slot) {
        kinds[slot] = GONE;
        bodies[slot] = null;
        nodes[slot] = null;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, free.length * 2);
        }
        free[freeCount++] = slot;
    }

    /** News: the newest message of all, at the front of tier 0. */
    private void enterAsNewest(int slot) {
        int n = counts[0];
        if (n == rings[0].length) {
            growRing(0, n + 1);
        }
        int[] ring = rings[0];
        int first = (firsts[0] - 1) & (ring.length - 1);
        ring[first] = slot;
        firsts[0] = first;
        counts[0] = n + 1;
        shortest[0] = n == 0 ? lengths[slot] : Math.min(shortest[0], lengths[slot]);
    }

    /** Enters {@code picked[start..end)} (newest first) into {@code tier}, keeping it newest first. */
    private void enterOlder(int tier, int start, int end) {
        if (tier >= rings.length) {
            int grown = Math.max(tier + 1, rings.length * 2);
            int old = rings.length;
            rings = Arrays.copyOf(rings, grown);
            Arrays.fill(rings, old, grown, EMPTY);
            firsts = Arrays.copyOf(firsts, grown);
            counts = Arrays.copyOf(counts, grown);
            shortest = Arrays.copyOf(shortest, grown);
        }
        int n = counts[tier];
        int added = end - start;
        if (n + added > rings[tier].length) {
            growRing(tier, n + added);
        }
        int[] ring = rings[tier];
        int mask = ring.length - 1;
        int first = firsts[tier];
        int least = n == 0 ? Integer.MAX_VALUE : shortest[tier];
        for (int k = start; k < end; k++) {
            least = Math.min(least, lengths[picked[k]]);
        }
        shortest[tier] = least;
        counts[tier] = n + added;
        if (n == 0 || ids[ring[(first + n - 1) & mask]] > ids[picked[start]]) {
            // older than all the tier holds (the usual case: a burst of news passing tier by
            // tier): the run goes to the end as it is
            for (int k = start; k < end; k++) {
                ring[(first + n++) & mask] = picked[k];
            }
            return;
        }
        // merge by id, newest first: the tier's slots are copied aside and merged back
        if (scratch.length < n) {
            scratch = new int[Math.max(n, scratch.length * 2)];
        }
        for (int k = 0; k < n; k++) {
            scratch[k] = ring[(first + k) & mask];
        }
        int a = 0;
        int b = start;
        for (int at = 0; at < n + added; at++) {
            int next;
            if (b == end || a < n && ids[scratch[a]] > ids[picked[b]]) {
                next = scratch[a++];
            } else {
                next = picked[b++];
            }
            ring[(first + at) & mask] = next;
        }
    }

    /** Rings are powers of two long, the first one 16. */
    private void growRing(int tier, int atLeast) {
        int[] ring = rings[tier];
        int[] grown = takeSpare(atLeast);
        if (grown == null) {
            grown = new int[Math.max(16, Integer.highestOneBit(Math.max(1, atLeast - 1)) << 1)];
        }
        int n = counts[tier];
        int mask = ring.length - 1;
        for (int k = 0; k < n; k++) {
            grown[k] = ring[(firsts[tier] + k) & mask];
        }
        rings[tier] = grown;
        firsts[tier] = 0;
    }

    /** Keeps an emptied tier's ring aside, in place of a shorter one when all places are taken. */
    private void keepSpare(int[] ring) {
        if (spareCount < SPARES) {
            spares[spareCount++] = ring;
            return;
        }
        int shortest = 0;
        for (int k = 1; k < SPARES; k++) {
            if (spares[k].length < spares[shortest].length) {
                shortest = k;
            }
        }
        if (spares[shortest].length < ring.length) {
            spares[shortest] = ring;
        }
    }

    /** The shortest ring kept aside holding {@code atLeast} slots, taken out of the spares; null for none. */
    private int[] takeSpare(int atLeast) {
        int best = -1;
        for (int k = 0; k < spareCount; k++) {
            if (spares[k].length >= atLeast && (best < 0 || spares[k].length < spares[best].length)) {
                best = k;
            }
        }
        if (best < 0) {
            return null;
        }
        int[] ring = spares[best];
        spares[best] = spares[--spareCount];
        spares[spareCount] = null;
        return ring;
    }

    private void growSlots() {
        int length = bodies.length * 2;
        bodies = Arrays.copyOf(bodies, length);
        lengths = Arrays.copyOf(lengths, length);
        ids = Arrays.copyOf(ids, length);
        nodes = Arrays.copyOf(nodes, length);
        rows = Arrays.copyOf(rows, length);
        kinds = Arrays.copyOf(kinds, length);
    }

    /** Takes every gone slot out of its tier, keeping the order of the rest. */
    private void sweep() {
        for (int tier = 0; tier < rings.length; tier++) {
            int n = counts[tier];
            int[] ring = rings[tier];
            int mask = ring.length - 1;
            int first = firsts[tier];
            int kept = 0;
            for (int k = 0; k < n; k++) {
                int slot = ring[(first + k) & mask];
                if (kinds[slot] == GONE) {
                    release(slot);
                } else {
                    ring[(first + kept++) & mask] = slot;
                }
            }
            counts[tier] = kept;
        }
        gone = 0;
    }

    /** With nothing queued and no gone slot left in a tier (every slot free): lets go of arrays grown past the kept size. */
    private void shrink() {
        Arrays.fill(spares, null);
        spareCount = 0;
        for (int tier = 0; tier < rings.length; tier++) {
            if (rings[tier].length > KEPT_CAPACITY) {
                rings[tier] = EMPTY;
            }
            firsts[tier] = 0;
        }
        // every slot is free: numbering starts again from 0
        unused = 0;
        freeCount = 0;
        if (bodies.length > KEPT_CAPACITY) {
            bodies = new Object[KEPT_CAPACITY];
            lengths = new int[KEPT_CAPACITY];
            ids = new long[KEPT_CAPACITY];
            nodes = new String[KEPT_CAPACITY];
            rows = new int[KEPT_CAPACITY];
            kinds = new byte[KEPT_CAPACITY];
            free = new int[KEPT_CAPACITY];
        }
        liveness.shrink();
        peerState.shrink();
    }

    private Index index(Topic topic) {
        return topic == Topic.LIVENESS ? liveness : peerState;
    }

    private Index index(byte kind) {
        return kind == LIVENESS ? liveness : peerState;
    }

    /**
     * The queued message (its slot) of each node on one topic: by the caller's row, or by name
     * where it gave none. The rows are kept in a small open-addressing table (linear probing, at
     * most half full) sized to the queued messages, not to the rows: rows run to the size of the
     * process's registry, and a table as long as that per topic per node grows with the square of
     * a fleet that shares one registry (10,000 nodes: over a gigabyte of mostly empty arrays).
     */
    private static final class Index {
        private static final int FREE = -1;
        private static final int INITIAL = 8;
        /** The row in each place, or {@link #FREE}; a power of two long. */
        private int[] rows = freeRows(INITIAL);
        private int[] slots = new int[INITIAL];
        private int count;
        final Map<String, Integer> byName = new HashMap<>();

        /** The slot at {@code row}, or -1. */
        int at(int row) {
            int mask = rows.length - 1;
            for (int k = place(row, mask); ; k = (k + 1) & mask) {
                int r = rows[k];
                if (r == row) {
                    return slots[k];
                }
                if (r == FREE) {
                    return -1;
                }
            }
        }

        /** Puts {@code slot} at {@code row}. */
        void put(int row, int slot) {
            int mask = rows.length - 1;
            int k = place(row, mask);
            for (; rows[k] != FREE; k = (k + 1) & mask) {
                if (rows[k] == row) {
                    slots[k] = slot;
                    return;
                }
            }
            rows[k] = row;
            slots[k] = slot;
            if (++count * 2 > rows.length) {
                resize(rows.length * 2);
            }
        }

        /** Drops the slot about {@code node}, at {@code row} or (-1) by name, which leaves the queue. */
        void remove(String node, int row) {
            if (row >= 0) {
                removeRow(row);
            } else {
                byName.remove(node);
            }
        }

        /** Whether a slot about {@code node} is held by row (a pass over the held slots). */
        boolean holdsByRow(String node, String[] nodes) {
            for (int k = 0; k < rows.length; k++) {
                if (rows[k] != FREE && node.equals(nodes[slots[k]])) {
                    return true;
                }
            }
            return false;
        }

        void clear() {
            Arrays.fill(rows, FREE);
            count = 0;
            byName.clear();
        }

        int grown() {
            return rows.length > KEPT_CAPACITY ? 1 : 0;
        }

        /** With nothing indexed: lets go of a table grown past the kept size. */
        void shrink() {
            if (rows.length > KEPT_CAPACITY) {
                rows = freeRows(INITIAL);
                slots = new int[INITIAL];
            }
        }

        /** Empties the place of {@code row}, shifting later places of its probe run back (no tombstones); returns its slot or -1. */
        int removeRow(int row) {
            int mask = rows.length - 1;
            int hole = place(row, mask);
            while (rows[hole] != row) {
                if (rows[hole] == FREE) {
                    return -1;
                }
                hole = (hole + 1) & mask;
            }
            int old = slots[hole];
            for (int j = (hole + 1) & mask; rows[j] != FREE; j = (j + 1) & mask) {
                int home = place(rows[j], mask);
                // the entry at j may fill the hole when the hole lies on its probe path (home .. j)
                if (((j - home) & mask) >= ((j - hole) & mask)) {
                    rows[hole] = rows[j];
                    slots[hole] = slots[j];
                    hole = j;
                }
            }
            rows[hole] = FREE;
            count--;
            return old;
        }

        private void resize(int length) {
            int[] oldRows = rows;
            int[] oldSlots = slots;
            rows = freeRows(length);
            slots = new int[length];
            int mask = length - 1;
            for (int i = 0; i < oldRows.length; i++) {
                if (oldRows[i] != FREE) {
                    int k = place(oldRows[i], mask);
                    while (rows[k] != FREE) {
                        k = (k + 1) & mask;
                    }
                    rows[k] = oldRows[i];
                    slots[k] = oldSlots[i];
                }
            }
        }

        private static int place(int row, int mask) {
            int h = row * 0x9E3779B9;
            return (h ^ (h >>> 16)) & mask;
        }

        private static int[] freeRows(int length) {
            int[] rows = new int[length];
            Arrays.fill(rows, FREE);
            return rows;
        }
    }
}
