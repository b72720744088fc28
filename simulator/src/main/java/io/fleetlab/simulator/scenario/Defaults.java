package io.fleetlab.simulator.scenario;

import io.fleetlab.core.cluster.Component;
import io.fleetlab.core.membership.GossipConfig;
import io.fleetlab.core.membership.GossipPreset;
import io.fleetlab.core.ring.HashingAlgorithm;
import io.fleetlab.simulator.network.TransportKind;
import java.time.Duration;

/**
 * Every value a scenario may leave out, in one place, each with where it comes from. The loader
 * fills them in once ({@link ScenarioLoader}); the resolved {@link Scenario} has no nulls, and it
 * is what a result file records as "the scenario as run". Alloy's own settings come from grafana/alloy
 * ({@code internal/service/cluster}, {@code cmd_run.go}), grafana/ckit and grafana's memberlist fork.
 */
public final class Defaults {
    private Defaults() {}

    /** The seed of the run's one random source when the file names none (fleetlab's choice). */
    public static final long SEED = 1;

    /** Agreement and view sizes are sampled every second (fleetlab's choice: fine enough for a 5 s reload tick). */
    public static final Duration SAMPLE_INTERVAL = Duration.ofSeconds(1);

    // ---- fleet

    /** Node names as a StatefulSet named alloy gives its pods: alloy-0, alloy-1, ... */
    public static final String NAME_PATTERN = "alloy-%d";

    /** The real protocol (not the oracle that updates every view at once). */
    public static final String MEMBERSHIP = "gossip";

    /** Alloy's {@code --cluster.wait-for-size}: 0, no waiting (alloy {@code cmd_run.go}). */
    public static final int MIN_CLUSTER_SIZE = 0;

    /** Alloy's {@code --cluster.wait-timeout}: 0, wait forever once a size is set (alloy {@code cmd_run.go}). */
    public static final Duration MIN_CLUSTER_SIZE_TIMEOUT = Duration.ZERO;

    /**
     * Prometheus' scrape manager applies new targets at its next reload tick,
     * {@code DiscoveryReloadInterval}, 5 s unless set (prometheus {@code scrape/manager.go}); Alloy's
     * {@code prometheus.scrape} does not set it.
     */
    public static final Duration SCRAPE_RELOAD_INTERVAL = Component.PROMETHEUS_RELOAD_INTERVAL;

    /** The initial nodes start over 2 s, as a Deployment's pods roughly do (fleetlab's choice). */
    public static final Duration JOIN_SPREAD = Duration.ofSeconds(2);

    /** The initial fleet starts cold and joins through seeds. */
    public static final String START = "cold";

    /** Alloy's gossip settings (ckit {@code node.go} on top of memberlist's {@code DefaultLANConfig}). */
    public static final String GOSSIP_PRESET = GossipPreset.DEFAULT.id();

    /**
     * The values of a gossip field the file leaves out: its preset's, as {@link GossipConfig}
     * writes them field by field with their sources; null for an unknown preset (already a problem).
     */
    public static GossipConfig gossip(String preset) {
        return GossipPreset.ids().contains(preset) ? GossipPreset.of(preset).config() : null;
    }

    // ---- targets

    /** How many targets a synthetic population has (fleetlab's choice: a mid-sized cluster). */
    public static final int TARGET_COUNT = 10_000;

    /** Targets shaped like Kubernetes pod discovery (address, namespace, pod, container, __meta_ labels). */
    public static final String TARGET_SHAPE = "kubernetes-pods";

    /** A target file's format is recognised from its content. */
    public static final String TARGET_FORMAT = "auto";

    // ---- hashing

    /** Alloy's ring: ckit's {@code shard.Ring} as Alloy's cluster service builds it. */
    public static final String ALGORITHM = HashingAlgorithm.DEFAULT.id();

    /** Tokens per node on Alloy's ring (alloy {@code internal/service/cluster}: {@code shard.Ring(512)}). */
    public static final int TOKENS_PER_NODE = 512;

    // ---- network (a quiet LAN; fleetlab's choices unless a source is named)

    public static final String LATENCY_DISTRIBUTION = "log-normal";

    /** Median one-way latency in a data centre. */
    public static final double LATENCY_MEAN_MS = 2.0;

    /** The spread when not given: a quarter of the mean. */
    public static double latencySpreadMs(double meanMs) {
        return meanMs / 4;
    }

    /** Log-normal shape: most packets near the median, a tail of a few times it. */
    public static final double LATENCY_SIGMA = 0.5;

    /** No packet is faster than 50 µs. */
    public static final double LATENCY_MIN_MS = 0.05;

    public static final double LOSS = 0;
    public static final double DUPLICATION = 0;
    public static final double REORDER = 0;

    /**
     * How long a stream to an unreachable peer takes to fail: the preset's memberlist
     * {@code TCPTimeout} (2 s as ckit sets it in {@code NewNode}; 10 s in {@code DefaultLANConfig},
     * 30 s in {@code DefaultWANConfig}); an unknown preset (already a problem) reads as LAN.
     */
    public static Duration streamTimeout(String gossipPreset) {
        GossipPreset preset = GossipPreset.ids().contains(gossipPreset) ? GossipPreset.of(gossipPreset) : GossipPreset.LAN;
        return preset.config().streamTimeout();
    }

    /**
     * Alloy's preset runs over ckit's HTTP/2 transport, as Alloy does; memberlist's own presets
     * over memberlist's UDP transport.
     */
    public static String transport(String gossipPreset) {
        return GossipPreset.ALLOY.id().equals(gossipPreset) ? TransportKind.CKIT_HTTP2.id() : TransportKind.MEMBERLIST_UDP.id();
    }

    // ---- timeline actions

    /** A join without a count starts one node. */
    public static final int JOIN_COUNT = 1;

    /** Nodes of one join, one scale-to, start (or leave) together unless an interval is given. */
    public static final Duration ACTION_INTERVAL = Duration.ZERO;

    /** A restart comes back at once unless a downtime is given. */
    public static final Duration DOWNTIME = Duration.ZERO;

    /** A restart is graceful (SIGTERM, as a rollout does) unless said otherwise. */
    public static final boolean GRACEFUL = true;

    /** A rolling restart restarts one node every 30 s (a rollout with a readiness delay; fleetlab's choice). */
    public static final Duration ROLLING_INTERVAL = Duration.ofSeconds(30);
}
