package io.fleetlab.core.membership;

import java.util.EnumMap;
import java.util.Map;

/**
 * What one node sent and received: datagrams and reliable (stream) messages, with their sizes as
 * they went on the wire, plus rejected input by reason. Counters only grow; read them on the
 * scheduler's thread (or accept slightly stale values from another thread).
 */
public final class TrafficCounters {
    private long packetsSent;
    private long packetBytesSent;
    private long packetsReceived;
    private long packetBytesReceived;
    private long reliableSent;
    private long reliableBytesSent;
    private long reliableReceived;
    private long reliableBytesReceived;
    private long messagesSent;
    private long messagesReceived;
    private long probes;
    private long gossipRounds;
    private long pushPulls;
    private final long[] rejected = new long[RejectReason.values().length];

    /** Counts one failure-detector probe started. */
    void probeStarted() {
        probes++;
    }

    /** Counts one gossip round. */
    void gossipRound() {
        gossipRounds++;
    }

    /** Counts one periodic push-pull started. */
    void pushPullStarted() {
        pushPulls++;
    }

    /** Failure-detector probes started. */
    public long probes() {
        return probes;
    }

    /** Gossip rounds run. */
    public long gossipRounds() {
        return gossipRounds;
    }

    /** Periodic push-pull exchanges started (joins not included). */
    public long pushPulls() {
        return pushPulls;
    }

    /** Counts one datagram of {@code bytes} bytes carrying {@code messages} messages sent. */
    void packetSent(int bytes, int messages) {
        packetsSent++;
        packetBytesSent += bytes;
        messagesSent += messages;
    }

    /** Counts one datagram received. */
    void packetReceived(int bytes) {
        packetsReceived++;
        packetBytesReceived += bytes;
    }

    /** Counts one reliable message sent. */
    void reliableSent(int bytes) {
        reliableSent++;
        reliableBytesSent += bytes;
        messagesSent++;
    }

    /** Counts one reliable message received. */
    void reliableReceived(int bytes) {
        reliableReceived++;
        reliableBytesReceived += bytes;
    }

    /** Counts one protocol message decoded and handled. */
    void messageReceived() {
        messagesReceived++;
    }

    /** Counts one rejected input. */
    void countRejected(RejectReason reason) {
        rejected[reason.ordinal()]++;
    }

    public long packetsSent() {
        return packetsSent;
    }

    public long packetBytesSent() {
        return packetBytesSent;
    }

    public long packetsReceived() {
        return packetsReceived;
    }

    public long packetBytesReceived() {
        return packetBytesReceived;
    }

    public long reliableSent() {
        return reliableSent;
    }

    public long reliableBytesSent() {
        return reliableBytesSent;
    }

    public long reliableReceived() {
        return reliableReceived;
    }

    public long reliableBytesReceived() {
        return reliableBytesReceived;
    }

    /** Protocol messages sent (a compound packet counts each message it carries). */
    public long messagesSent() {
        return messagesSent;
    }

    /** Protocol messages received and accepted. */
    public long messagesReceived() {
        return messagesReceived;
    }

    /** All bytes sent, datagrams and streams. */
    public long bytesSent() {
        return packetBytesSent + reliableBytesSent;
    }

    /** All bytes received, datagrams and streams. */
    public long bytesReceived() {
        return packetBytesReceived + reliableBytesReceived;
    }

    /** Inputs rejected for {@code reason}. */
    public long rejected(RejectReason reason) {
        return rejected[reason.ordinal()];
    }

    /** All rejected inputs. */
    public long rejectedTotal() {
        long sum = 0;
        for (long r : rejected) {
            sum += r;
        }
        return sum;
    }

    /** A copy of the rejection counts, by reason (reasons never seen are absent). */
    public Map<RejectReason, Long> rejectedByReason() {
        Map<RejectReason, Long> out = new EnumMap<>(RejectReason.class);
        for (RejectReason r : RejectReason.values()) {
            if (rejected[r.ordinal()] > 0) {
                out.put(r, rejected[r.ordinal()]);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "TrafficCounters[packetsSent=" + packetsSent + ", packetBytesSent=" + packetBytesSent
                + ", packetsReceived=" + packetsReceived + ", packetBytesReceived=" + packetBytesReceived
                + ", reliableSent=" + reliableSent + ", reliableBytesSent=" + reliableBytesSent
                + ", reliableReceived=" + reliableReceived + ", reliableBytesReceived=" + reliableBytesReceived
                + ", rejected=" + rejectedByReason() + "]";
    }
}
