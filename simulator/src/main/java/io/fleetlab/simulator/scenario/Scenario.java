package io.fleetlab.simulator.scenario;

import java.time.Duration;
import java.util.List;

/**
 * One story to simulate, as written in {@code scenarios/*.json}.
 *
 * @param version        schema version, {@value #VERSION}
 * @param name           short name used in reports and result file names
 * @param description    what the story shows
 * @param seed           the seed of the run's one random source
 * @param duration       simulated time to run
 * @param sampleInterval how often agreement and view sizes are sampled
 * @param fleet          the nodes at the start and how they gossip
 * @param targets        the targets every node discovers
 * @param hashing        the ring (or the algorithms to compare)
 * @param network        latency and faults of the network
 * @param timeline       actions in time order
 */
public record Scenario(
        Integer version,
        String name,
        String description,
        Long seed,
        Duration duration,
        Duration sampleInterval,
        Fleet fleet,
        Targets targets,
        Hashing hashing,
        Network network,
        List<Action> timeline) {

    /** The schema version this build reads. */
    public static final int VERSION = 1;

    /**
     * @param size           nodes at the start
     * @param namePattern    {@link String#format} pattern with one {@code %d}, the node's ordinal
     * @param membership     {@code gossip} (the real protocol) or {@code oracle} (every view updated at once: the ideal)
     * @param gossip         the gossip configuration
     * @param minClusterSize Alloy's wait-for-size; 0 disables it
     * @param joinSpread     the start-up window over which the initial nodes start
     * @param minClusterSizeTimeout Alloy's wait-for-size-timeout: after this long short of the size
     *                       the cluster counts as ready anyway; 0 waits forever
     * @param scrapeReloadInterval the scrape manager's reload tick (Prometheus'
     *                       {@code DiscoveryReloadInterval}): ownership changes reach the scrapers
     *                       only at the next tick; 0 applies them at once
     * @param start          {@code cold} (the initial nodes start over {@code joinSpread} and join through
     *                       seeds) or {@code converged} (they all start at 0 already knowing each other as
     *                       participants, as after a long steady state)
     */
    public record Fleet(Integer size, String namePattern, String membership, Gossip gossip, Integer minClusterSize,
            Duration joinSpread, Duration minClusterSizeTimeout, Duration scrapeReloadInterval, String start) {}

    /**
     * A gossip preset and any overrides (null keeps the preset's value).
     *
     * @param preset {@code alloy}, {@code lan} or {@code wan}
     */
    public record Gossip(String preset, Duration probeInterval, Duration probeTimeout, Duration gossipInterval,
            Integer gossipNodes, Integer indirectChecks, Integer suspicionMult, Integer retransmitMult,
            Duration pushPullInterval, Duration notifyInterval) {}

    /**
     * @param count  how many targets (a target file's own count when {@code file} is set)
     * @param shape  {@code kubernetes-pods}, {@code node-exporters} or {@code strings}; null with a file
     * @param file   the operator's own targets instead of a shape (relative to the scenario file;
     *               absolute once loaded), in a format of {@code fleetlab owner}
     * @param format {@code auto}, {@code json}, {@code prometheus} or {@code text}; with a file only
     */
    public record Targets(Integer count, String shape, String file, String format) {
        /** Synthetic targets of a shape. */
        public Targets(Integer count, String shape) {
            this(count, shape, null, null);
        }
    }

    /**
     * @param algorithm     the sharder every node uses
     * @param tokensPerNode tokens per node on the token rings
     * @param compare       further algorithms to run the same story with (one run each)
     */
    public record Hashing(String algorithm, Integer tokensPerNode, List<String> compare) {}

    /**
     * @param latency       one-way latency model
     * @param loss          packet loss probability in [0, 1)
     * @param duplication   duplication probability in [0, 1)
     * @param reorder       reordering probability in [0, 1)
     * @param streamTimeout how long a stream to an unreachable peer takes to fail (2 s under
     *                      ckit, which sets memberlist's TCPTimeout so; 10 s, memberlist's LAN
     *                      default, over UDP)
     * @param transport     {@code ckit-http2} (Alloy's: memberlist over ckit's HTTP/2 transport,
     *                      the default with the {@code alloy} preset) or {@code memberlist-udp}
     *                      (memberlist's own UDP datagrams, the default otherwise)
     */
    public record Network(Latency latency, Double loss, Double duplication, Double reorder, Duration streamTimeout,
            String transport) {}

    /**
     * @param distribution {@code constant}, {@code uniform}, {@code normal}, {@code log-normal}, {@code exponential}
     * @param meanMs       mean, or the median for log-normal
     * @param spreadMs     sd (normal) or half-width (uniform)
     * @param sigma        log-normal shape
     * @param minMs        lower clamp
     */
    public record Latency(String distribution, Double meanMs, Double spreadMs, Double sigma, Double minMs) {}
}
