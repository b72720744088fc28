package io.fleetlab.core.membership;

import io.fleetlab.core.membership.wire.Keyring;
import java.time.Duration;
import java.util.Objects;

/**
 * Every tunable of the gossip membership protocol, modelled on memberlist's {@code Config}.
 * Start from a preset ({@link #lan()}, {@link #wan()}, {@link #alloy()}, or by name through
 * {@link GossipPreset}) and change it with {@link #toBuilder()}, or one field with a
 * {@code with...} copy.
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
 * @param rejoinInterval          how often to contact the seeds again (heals partitions); zero
 *                                disables rejoining
 * @param notifyInterval          peer-set listeners hear at most one change per interval
 * @param maxPacketSize           largest datagram sent, in bytes (compound packets stay below it)
 * @param keyring                 keys for authenticated encryption; {@link Keyring#none()} sends
 *                                plaintext
 * @param streamTimeout           memberlist's {@code TCPTimeout}: how long one stream exchange
 *                                (a push-pull, a join's included) may take from dialling to its
 *                                last byte before it counts as failed; the real transport's
 *                                stream deadline is this value
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
        Duration rejoinInterval,
        Duration notifyInterval,
        int maxPacketSize,
        Keyring keyring,
        Duration streamTimeout) {

    /** Smallest packet size that still fits a ping with a full-length node name. */
    public static final int MIN_PACKET_SIZE = 576;

    /** Largest packet size: a datagram's payload with room for the headers. */
    public static final int MAX_PACKET_SIZE = 65_000;

    public GossipConfig {
        positive(probeInterval, "probeInterval");
        positive(probeTimeout, "probeTimeout");
        positive(gossipInterval, "gossipInterval");
        notNegative(pushPullInterval, "pushPullInterval");
        notNegative(gossipToTheDeadTime, "gossipToTheDeadTime");
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
        if (maxPacketSize > MAX_PACKET_SIZE) {
            throw new IllegalArgumentException(
                    "maxPacketSize must be at most " + MAX_PACKET_SIZE + ", got " + maxPacketSize);
        }
    }

    /**
     * memberlist's {@code DefaultLANConfig} (grafana's fork, {@code config.go}), tuned for a local
     * network. Three fields are not memberlist's and follow Alloy in every preset, so that only
     * the protocol's timing differs between presets.
     */
    public static GossipConfig lan() {
        return builder()
                .probeInterval(Duration.ofSeconds(1))        // DefaultLANConfig ProbeInterval: "failure check every second"
                .probeTimeout(Duration.ofMillis(500))        // DefaultLANConfig ProbeTimeout: "reasonable RTT time for LAN"
                .gossipInterval(Duration.ofMillis(200))      // DefaultLANConfig GossipInterval
                .gossipNodes(3)                              // DefaultLANConfig GossipNodes
                .indirectChecks(3)                           // DefaultLANConfig IndirectChecks
                .suspicionMult(4)                            // DefaultLANConfig SuspicionMult
                .suspicionMaxTimeoutMult(6)                  // DefaultLANConfig SuspicionMaxTimeoutMult
                .retransmitMult(4)                           // DefaultLANConfig RetransmitMult
                .pushPullInterval(Duration.ofSeconds(30))    // DefaultLANConfig PushPullInterval (PushPullNodes 1)
                .awarenessMaxMultiplier(8)                   // DefaultLANConfig AwarenessMaxMultiplier
                .gossipToTheDeadTime(Duration.ofSeconds(30)) // DefaultLANConfig GossipToTheDeadTime: "same as push/pull"
                .maxJoinPeers(5)                             // not memberlist's (it joins every address given): Alloy's
                                                             // --cluster.max-join-peers default (alloycli cmd_run.go newAlloyRun)
                .rejoinInterval(Duration.ZERO)               // memberlist never rejoins by itself
                .notifyInterval(Duration.ofSeconds(1))       // not memberlist's: Alloy's stateUpdateMinInterval
                                                             // (internal/service/cluster/cluster.go)
                .maxPacketSize(1400)                         // DefaultLANConfig UDPBufferSize
                .keyring(Keyring.none())                     // DefaultLANConfig SecretKey and Keyring: nil
                .streamTimeout(Duration.ofSeconds(10))       // DefaultLANConfig TCPTimeout
                .build();
    }

    /**
     * memberlist's {@code DefaultWANConfig} (grafana's fork, {@code config.go}): slower and more
     * patient, for links across regions; the fields it does not change are {@link #lan()}'s.
     */
    public static GossipConfig wan() {
        return builder()
                .probeInterval(Duration.ofSeconds(5))        // DefaultWANConfig ProbeInterval
                .probeTimeout(Duration.ofSeconds(3))         // DefaultWANConfig ProbeTimeout
                .gossipInterval(Duration.ofMillis(500))      // DefaultWANConfig GossipInterval
                .gossipNodes(4)                              // DefaultWANConfig GossipNodes: "gossip less frequently,
                                                             // but to an additional node"
                .indirectChecks(3)                           // DefaultLANConfig IndirectChecks (unchanged by WAN)
                .suspicionMult(6)                            // DefaultWANConfig SuspicionMult
                .suspicionMaxTimeoutMult(6)                  // DefaultLANConfig SuspicionMaxTimeoutMult (unchanged)
                .retransmitMult(4)                           // DefaultLANConfig RetransmitMult (unchanged)
                .pushPullInterval(Duration.ofSeconds(60))    // DefaultWANConfig PushPullInterval
                .awarenessMaxMultiplier(8)                   // DefaultLANConfig AwarenessMaxMultiplier (unchanged)
                .gossipToTheDeadTime(Duration.ofSeconds(60)) // DefaultWANConfig GossipToTheDeadTime
                .maxJoinPeers(5)                             // Alloy's --cluster.max-join-peers default, as in lan()
                .rejoinInterval(Duration.ZERO)               // memberlist never rejoins by itself
                .notifyInterval(Duration.ofSeconds(1))       // Alloy's stateUpdateMinInterval, as in lan()
                .maxPacketSize(1400)                         // DefaultLANConfig UDPBufferSize (unchanged)
                .keyring(Keyring.none())                     // no keys, as in lan()
                .streamTimeout(Duration.ofSeconds(30))       // DefaultWANConfig TCPTimeout
                .build();
    }

    /**
     * Grafana Alloy's settings (the default): memberlist's {@code DefaultLANConfig} as ckit
     * ({@code node.go}, {@code NewNode}) overrides it, plus Alloy's own join, rejoin and
     * notification rules.
     */
    public static GossipConfig alloy() {
        return builder()
                .probeInterval(Duration.ofSeconds(5))        // ckit node.go NewNode: mlc.ProbeInterval = 5s
                .probeTimeout(Duration.ofSeconds(2))         // ckit node.go NewNode: mlc.ProbeTimeout = 2s
                .gossipInterval(Duration.ofMillis(200))      // DefaultLANConfig GossipInterval (ckit keeps it)
                .gossipNodes(3)                              // DefaultLANConfig GossipNodes (ckit keeps it)
                .indirectChecks(3)                           // DefaultLANConfig IndirectChecks (ckit keeps it)
                .suspicionMult(4)                            // DefaultLANConfig SuspicionMult (ckit keeps it)
                .suspicionMaxTimeoutMult(6)                  // DefaultLANConfig SuspicionMaxTimeoutMult (ckit keeps it)
                .retransmitMult(4)                           // DefaultLANConfig RetransmitMult (ckit keeps it, and uses
                                                             // it for its own state broadcasts too)
                .pushPullInterval(Duration.ofSeconds(30))    // DefaultLANConfig PushPullInterval (ckit keeps it)
                .awarenessMaxMultiplier(8)                   // DefaultLANConfig AwarenessMaxMultiplier (ckit keeps it)
                .gossipToTheDeadTime(Duration.ofSeconds(30)) // DefaultLANConfig GossipToTheDeadTime (ckit keeps it)
                .maxJoinPeers(5)                             // alloycli cmd_run.go newAlloyRun: clusterMaxJoinPeers 5,
                                                             // picked at random (cluster.go getRandomPeers)
                .rejoinInterval(Duration.ofSeconds(60))      // alloycli cmd_run.go newAlloyRun: clusterRejoinInterval 60s
                .notifyInterval(Duration.ofSeconds(1))       // cluster.go stateUpdateMinInterval: a 1/s token bucket
                .maxPacketSize(1400)                         // DefaultLANConfig UDPBufferSize: ckit raises it to 10 MiB
                                                             // for its HTTP/2 transport; over UDP the LAN value holds
                                                             // (the simulator's ckit transport raises it)
                .keyring(Keyring.none())                     // ckit sets no memberlist keys (it encrypts with TLS)
                .streamTimeout(Duration.ofSeconds(2))        // ckit node.go NewNode: mlc.TCPTimeout = 2s
                .build();
    }

    /** The default configuration, {@link #alloy()}. */
    public static GossipConfig defaults() {
        return alloy();
    }

    /** An empty builder: every field must be set before {@link Builder#build()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's fields, to change some of them. */
    public Builder toBuilder() {
        return new Builder()
                .probeInterval(probeInterval).probeTimeout(probeTimeout).gossipInterval(gossipInterval)
                .gossipNodes(gossipNodes).indirectChecks(indirectChecks).suspicionMult(suspicionMult)
                .suspicionMaxTimeoutMult(suspicionMaxTimeoutMult).retransmitMult(retransmitMult)
                .pushPullInterval(pushPullInterval).awarenessMaxMultiplier(awarenessMaxMultiplier)
                .gossipToTheDeadTime(gossipToTheDeadTime).maxJoinPeers(maxJoinPeers).rejoinInterval(rejoinInterval)
                .notifyInterval(notifyInterval).maxPacketSize(maxPacketSize).keyring(keyring)
                .streamTimeout(streamTimeout);
    }

    public GossipConfig withProbeInterval(Duration v) {
        return toBuilder().probeInterval(v).build();
    }

    public GossipConfig withProbeTimeout(Duration v) {
        return toBuilder().probeTimeout(v).build();
    }

    public GossipConfig withGossipInterval(Duration v) {
        return toBuilder().gossipInterval(v).build();
    }

    public GossipConfig withGossipNodes(int v) {
        return toBuilder().gossipNodes(v).build();
    }

    public GossipConfig withIndirectChecks(int v) {
        return toBuilder().indirectChecks(v).build();
    }

    public GossipConfig withSuspicionMult(int v) {
        return toBuilder().suspicionMult(v).build();
    }

    public GossipConfig withSuspicionMaxTimeoutMult(int v) {
        return toBuilder().suspicionMaxTimeoutMult(v).build();
    }

    public GossipConfig withRetransmitMult(int v) {
        return toBuilder().retransmitMult(v).build();
    }

    public GossipConfig withPushPullInterval(Duration v) {
        return toBuilder().pushPullInterval(v).build();
    }

    public GossipConfig withAwarenessMaxMultiplier(int v) {
        return toBuilder().awarenessMaxMultiplier(v).build();
    }

    public GossipConfig withGossipToTheDeadTime(Duration v) {
        return toBuilder().gossipToTheDeadTime(v).build();
    }

    public GossipConfig withMaxJoinPeers(int v) {
        return toBuilder().maxJoinPeers(v).build();
    }

    public GossipConfig withRejoinInterval(Duration v) {
        return toBuilder().rejoinInterval(v).build();
    }

    public GossipConfig withNotifyInterval(Duration v) {
        return toBuilder().notifyInterval(v).build();
    }

    public GossipConfig withMaxPacketSize(int v) {
        return toBuilder().maxPacketSize(v).build();
    }

    public GossipConfig withStreamTimeout(Duration v) {
        return toBuilder().streamTimeout(v).build();
    }

    public GossipConfig withKeyring(Keyring v) {
        return toBuilder().keyring(v).build();
    }

    /**
     * Collects the fields of a {@link GossipConfig}. Nothing has a default here: a field left
     * unset makes {@link #build()} fail naming it, so a preset cannot forget one.
     */
    public static final class Builder {
        private Duration probeInterval;
        private Duration probeTimeout;
        private Duration gossipInterval;
        private Integer gossipNodes;
        private Integer indirectChecks;
        private Integer suspicionMult;
        private Integer suspicionMaxTimeoutMult;
        private Integer retransmitMult;
        private Duration pushPullInterval;
        private Integer awarenessMaxMultiplier;
        private Duration gossipToTheDeadTime;
        private Integer maxJoinPeers;
        private Duration rejoinInterval;
        private Duration notifyInterval;
        private Integer maxPacketSize;
        private Keyring keyring;
        private Duration streamTimeout;

        private Builder() {}

        public Builder probeInterval(Duration v) {
            probeInterval = v;
            return this;
        }

        public Builder probeTimeout(Duration v) {
            probeTimeout = v;
            return this;
        }

        public Builder gossipInterval(Duration v) {
            gossipInterval = v;
            return this;
        }

        public Builder gossipNodes(int v) {
            gossipNodes = v;
            return this;
        }

        public Builder indirectChecks(int v) {
            indirectChecks = v;
            return this;
        }

        public Builder suspicionMult(int v) {
            suspicionMult = v;
            return this;
        }

        public Builder suspicionMaxTimeoutMult(int v) {
            suspicionMaxTimeoutMult = v;
            return this;
        }

        public Builder retransmitMult(int v) {
            retransmitMult = v;
            return this;
        }

        public Builder pushPullInterval(Duration v) {
            pushPullInterval = v;
            return this;
        }

        public Builder awarenessMaxMultiplier(int v) {
            awarenessMaxMultiplier = v;
            return this;
        }

        public Builder gossipToTheDeadTime(Duration v) {
            gossipToTheDeadTime = v;
            return this;
        }

        public Builder maxJoinPeers(int v) {
            maxJoinPeers = v;
            return this;
        }

        public Builder rejoinInterval(Duration v) {
            rejoinInterval = v;
            return this;
        }

        public Builder notifyInterval(Duration v) {
            notifyInterval = v;
            return this;
        }

        public Builder maxPacketSize(int v) {
            maxPacketSize = v;
            return this;
        }

        public Builder keyring(Keyring v) {
            keyring = v;
            return this;
        }

        public Builder streamTimeout(Duration v) {
            streamTimeout = v;
            return this;
        }

        /**
         * The configuration.
         *
         * @throws NullPointerException     naming the first field left unset
         * @throws IllegalArgumentException naming a field out of range
         */
        public GossipConfig build() {
            return new GossipConfig(
                    Objects.requireNonNull(probeInterval, "probeInterval"),
                    Objects.requireNonNull(probeTimeout, "probeTimeout"),
                    Objects.requireNonNull(gossipInterval, "gossipInterval"),
                    Objects.requireNonNull(gossipNodes, "gossipNodes"),
                    Objects.requireNonNull(indirectChecks, "indirectChecks"),
                    Objects.requireNonNull(suspicionMult, "suspicionMult"),
                    Objects.requireNonNull(suspicionMaxTimeoutMult, "suspicionMaxTimeoutMult"),
                    Objects.requireNonNull(retransmitMult, "retransmitMult"),
                    Objects.requireNonNull(pushPullInterval, "pushPullInterval"),
                    Objects.requireNonNull(awarenessMaxMultiplier, "awarenessMaxMultiplier"),
                    Objects.requireNonNull(gossipToTheDeadTime, "gossipToTheDeadTime"),
                    Objects.requireNonNull(maxJoinPeers, "maxJoinPeers"),
                    Objects.requireNonNull(rejoinInterval, "rejoinInterval"),
                    Objects.requireNonNull(notifyInterval, "notifyInterval"),
                    Objects.requireNonNull(maxPacketSize, "maxPacketSize"),
                    Objects.requireNonNull(keyring, "keyring"),
                    Objects.requireNonNull(streamTimeout, "streamTimeout"));
        }
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
