package io.fleetlab.simulator.network;

import io.fleetlab.core.transport.Payload;
import io.fleetlab.simulator.engine.NodeScheduler;
import io.fleetlab.simulator.engine.Simulation;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The network between simulated nodes. Every decision (latency, loss, duplication, reordering)
 * draws from the run's one random source, in event order, so a run replays exactly. Packets and
 * streams travel as the {@link TransportKind} says: independent datagrams (memberlist over UDP) or
 * ckit's HTTP/2 connections ({@link CkitHttp2}); messages pass as the {@link MessagePath} says.
 */
public final class SimNetwork {
    private final Simulation simulation;
    private final UniformRandomProvider rng;
    private final Partitions partitions = new Partitions();
    private final Map<String, SimTransport> endpoints = new HashMap<>();
    private final Map<String, Long> slowNanos = new HashMap<>();
    private final TransportKind kind;
    private final TransportCounters counters = new TransportCounters();
    private final CkitHttp2 ckit;
    private final MessagePath path;
    private NetworkConditions conditions;
    private LatencyModel.Sampler latency;

    /** A network of memberlist's UDP datagrams. */
    public SimNetwork(Simulation simulation, UniformRandomProvider rng, NetworkConditions conditions) {
        this(simulation, rng, conditions, TransportKind.MEMBERLIST_UDP);
    }

    public SimNetwork(Simulation simulation, UniformRandomProvider rng, NetworkConditions conditions, TransportKind kind) {
        this(simulation, rng, conditions, kind, MessagePath.DECODED);
    }

    public SimNetwork(Simulation simulation, UniformRandomProvider rng, NetworkConditions conditions, TransportKind kind,
            MessagePath path) {
        this.simulation = simulation;
        this.path = java.util.Objects.requireNonNull(path, "path");
        this.rng = rng;
        this.kind = kind;
        this.ckit = kind == TransportKind.CKIT_HTTP2 ? new CkitHttp2(this, simulation, counters) : null;
        setConditions(conditions);
    }

    public TransportKind kind() {
        return kind;
    }

    public MessagePath path() {
        return path;
    }

    /** What travels for {@code p}: itself, or its bytes when messages pass as bytes. */
    Payload carried(Payload p) {
        return path == MessagePath.BYTES && !(p instanceof Payload.Bytes) ? Payload.of(p.toBytes()) : p;
    }

    /** What the transport did so far. */
    public TransportCounters counters() {
        return counters;
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
        if (ckit != null) {
            ckit.listenerChanged(address);
        }
        return t;
    }

    void detach(SimTransport t) {
        endpoints.remove(t.localAddress(), t);
        if (ckit != null) {
            ckit.listenerChanged(t.localAddress());
            ckit.close(t);
        }
    }

    /** The process listening at {@code address}, or null. */
    SimTransport endpoint(String address) {
        return endpoints.get(address);
    }

    /** Whether one transmission from {@code from} to {@code to} gets through: not cut, not lost. */
    boolean passes(String from, String to) {
        if (partitions.blocked(from, to)) {
            return false;
        }
        return !(conditions.loss() > 0 && rng.nextDouble() < conditions.loss());
    }

    /** Packets waiting in {@code t}'s outgoing queue (ckit; always 0 over UDP). */
    public int queued(SimTransport t) {
        return ckit == null ? 0 : ckit.queued(t);
    }

    /** Extra processing delay on everything {@code node} receives (a slow or overloaded process). */
    public void setSlow(String node, long extraNanos) {
        if (extraNanos <= 0) {
            slowNanos.remove(node);
        } else {
            slowNanos.put(node, extraNanos);
        }
    }

    long delayTo(SimTransport to) {
        long d = latency.sampleNanos();
        if (conditions.reorder() > 0 && rng.nextDouble() < conditions.reorder()) {
            d += latency.sampleNanos();
        }
        Long slow = to == null || slowNanos.isEmpty() ? null : slowNanos.get(to.node());
        return slow == null ? d : d + slow;
    }

    void sendPacket(SimTransport from, String toAddress, Payload packet) {
        if (ckit != null) {
            ckit.sendPacket(from, toAddress, packet);
            return;
        }
        counters.packetsSent++;
        counters.bytesSent += packet.size();
        SimTransport to = endpoints.get(toAddress);
        if (to == null || partitions.blocked(from.node(), to.node())
                || (conditions.loss() > 0 && rng.nextDouble() < conditions.loss())) {
            counters.packetsLost++;
            return;
        }
        int copies = conditions.duplication() > 0 && rng.nextDouble() < conditions.duplication() ? 2 : 1;
        String fromAddress = from.localAddress();
        for (int c = 0; c < copies; c++) {
            simulation.postAfter(delayTo(to), () -> to.receivePacket(fromAddress, packet));
        }
    }

    void sendReliable(SimTransport from, String toAddress, Payload message, Runnable onFailure) {
        counters.bytesSent += message.size();
        if (ckit != null) {
            String fromAddress = from.localAddress();
            ckit.sendReliable(from, toAddress, () -> {
                SimTransport to = endpoints.get(toAddress);
                return to != null && to.receiveReliable(fromAddress, message);
            }, () -> from.fail(onFailure));
            return;
        }
        SimTransport to = endpoints.get(toAddress);
        if (to == null) {
            // Nobody listens: the connection is refused after a round trip.
            long rtt = 2 * latency.sampleNanos();
            simulation.postAfter(rtt, () -> from.fail(onFailure));
            return;
        }
        if (partitions.blocked(from.node(), to.node()) || partitions.blocked(to.node(), from.node())) {
            counters.streamFailures++;
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
}
