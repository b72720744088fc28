package io.fleetlab.bench.gossip;

import io.fleetlab.core.membership.swim.BroadcastQueue.Topic;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Core's {@link io.fleetlab.core.membership.swim.BroadcastQueue} as it was before its tiers became
 * arrays of slot numbers: one object per queued message, each tier a doubly linked list from
 * newest to oldest. Kept as the benchmarks' baseline and as a second reference in
 * {@code BroadcastQueueOrderTest}.
 *
 * @param <B> a queued message as the sender holds it
 */
final class LinkedTierBroadcastQueue<B> {
    private static final class Item<B> {
        final Topic topic;
        final String node;
        /** The caller's row of {@link #node} while the item is indexed by it, else -1 (indexed by name). */
        int row;
        final B body;
        final int length;
        final long id;
        int transmits;
        Item<B> newer;
        Item<B> older;

        Item(Topic topic, String node, int row, B body, int length, long id) {
            this.topic = topic;
            this.node = node;
            this.row = row;
            this.body = body;
            this.length = length;
            this.id = id;
        }
    }

    private final ToIntFunction<B> length;
    /** The newest message of each tier (index: times sent), null for an empty tier. */
    private Item<B>[] heads = newTiers(4);
    /** The oldest message of each tier, null for an empty tier. */
    private Item<B>[] tails = newTiers(4);
    /**
     * A lower bound of the lengths in each tier: the least length linked into it since it was
     * last empty. Once the bytes left are below it (plus the overhead) nothing more of that tier
     * fits, so a take stops looking there instead of passing over every message that is too long.
     */
    private int[] shortest = new int[4];
    private final Index<B> liveness = new Index<>();
    private final Index<B> peerState = new Index<>();
    /** The messages one take picked, in the order it met them. */
    private Item<B>[] picked = newItems(16);
    private int size;
    private long nextId;

    /** @param length a queued message's length on the wire, in bytes */
    public LinkedTierBroadcastQueue(ToIntFunction<B> length) {
        this.length = length;
    }

    /** Queues {@code body}, replacing the older message on the same topic about {@code node}. */
    public void add(Topic topic, String node, B body) {
        Item<B> item = new Item<>(topic, node, -1, body, length.applyAsInt(body), nextId++);
        Item<B> old = index(topic).byName.put(node, item);
        if (old != null) {
            unlink(old);
        }
        // The newest message of all: the head of tier 0.
        linkAfter(0, null, item);
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
        Index<B> index = index(topic);
        Item<B> old = index.at(row);
        if (old != null && old.node != node && !old.node.equals(node)) {
            throw new IllegalStateException("row " + row + " holds news of " + old.node + ", not of " + node
                    + ": let go of without release()?");
        }
        Item<B> item = new Item<>(topic, node, row, body, length.applyAsInt(body), nextId++);
        index.put(row, item);
        if (old != null) {
            unlink(old);
        }
        if (!index.byName.isEmpty()) {
            // news of an earlier row of this node, or added by name
            Item<B> stray = index.byName.remove(node);
            if (stray != null) {
                unlink(stray);
            }
        }
        linkAfter(0, null, item);
    }

    /**
     * The caller no longer numbers the node it gave {@code row} by it (the row may soon be another
     * node's): its message on {@code topic} still queued, if any, is from now on indexed by name.
     */
    public void release(Topic topic, int row) {
        Index<B> index = index(topic);
        Item<B> item = index.put(row, null);
        if (item != null) {
            item.row = -1;
            Item<B> old = index.byName.put(item.node, item);
            if (old != null) {
                unlink(old); // added by name before the row's: the older one
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
    public int take(int budget, int perMessageOverhead, int maxCount, int retransmitLimit, List<? super B> out) {
        int count = 0;
        int used = 0;
        walk:
        for (int tier = 0; tier < heads.length; tier++) {
            for (Item<B> item = heads[tier]; item != null; item = item.older) {
                if (count >= maxCount || budget - used < perMessageOverhead + 1) {
                    break walk;
                }
                if (budget - used < perMessageOverhead + shortest[tier]) {
                    continue walk; // nothing left in this tier fits: the walk would pick none of it
                }
                int cost = item.length + perMessageOverhead;
                if (used + cost <= budget) {
                    if (count == picked.length) {
                        picked = Arrays.copyOf(picked, count * 2);
                    }
                    picked[count++] = item;
                    used += cost;
                }
            }
        }
        // All picked leave their tiers before any enters the next, so the walk above saw the
        // queue as it was and a message moved up is never met twice.
        for (int k = 0; k < count; k++) {
            out.add(picked[k].body);
            unlink(picked[k]);
        }
        // Picked messages come tier by tier, newest first within a tier: each run of one tier is
        // merged into the next tier with a cursor that only moves towards older messages.
        Item<B> cursor = null;
        int cursorTier = -1;
        for (int k = 0; k < count; k++) {
            Item<B> item = picked[k];
            picked[k] = null;
            int tier = item.transmits + 1;
            item.transmits = tier;
            if (tier >= retransmitLimit) {
                index(item.topic).remove(item);
                continue;
            }
            if (tier != cursorTier) {
                cursorTier = tier;
                cursor = null;
            }
            Item<B> after = cursor;
            Item<B> oldest = tier < tails.length ? tails[tier] : null;
            if (oldest != null && oldest.id > item.id) {
                // older than all the tier holds (the usual case: the rest of a burst of news
                // passing tier by tier): its place is the end, found without a walk
                after = oldest;
            } else {
                Item<B> next = after == null ? head(tier) : after.older;
                while (next != null && next.id > item.id) {
                    after = next;
                    next = next.older;
                }
            }
            linkAfter(tier, after, item);
            cursor = item;
        }
        return used;
    }

    /** Whether a message on {@code topic} about {@code node} is still waiting to be sent (a pass over rows). */
    public boolean pending(Topic topic, String node) {
        Index<B> index = index(topic);
        return index.byName.containsKey(node) || index.holdsByRow(node);
    }

    /** As {@link #pending(Topic, String)}, for a node whose news is added with {@code row}. */
    public boolean pending(Topic topic, String node, int row) {
        Index<B> index = index(topic);
        return row >= 0 && index.at(row) != null || index.byName.containsKey(node);
    }

    /** Queued messages. */
    public int size() {
        return size;
    }

    /** Drops everything. */
    public void clear() {
        Arrays.fill(heads, null);
        Arrays.fill(tails, null);
        liveness.clear();
        peerState.clear();
        size = 0;
    }

    private Item<B> head(int tier) {
        return tier < heads.length ? heads[tier] : null;
    }

    /** Links {@code item} into {@code tier} right after {@code after} (null: as its head). */
    private void linkAfter(int tier, Item<B> after, Item<B> item) {
        if (tier >= heads.length) {
            heads = Arrays.copyOf(heads, Math.max(tier + 1, heads.length * 2));
            tails = Arrays.copyOf(tails, heads.length);
            shortest = Arrays.copyOf(shortest, heads.length);
        }
        shortest[tier] = heads[tier] == null ? item.length : Math.min(shortest[tier], item.length);
        item.transmits = tier;
        item.newer = after;
        item.older = after == null ? heads[tier] : after.older;
        if (item.older != null) {
            item.older.newer = item;
        } else {
            tails[tier] = item;
        }
        if (after == null) {
            heads[tier] = item;
        } else {
            after.older = item;
        }
        size++;
    }

    private void unlink(Item<B> item) {
        if (item.newer == null) {
            heads[item.transmits] = item.older;
        } else {
            item.newer.older = item.older;
        }
        if (item.older != null) {
            item.older.newer = item.newer;
        } else {
            tails[item.transmits] = item.newer;
        }
        item.newer = null;
        item.older = null;
        size--;
    }

    private Index<B> index(Topic topic) {
        return topic == Topic.LIVENESS ? liveness : peerState;
    }

    /**
     * The queued message of each node on one topic: by the caller's row, or by name where it gave
     * none. The rows are kept in a small open-addressing table (linear probing, at most half full)
     * sized to the queued messages, not to the rows: rows run to the size of the process's
     * registry, and a table as long as that per topic per node grows with the square of a fleet
     * that shares one registry (10,000 nodes: over a gigabyte of mostly empty arrays).
     */
    private static final class Index<B> {
        private static final int FREE = -1;
        /** The row in each slot, or {@link #FREE}; a power of two long. */
        private int[] rows = freeRows(8);
        private Item<B>[] items = newItems(8);
        private int count;
        final Map<String, Item<B>> byName = new HashMap<>();

        /** The item at {@code row}, or null. */
        Item<B> at(int row) {
            int mask = rows.length - 1;
            for (int k = slot(row, mask); ; k = (k + 1) & mask) {
                int r = rows[k];
                if (r == row) {
                    return items[k];
                }
                if (r == FREE) {
                    return null;
                }
            }
        }

        /** Puts {@code item} (null: none) at {@code row}; returns what was there. */
        Item<B> put(int row, Item<B> item) {
            if (item == null) {
                return removeRow(row);
            }
            int mask = rows.length - 1;
            int k = slot(row, mask);
            for (; rows[k] != FREE; k = (k + 1) & mask) {
                if (rows[k] == row) {
                    Item<B> old = items[k];
                    items[k] = item;
                    return old;
                }
            }
            rows[k] = row;
            items[k] = item;
            if (++count * 2 > rows.length) {
                resize(rows.length * 2);
            }
            return null;
        }

        /** Drops {@code item}, which leaves the queue. */
        void remove(Item<B> item) {
            if (item.row >= 0) {
                removeRow(item.row);
            } else {
                byName.remove(item.node);
            }
        }

        /** Whether an item about {@code node} is held by row (a pass over the held items). */
        boolean holdsByRow(String node) {
            for (Item<B> item : items) {
                if (item != null && item.node.equals(node)) {
                    return true;
                }
            }
            return false;
        }

        void clear() {
            Arrays.fill(rows, FREE);
            Arrays.fill(items, null);
            count = 0;
            byName.clear();
        }

        /** Empties the slot of {@code row}, shifting later slots of its probe run back (no tombstones). */
        private Item<B> removeRow(int row) {
            int mask = rows.length - 1;
            int hole = slot(row, mask);
            while (rows[hole] != row) {
                if (rows[hole] == FREE) {
                    return null;
                }
                hole = (hole + 1) & mask;
            }
            Item<B> old = items[hole];
            for (int j = (hole + 1) & mask; rows[j] != FREE; j = (j + 1) & mask) {
                int home = slot(rows[j], mask);
                // the entry at j may fill the hole when the hole lies on its probe path (home .. j)
                if (((j - home) & mask) >= ((j - hole) & mask)) {
                    rows[hole] = rows[j];
                    items[hole] = items[j];
                    hole = j;
                }
            }
            rows[hole] = FREE;
            items[hole] = null;
            count--;
            return old;
        }

        private void resize(int length) {
            int[] oldRows = rows;
            Item<B>[] oldItems = items;
            rows = freeRows(length);
            items = newItems(length);
            int mask = length - 1;
            for (int i = 0; i < oldRows.length; i++) {
                if (oldRows[i] != FREE) {
                    int k = slot(oldRows[i], mask);
                    while (rows[k] != FREE) {
                        k = (k + 1) & mask;
                    }
                    rows[k] = oldRows[i];
                    items[k] = oldItems[i];
                }
            }
        }

        private static int slot(int row, int mask) {
            int h = row * 0x9E3779B9;
            return (h ^ (h >>> 16)) & mask;
        }

        private static int[] freeRows(int length) {
            int[] rows = new int[length];
            Arrays.fill(rows, FREE);
            return rows;
        }
    }

    @SuppressWarnings("unchecked")
    private static <B> Item<B>[] newTiers(int n) {
        return (Item<B>[]) new Item<?>[n];
    }

    @SuppressWarnings("unchecked")
    private static <B> Item<B>[] newItems(int n) {
        return (Item<B>[]) new Item<?>[n];
    }
}
