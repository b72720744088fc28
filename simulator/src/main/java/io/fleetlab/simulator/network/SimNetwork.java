package io.fleetlab.simulator.network;

import io.fleetlab.simulator.engine.NodeScheduler;
import io.fleetlab.simulator.engine.Simulation;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The network between simulated nodes. Every decision (latency, loss, duplication, reordering)
 * draws from the run's one random source, in event order, so a run replays exactly.
 */
public final class SimNetwork {
    private final Simulation simulation;
    private final UniformRandomProvider rng;
    private final Partitions partitions = new Partitions();
    private final Map<String, SimTransport> endpoints = new HashMap<>();
    private final Map<String, Long> slowNanos = new HashMap<>();
    private NetworkConditions conditions;
    private LatencyModel.Sampler latency;
    private long packetsSent;
    private long packetsDropped;
    private long bytesSent;

    public SimNetwork(Simulation simulation, UniformRandomProvider rng, NetworkConditions conditions) {
        this.simulation = simulation;
        this.rng = rng;
        setConditions(conditions);
    }

    /** Changes the conditions from now on (packets in flight keep theirs). */
    public void setConditions(NetworkConditions conditions) {
        this.conditions = conditions;
        this.latency = conditions.latency().sampler(rng);
    }

    public NetworkConditions conditions() {
        return conditions;
    }

    public Partitions partitions() {
        return partitions;
    }

    /** A transport for node {@code name} listening at {@code address}, delivering on {@code scheduler}. */
    public SimTransport attach(String name, String address, NodeScheduler scheduler) {
        SimTransport t = new SimTransport(this, name, address, scheduler);
        endpoints.put(address, t);
        return t;
    }

    void detach(SimTransport t) {
        endpoints.remove(t.localAddress(), t);
    }

    /** Extra processing delay on everything {@code node} receives (a slow or overloaded process). */
    public void setSlow(String node, long extraNanos) {
        if (extraNanos <= 0) {
            slowNanos.remove(node);
        } else {
            slowNanos.put(node, extraNanos);
        }
    }

    private long delayTo(SimTransport to) {
        long d = latency.sampleNanos();
        if (conditions.reorder() > 0 && rng.nextDouble() < conditions.reorder()) {
            d += latency.sampleNanos();
        }
        Long slow = to == null ? null : slowNanos.get(to.node());
        return slow == null ? d : d + slow;
    }

    void sendPacket(SimTransport from, String toAddress, byte[] packet) {
        packetsSent++;
        bytesSent += packet.length;
        SimTransport to = endpoints.get(toAddress);
        if (to == null || partitions.blocked(from.node(), to.node())
                || (conditions.loss() > 0 && rng.nextDouble() < conditions.loss())) {
            packetsDropped++;
            return;
        }
        int copies = conditions.duplication() > 0 && rng.nextDouble() < conditions.duplication() ? 2 : 1;
        String fromAddress = from.localAddress();
        for (int c = 0; c < copies; c++) {
            simulation.postAfter(delayTo(to), () -> to.receivePacket(fromAddress, packet));
        }
    }

    void sendReliable(SimTransport from, String toAddress, byte[] message, Runnable onFailure) {
        bytesSent += message.length;
        SimTransport to = endpoints.get(toAddress);
        if (to == null) {
            // Nobody listens: the connection is refused after a round trip.
            long rtt = 2 * latency.sampleNanos();
            simulation.postAfter(rtt, () -> from.fail(onFailure));
            return;
        }
        if (partitions.blocked(from.node(), to.node()) || partitions.blocked(to.node(), from.node())) {
            simulation.postAfter(conditions.streamTimeoutNanos(), () -> from.fail(onFailure));
            return;
        }
        // Connection set-up and the message itself: one and a half round trips, lossless (TCP retransmits).
        long delay = 3 * delayTo(to) / 2 + delayTo(to);
        String fromAddress = from.localAddress();
        simulation.postAfter(delay, () -> {
            if (!to.receiveReliable(fromAddress, message)) {
                from.fail(onFailure);
            }
        });
    }

    public long packetsSent() {
        return packetsSent;
    }

    public long packetsDropped() {
        return packetsDropped;
    }

    public long bytesSent() {
        return bytesSent;
    }
}
