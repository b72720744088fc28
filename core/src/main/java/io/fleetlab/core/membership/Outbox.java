package io.fleetlab.core.membership;

import io.fleetlab.core.membership.swim.BroadcastQueue;
import io.fleetlab.core.membership.swim.SwimMath;
import io.fleetlab.core.membership.wire.Message;
import io.fleetlab.core.membership.wire.PacketCodec;
import io.fleetlab.core.membership.wire.SizedMessage;
import io.fleetlab.core.transport.Payload;
import io.fleetlab.core.transport.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Everything leaving the node: frames datagrams with as much queued news piggybacked as fits in
 * the packet size, sends stream messages, and counts the traffic. Frames go to the transport as
 * payloads of exact size ({@link PacketCodec#packet}): a transport of bytes encodes them during the
 * send, one in memory may hand them over as they are.
 */
final class Outbox {
    private static final System.Logger LOG = System.getLogger(Outbox.class.getName());
    private static final int MAX_MESSAGES_PER_PACKET = 255;

    private final String name;
    private final GossipConfig config;
    private final Transport transport;
    private final PacketCodec codec;
    private final BroadcastQueue<SizedMessage> broadcasts;
    private final TrafficCounters traffic;
    private final IntSupplier clusterSize;
    private final List<SizedMessage> bodies = new ArrayList<>();
    private boolean closed;

    Outbox(String name, GossipConfig config, Transport transport, PacketCodec codec, BroadcastQueue<SizedMessage> broadcasts,
            TrafficCounters traffic, IntSupplier clusterSize) {
        this.name = name;
        this.config = config;
        this.transport = transport;
        this.codec = codec;
        this.broadcasts = broadcasts;
        this.traffic = traffic;
        this.clusterSize = clusterSize;
    }

    /** Sends {@code body} with queued news piggybacked. */
    void send(String to, SizedMessage body) {
        bodies.clear();
        bodies.add(body);
        piggybackAndSend(to);
    }

    /** Sends two messages (e.g. a ping and the buddy-system suspicion) with queued news piggybacked. */
    void send(String to, SizedMessage first, SizedMessage second) {
        bodies.clear();
        bodies.add(first);
        bodies.add(second);
        piggybackAndSend(to);
    }

    /** Whether any news is queued (without it a gossip round sends nothing). */
    boolean hasNews() {
        return broadcasts.size() > 0;
    }

    /**
     * Sends only queued news to {@code to} (a gossip round).
     *
     * @return false when nothing was queued
     */
    boolean sendNews(String to) {
        bodies.clear();
        int used = broadcasts.take(budget(0), PacketCodec.COMPOUND_PER_MESSAGE, MAX_MESSAGES_PER_PACKET,
                retransmitLimit(), bodies);
        if (bodies.isEmpty()) {
            return false;
        }
        sendFrame(to, used);
        return true;
    }

    /** Sends {@code m} over the reliable stream; {@code onFailure} (may be null) runs if it cannot be delivered. */
    void sendReliable(String to, Message m, Runnable onFailure) {
        if (closed) {
            return;
        }
        Payload data = codec.stream(m);
        traffic.reliableSent(data.size());
        transport.sendReliable(to, data, () -> {
            LOG.log(System.Logger.Level.DEBUG, "{0}: stream to {1} failed", name, to);
            if (onFailure != null) {
                onFailure.run();
            }
        });
    }

    /** Sends nothing more. */
    void close() {
        closed = true;
    }

    private void piggybackAndSend(String to) {
        int used = 0;
        for (int i = 0; i < bodies.size(); i++) {
            used += bodies.get(i).size() + PacketCodec.COMPOUND_PER_MESSAGE;
        }
        used += broadcasts.take(budget(used), PacketCodec.COMPOUND_PER_MESSAGE, MAX_MESSAGES_PER_PACKET - bodies.size(),
                retransmitLimit(), bodies);
        sendFrame(to, used);
    }

    /** @param used what the bodies cost in the packet: their sizes plus the compound's per-message overhead each */
    private void sendFrame(String to, int used) {
        if (closed) {
            return;
        }
        Payload packet = codec.packet(bodies, used - (long) PacketCodec.COMPOUND_PER_MESSAGE * bodies.size());
        traffic.packetSent(packet.size(), bodies.size());
        transport.sendPacket(to, packet);
    }

    private int budget(int used) {
        return config.maxPacketSize() - codec.frameOverhead() - PacketCodec.COMPOUND_HEADER - used;
    }

    private int retransmitLimit() {
        return SwimMath.retransmitLimit(config.retransmitMult(), clusterSize.getAsInt());
    }
}
