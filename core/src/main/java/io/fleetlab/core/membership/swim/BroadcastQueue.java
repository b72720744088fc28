package io.fleetlab.core.membership.swim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

/**
 * Messages waiting to be piggybacked on outgoing packets, as memberlist's transmit-limited queue:
 * the least-sent (then newest) go first, each is sent at most the retransmit limit times, and a
 * newer message about a node replaces any older one of the same topic (liveness or peer state).
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

    private static final class Item<B> {
        final Topic topic;
        final String node;
        final B body;
        final int length;
        final long id;
        int transmits;

        Item(Topic topic, String node, B body, int length, long id) {
            this.topic = topic;
            this.node = node;
            this.body = body;
            this.length = length;
            this.id = id;
        }
    }

    private final ToIntFunction<B> length;
    private final TreeSet<Item<B>> queue = new TreeSet<>((a, b) -> a.transmits != b.transmits
            ? Integer.compare(a.transmits, b.transmits) : Long.compare(b.id, a.id));
    private final Map<String, Item<B>> liveness = new HashMap<>();
    private final Map<String, Item<B>> peerState = new HashMap<>();
    private final List<Item<B>> picked = new ArrayList<>();
    private long nextId;

    /** @param length a queued message's length on the wire, in bytes */
    public BroadcastQueue(ToIntFunction<B> length) {
        this.length = length;
    }

    /** Queues {@code body}, replacing the older message on the same topic about {@code node}. */
    public void add(Topic topic, String node, B body) {
        Map<String, Item<B>> index = index(topic);
        Item<B> old = index.remove(node);
        if (old != null) {
            queue.remove(old);
        }
        Item<B> item = new Item<>(topic, node, body, length.applyAsInt(body), nextId++);
        index.put(node, item);
        queue.add(item);
    }

    /**
     * Moves into {@code out} the messages that fit in {@code budget} bytes, each costing its length
     * plus {@code perMessageOverhead}, at most {@code maxCount} of them; messages reaching
     * {@code retransmitLimit} sends leave the queue.
     *
     * @return the bytes used
     */
    public int take(int budget, int perMessageOverhead, int maxCount, int retransmitLimit, List<? super B> out) {
        picked.clear();
        int used = 0;
        for (Item<B> item : queue) {
            if (picked.size() >= maxCount || budget - used < perMessageOverhead + 1) {
                break;
            }
            int cost = item.length + perMessageOverhead;
            if (used + cost <= budget) {
                picked.add(item);
                used += cost;
            }
        }
        for (Item<B> item : picked) {
            out.add(item.body);
            queue.remove(item);
            item.transmits++;
            if (item.transmits >= retransmitLimit) {
                index(item.topic).remove(item.node);
            } else {
                queue.add(item);
            }
        }
        return used;
    }

    /** Whether a message on {@code topic} about {@code node} is still waiting to be sent. */
    public boolean pending(Topic topic, String node) {
        return index(topic).containsKey(node);
    }

    /** Queued messages. */
    public int size() {
        return queue.size();
    }

    /** Drops everything. */
    public void clear() {
        queue.clear();
        liveness.clear();
        peerState.clear();
    }

    private Map<String, Item<B>> index(Topic topic) {
        return topic == Topic.LIVENESS ? liveness : peerState;
    }
}
