package io.fleetlab.simulator.network;

import io.fleetlab.simulator.engine.EventLoop;
import io.fleetlab.simulator.engine.SimScheduler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The simulated network between nodes: latency per message, loss, duplication, reordering and
 * partitions. Nodes are registered by address and keep a stable small id (the same across a
 * restart under the same address) for per-node traffic counters.
 *
 * <p>A partition assigns nodes to groups; traffic between blocked group pairs is dropped at send
 * and at delivery. A two-way partition blocks both directions, a one-way one only from the first
 * side to the others.
 */
public final class SimNetwork {
    private final EventLoop loop;
    private final LatencyModel latency;
    private final UniformRandomProvider rng;
    private NetworkConditions conditions;
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<SimTransport> endpoints = new ArrayList<>();
    private int[] group = new int[16];
    /** blocked[a * groups + b]: traffic from group a to group b is dropped; null when healed. */
    private boolean[] blocked;
    private int groups;
    private long[] messagesSent = new long[16];
    private long[] bytesSent = new long[16];
    private long[] messagesReceived = new long[16];
    private long[] bytesReceived = new long[16];

    public SimNetwork(EventLoop loop, LatencyModel latency, NetworkConditions conditions, UniformRandomProvider rng) {
        this.loop = loop;
        this.latency = latency;
        this.conditions = conditions;
        this.rng = rng;
    }

    /** A new endpoint at {@code address} whose deliveries run on {@code scheduler}. */
    public SimTransport attach(String address, SimScheduler scheduler) {
        int id = idOf(address);
        SimTransport t = new SimTransport(this, address, id, scheduler);
        endpoints.set(id, t);
        return t;
    }

    /** The stable id of an address, assigning one on first sight. */
    public int idOf(String address) {
        Integer id = ids.get(address);
        if (id != null) {
            return id;
        }
        int next = endpoints.size();
        ids.put(address, next);
        endpoints.add(null);
        if (next >= group.length) {
            int cap = group.length * 2;
            group = java.util.Arrays.copyOf(group, cap);
            messagesSent = java.util.Arrays.copyOf(messagesSent, cap);
            bytesSent = java.util.Arrays.copyOf(bytesSent, cap);
            messagesReceived = java.util.Arrays.copyOf(messagesReceived, cap);
            bytesReceived = java.util.Arrays.copyOf(bytesReceived, cap);
        }
        return next;
    }

    public NetworkConditions conditions() {
        return conditions;
    }

    public void setLoss(double loss) {
        conditions = new NetworkConditions(loss, conditions.duplicate(), conditions.reorder(),
                conditions.reorderDelayNanos(), conditions.reliableTimeoutNanos());
    }

    /**
     * Splits the network: each list of addresses becomes a group; addresses not listed stay in
     * group 0 with the first side. Two-way blocks every pair of distinct groups; one-way blocks
     * only traffic from the first side to the others.
     */
    public void partition(List<List<String>> sides, boolean oneWay) {
        heal();
        for (int g = 0; g < sides.size(); g++) {
            for (String a : sides.get(g)) {
                group[idOf(a)] = g;
            }
        }
        groups = sides.size();
        blocked = new boolean[groups * groups];
        for (int a = 0; a < groups; a++) {
            for (int b = 0; b < groups; b++) {
                blocked[a * groups + b] = a != b && (!oneWay || a == 0);
            }
        }
    }

    /** Removes every partition. */
    public void heal() {
        blocked = null;
        groups = 0;
        java.util.Arrays.fill(group, 0);
    }

    boolean blocked(int from, int to) {
        return blocked != null && blocked[group[from] * groups + group[to]];
    }

    SimTransport endpoint(String address) {
        Integer id = ids.get(address);
        return id == null ? null : endpoints.get(id);
    }

    EventLoop loop() {
        return loop;
    }

    long sampleLatency() {
        return latency.sampleNanos();
    }

    UniformRandomProvider rng() {
        return rng;
    }

    void countSent(int id, int bytes) {
        messagesSent[id]++;
        bytesSent[id] += bytes;
    }

    void countReceived(int id, int bytes) {
        messagesReceived[id]++;
        bytesReceived[id] += bytes;
    }

    public long messagesSent(int id) {
        return messagesSent[id];
    }

    public long bytesSent(int id) {
        return bytesSent[id];
    }

    public long messagesReceived(int id) {
        return messagesReceived[id];
    }

    public long bytesReceived(int id) {
        return bytesReceived[id];
    }

    public int addressCount() {
        return endpoints.size();
    }
}
