package io.fleetlab.bench.gossip;

import io.fleetlab.core.membership.swim.BroadcastQueue.Topic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

/**
 * The broadcast queue as core had it before (main 43fef24): one sorted set of every queued message
 * (fewest sends first, then newest), walked from its start by every take, each sent message removed
 * and put back with its new count. Kept as the baseline {@code BroadcastQueueBench} measures core's
 * {@code BroadcastQueue} against, and as the rule {@code BroadcastQueueOrderTest} holds it to.
 */
final class TreeWalkBroadcastQueue<B> {
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

    TreeWalkBroadcastQueue(ToIntFunction<B> length) {
        this.length = length;
    }

    void add(Topic topic, String node, B body) {
        Map<String, Item<B>> index = index(topic);
        Item<B> old = index.remove(node);
        if (old != null) {
            queue.remove(old);
        }
        Item<B> item = new Item<>(topic, node, body, length.applyAsInt(body), nextId++);
        index.put(node, item);
        queue.add(item);
    }

    int take(int budget, int perMessageOverhead, int maxCount, int retransmitLimit, List<? super B> out) {
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

    boolean pending(Topic topic, String node) {
        return index(topic).containsKey(node);
    }

    int size() {
        return queue.size();
    }

    void clear() {
        queue.clear();
        liveness.clear();
        peerState.clear();
    }

    private Map<String, Item<B>> index(Topic topic) {
        return topic == Topic.LIVENESS ? liveness : peerState;
    }
}
