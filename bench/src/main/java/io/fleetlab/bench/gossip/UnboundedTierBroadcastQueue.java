package io.fleetlab.bench.gossip;

import io.fleetlab.core.membership.swim.BroadcastQueue.Topic;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Core's {@link io.fleetlab.core.membership.swim.BroadcastQueue} as it was before a take knew a
 * lower bound of each tier's lengths and each tier's oldest message: once the packet is nearly
 * full it passes over every queued message that does not fit, and a sent message older than all of
 * the next tier walks that whole tier to its end. Kept as the baseline of
 * {@link BroadcastQueueBench}; same order and limits.
 *
 * @param <B> a queued message
 */
final class UnboundedTierBroadcastQueue<B> {
    private static final class Item<B> {
        final Topic topic;
        final String node;
        final B body;
        final int length;
        final long id;
        int transmits;
        Item<B> newer;
        Item<B> older;

        Item(Topic topic, String node, B body, int length, long id) {
            this.topic = topic;
            this.node = node;
            this.body = body;
            this.length = length;
            this.id = id;
        }
    }

    private final ToIntFunction<B> length;
    /** The newest message of each tier (index: times sent), null for an empty tier. */
    private Item<B>[] heads = newTiers(4);
    private final Map<String, Item<B>> liveness = new HashMap<>();
    private final Map<String, Item<B>> peerState = new HashMap<>();
    /** The messages one take picked, in the order it met them. */
    private Item<B>[] picked = newItems(16);
    private int size;
    private long nextId;

    /** @param length a queued message's length on the wire, in bytes */
    UnboundedTierBroadcastQueue(ToIntFunction<B> length) {
        this.length = length;
    }

    /** Queues {@code body}, replacing the older message on the same topic about {@code node}. */
    public void add(Topic topic, String node, B body) {
        Item<B> item = new Item<>(topic, node, body, length.applyAsInt(body), nextId++);
        Item<B> old = index(topic).put(node, item);
        if (old != null) {
            unlink(old);
        }
        // The newest message of all: the head of tier 0.
        linkAfter(0, null, item);
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
                index(item.topic).remove(item.node);
                continue;
            }
            if (tier != cursorTier) {
                cursorTier = tier;
                cursor = null;
            }
            Item<B> after = cursor;
            Item<B> next = after == null ? head(tier) : after.older;
            while (next != null && next.id > item.id) {
                after = next;
                next = next.older;
            }
            linkAfter(tier, after, item);
            cursor = item;
        }
        return used;
    }

    /** Whether a message on {@code topic} about {@code node} is still waiting to be sent. */
    public boolean pending(Topic topic, String node) {
        return index(topic).containsKey(node);
    }

    /** Queued messages. */
    public int size() {
        return size;
    }

    /** Drops everything. */
    public void clear() {
        Arrays.fill(heads, null);
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
        }
        item.transmits = tier;
        item.newer = after;
        item.older = after == null ? heads[tier] : after.older;
        if (item.older != null) {
            item.older.newer = item;
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
        }
        item.newer = null;
        item.older = null;
        size--;
    }

    private Map<String, Item<B>> index(Topic topic) {
        return topic == Topic.LIVENESS ? liveness : peerState;
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
