package io.fleetlab.core.membership;

import io.fleetlab.core.membership.wire.Keyring;
import java.time.Duration;
import java.util.Objects;

/**
 * Every tunable of the gossip membership protocol, modelled on memberlist's {@code Config}.
 * Use a preset ({@link #lan()}, {@link #wan()}, {@link #alloy()}) and adjust it with the
 * {@code with...} copies.
 *
 * @param probeInterval           time between failure-detector probes of one random member
 * @param probeTimeout            how long to wait for a direct ack before asking helpers;
 *                                should be about the 99th percentile of round-trip time
 * @param gossipInterval          time between gossip rounds that flush the broadcast queue
 * @param gossipNodes             fan-out: live (and recently dead) members gossiped to per round
 * @param indirectChecks          helpers asked to ping a member that missed its direct ack
 * @param suspicionMult           suspicion timeout = mult x max(1, log10 N) x probe interval
 * @param suspicionMaxTimeoutMult upper bound of the suspicion timeout, as a multiple of the above
 * @param retransmitMult          a broadcast is sent mult x ceil(log10(N + 1)) times
 * @param pushPullInterval        time between full-state syncs with one random member (scaled
 *                                up above 32 members); zero disables them
 * @param awarenessMaxMultiplier  Lifeguard: the health score's ceiling, which stretches the
 *                                probe interval and timeout up to this factor
 * @param gossipToTheDeadTime     how long dead members still receive gossip, and how long they
 *                                stay in the member table before being reaped
 * @param maxJoinPeers            at most this many seeds, chosen at random, are contacted on join
 * @param joinTimeout             how long a join waits for a seed to answer before bootstrapping
 *                                a cluster of one
 * @param rejoinInterval          how often to contact the seeds again (heals partitions); zero
 *                                disables rejoining
 * @param notifyInterval          peer-set listeners hear at most one change per interval
 * @param maxPacketSize           largest datagram sent, in bytes (compound packets stay below it)
 * @param keyring                 keys for authenticated encryption; {@link Keyring#none()} sends
 *                                plaintext
 * @param streamTimeout           memberlist's {@code TCPTimeout}: how long one push-pull exchange
 *                                (a join's included) may take before it counts as failed
 */
public record GossipConfig(
        Duration probeInterval,
        Duration probeTimeout,
        Duration gossipInterval,
        int gossipNodes,
        int indirectChecks,
        int suspicionMult,
        int suspicionMaxTimeoutMult,
        int retransmitMult,
        Duration pushPullInterval,
        int awarenessMaxMultiplier,
        Duration gossipToTheDeadTime,
        int maxJoinPeers,
        Duration joinTimeout,
        Duration rejoinInterval,
        Duration notifyInterval,
        int maxPacketSize,
        Keyring keyring,
        Duration streamTimeout) {

    /** Smallest packet size that still fits a ping with a full-length node name. */
    public static final int MIN_PACKET_SIZE = 576;

    public GossipConfig {
        positive(probeInterval, "probeInterval");
        positive(probeTimeout, "probeTimeout");
        positive(gossipInterval, "gossipInterval");
        notNegative(pushPullInterval, "pushPullInterval");
        notNegative(gossipToTheDeadTime, "gossipToTheDeadTime");
        positive(joinTimeout, "joinTimeout");
        notNegative(rejoinInterval, "rejoinInterval");
        notNegative(notifyInterval, "notifyInterval");
        Objects.requireNonNull(keyring, "keyring");
        positive(streamTimeout, "streamTimeout");
        atLeast(gossipNodes, 1, "gossipNodes");
        atLeast(indirectChecks, 0, "indirectChecks");
        atLeast(suspicionMult, 1, "suspicionMult");
        atLeast(suspicionMaxTimeoutMult, 1, "suspicionMaxTimeoutMult");
        atLeast(retransmitMult, 1, "retransmitMult");
        atLeast(awarenessMaxMultiplier, 1, "awarenessMaxMultiplier");
        atLeast(maxJoinPeers, 1, "maxJoinPeers");
        atLeast(maxPacketSize, MIN_PACKET_SIZE, "maxPacketSize");
        if (maxPacketSize > 65_000) {
            throw new IllegalArgumentException("maxPacketSize must be at most 65000, got " + maxPacketSize);
        }
    }

    /** memberlist's {@code DefaultLANConfig}: tuned for a local network. */
    public static GossipConfig lan() {
        return new GossipConfig(Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofMillis(200),
                3, 3, 4, 6, 4, Duration.ofSeconds(30), 8, Duration.ofSeconds(30),
                5, Duration.ofSeconds(10), Duration.ZERO, Duration.ofSeconds(1), 1400, Keyring.none(), Duration.ofSeconds(10));
    }

    /** memberlist's {@code DefaultWANConfig}: slower, more patient, for links across regions. */
    public static GossipConfig wan() {
        return new GossipConfig(Duration.ofSeconds(5), Duration.ofSeconds(3), Duration.ofMillis(500),
                4, 3, 6, 6, 4, Duration.ofSeconds(60), 8, Duration.ofSeconds(60),
                5, Duration.ofSeconds(30), Duration.ZERO, Duration.ofSeconds(1), 1400, Keyring.none(), Duration.ofSeconds(30));
    }

    /**
     * Grafana Alloy's settings (the default): memberlist LAN with a 5 s probe interval, 2 s probe
     * timeout and a 2 s stream timeout (ckit {@code node.go} {@code NewNode}), up to 5 join peers,
     * a rejoin every 60 s and one change notification per second (alloy
     * {@code internal/service/cluster/cluster.go}).
     */
    public static GossipConfig alloy() {
        return lan().withProbeInterval(Duration.ofSeconds(5)).withProbeTimeout(Duration.ofSeconds(2))
                .withRejoinInterval(Duration.ofSeconds(60)).withStreamTimeout(Duration.ofSeconds(2));
    }

    /** The default configuration, {@link #alloy()}. */
    public static GossipConfig defaults() {
        return alloy();
    }

    public GossipConfig withProbeInterval(Duration v) {
        return new GossipConfig(v, probeTimeout, gossipInterval, gossipNodes, indirectChecks, suspicionMult,
                suspicionMaxTimeoutMult, retransmitMult, pushPullInterval, awarenessMaxMultiplier,
                gossipToTheDeadTime, maxJoinPeers, joinTimeout, rejoinInterval, notifyInterval, maxPacketSize, keyring, streamTimeout);
    }

    public GossipConfig withProbeTimeout(Duration v) {
        return new GossipConfig(probeInterval, v, gossipInterval, gossipNodes, indirectChecks, suspicionMult,
                suspicionMaxTimeoutMult, retransmitMult, pushPullInterval, awarenessMaxMultiplier,
                gossipToTheDeadTime, maxJoinPeers, joinTimeout, rejoinInterval, notifyInterval, maxPacketSize, keyring, streamTimeout);
    }

    public GossipConfig withGossipInterval(Duration v) {
        return new GossipConfig(probeInterval, probeTimeout, v, gossipNodes, indirectChecks, suspicionMult,
                suspicionMaxTimeoutMult, retransmitMult, pushPullInterval, awarenessMaxMultiplier,
                gossipToTheDeadTime, maxJoinPeers, joinTimeout, rejoinInterval, notifyInterval, maxPacketSize, keyring, streamTimeout);
    }

    public GossipConfig withGossipNodes(int v) {
        return new GossipConfig(probeInterval, probeTimeout, gossipInterval, v, indirectChecks, suspicionMult,
                suspicionMaxTimeoutMult, retransmitMult, pushPullInterval, awarenessMaxMultiplier,
                gossipToTheDeadTime, maxJoinPeers, joinTimeout, rejoinInterval, notifyInterval, maxPacketSize, keyring, streamTimeout);
    }

    public GossipConfig withIndirectChecks(int v) {
        return new GossipConfig(probeInterval, probeTimeout, gossipInterval, gossipNodes, v, suspicionMult,
                suspicionMaxTimeoutMult, retransmitMult, pushPullInterval, awarenessMaxMultiplier,
                gossipToTheDeadTime, maxJoinPeers, joinTimeout, rejoinInterval, notifyInterval, maxPacketSize, keyring, streamTimeout);
    }

    public GossipConfig withSuspicionMult(int v) {
        return new GossipConfig(probeInterval, probeTimeout, gossipInterval, gossipNodes, indirectChecks, v,
                suspicionMaxTimeoutMult, retransmitMult, pushPullInterval, awarenessMaxMultiplier,
                gossipToTheDeadTime, maxJoinPeers, joinTimeout, rejoinInterval, notifyInterval, maxPacketSize, keyring, streamTimeout);
    }

    public GossipConfig withSuspicionMaxTimeoutMult(int v) {
        return new GossipConfig(probeInterval, probeTimeout, gossipInterval, gossipNodes, indirectChecks, suspicionMult,
                v, retransmitMult, pushPullInterval, awarenessMaxMultiplier,
                gossipToTheDeadTime, maxJoinPeers, joinTimeout, rejoinInterval, notifyInterval, maxPacketSize, keyring, streamTimeout);
    }

    public GossipConfig withRetransmitMult(int v) {
        return new GossipConfig(probeInterval, probeTimeout, gossipInterval, gossipNodes, indirectChecks, suspicionMult,
                suspicionMaxTimeoutMult, v, pushPullInterval, awarenessMaxMultiplier,
                gossipToTheDeadTime, maxJoinPeers, joinTimeout, rejoinInterval, notifyInterval, maxPacketSize, keyring, streamTimeout);
    }

    public GossipConfig withPushPullInterval(Duration v) {
        return new GossipConfig(probeInterval, probeTimeout, gossipInterval, gossipNodes, indirectChecks, suspicionMult,
                suspicionMaxTimeoutMult, retransmitMult, v, awarenessMaxMultiplier,
                gossipToTheDeadTime, maxJoinPeers, joinTimeout, rejoinInterval, notifyInterval, maxPacketSize, keyring, streamTimeout);
    }

    public GossipConfig withAwarenessMaxMultiplier(int v) {
        return new GossipConfig(probeInterval, probeTimeout, gossipInterval, gossipNodes, indirectChecks, suspicionMult,
                suspicionMaxTimeoutMult, retransmitMult, pushPullInterval, v,
                gossipToTheDeadTime, maxJoinPeers, joinTimeout, rejoinInterval, notifyInterval, maxPacketSize, keyring, streamTimeout);
    }

    public GossipConfig withGossipToTheDeadTime(Duration v) {
        return new GossipConfig(probeInterval, probeTimeout, gossipInterval, gossipNodes, indirectChecks, suspicionMult,
                suspicionMaxTimeoutMult, retransmitMult, pushPullInterval, awarenessMaxMultiplier,
                v, maxJoinPeers, joinTimeout, rejoinInterval, notifyInterval, maxPacketSize, keyring, streamTimeout);
    }

    public GossipConfig withMaxJoinPeers(int v) {
        return new GossipConfig(probeInterval, probeTimeout, gossipInterval, gossipNodes, indirectChecks, suspicionMult,
                suspicionMaxTimeoutMult, retransmitMult, pushPullInterval, awarenessMaxMultiplier,
                gossipToTheDeadTime, v, joinTimeout, rejoinInterval, notifyInterval, maxPacketSize, keyring, streamTimeout);
    }

    public GossipConfig withJoinTimeout(Duration v) {
        return new GossipConfig(probeInterval, probeTimeout, gossipInterval, gossipNodes, indirectChecks, suspicionMult,
                suspicionMaxTimeoutMult, retransmitMult, pushPullInterval, awarenessMaxMultiplier,
                gossipToTheDeadTime, maxJoinPeers, v, rejoinInterval, notifyInterval, maxPacketSize, keyring, streamTimeout);
    }

    public GossipConfig withRejoinInterval(Duration v) {
        return new GossipConfig(probeInterval, probeTimeout, gossipInterval, gossipNodes, indirectChecks, suspicionMult,
                suspicionMaxTimeoutMult, retransmitMult, pushPullInterval, awarenessMaxMultiplier,
                gossipToTheDeadTime, maxJoinPeers, joinTimeout, v, notifyInterval, maxPacketSize, keyring, streamTimeout);
    }

    public GossipConfig withNotifyInterval(Duration v) {
        return new GossipConfig(probeInterval, probeTimeout, gossipInterval, gossipNodes, indirectChecks, suspicionMult,
                suspicionMaxTimeoutMult, retransmitMult, pushPullInterval, awarenessMaxMultiplier,
                gossipToTheDeadTime, maxJoinPeers, joinTimeout, rejoinInterval, v, maxPacketSize, keyring, streamTimeout);
    }

    public GossipConfig withMaxPacketSize(int v) {
        return new GossipConfig(probeInterval, probeTimeout, gossipInterval, gossipNodes, indirectChecks, suspicionMult,
                suspicionMaxTimeoutMult, retransmitMult, pushPullInterval, awarenessMaxMultiplier,
                gossipToTheDeadTime, maxJoinPeers, joinTimeout, rejoinInterval, notifyInterval, v, keyring, streamTimeout);
    }

    public GossipConfig withStreamTimeout(Duration v) {
        return new GossipConfig(probeInterval, probeTimeout, gossipInterval, gossipNodes, indirectChecks, suspicionMult,
                suspicionMaxTimeoutMult, retransmitMult, pushPullInterval, awarenessMaxMultiplier,
                gossipToTheDeadTime, maxJoinPeers, joinTimeout, rejoinInterval, notifyInterval, maxPacketSize, keyring, v);
    }

    public GossipConfig withKeyring(Keyring v) {
        return new GossipConfig(probeInterval, probeTimeout, gossipInterval, gossipNodes, indirectChecks, suspicionMult,
                suspicionMaxTimeoutMult, retransmitMult, pushPullInterval, awarenessMaxMultiplier,
                gossipToTheDeadTime, maxJoinPeers, joinTimeout, rejoinInterval, notifyInterval, maxPacketSize, v, streamTimeout);
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }

    private static void notNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, got " + d);
        }
    }

    private static void atLeast(int v, int min, String name) {
        if (v < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + v);
        }
    }
}
