package io.fleetlab.simulator.scenario;

import java.util.List;
import java.util.Map;

/**
 * A scenario file as written (before defaults and checks; see {@link ScenarioLoader}). Every field
 * but {@code version}, {@code fleet} and {@code duration} is optional.
 *
 * @param version        schema version, must be {@link #VERSION}
 * @param name           defaults to the file name
 * @param description    free text
 * @param seed           the seed of a single run (default 1)
 * @param seeds          several seeds; the CLI runs each
 * @param duration       how long the timeline runs after warm-up
 * @param warmup         time the initial fleet gets to form before the timeline starts
 * @param sampleInterval how often agreement is sampled
 * @param membership     {@code gossip} (the real protocol) or {@code oracle} (instant, identical views)
 * @param fleet          the initial fleet
 * @param targets        the shared target population
 * @param network        latency and imperfections
 * @param hashing        the sharding algorithm(s)
 * @param timeline       actions in time order
 */
public record Scenario(
        Integer version,
        String name,
        String description,
        Long seed,
        List<Long> seeds,
        Span duration,
        Span warmup,
        Span sampleInterval,
        String membership,
        Fleet fleet,
        Targets targets,
        Network network,
        Hashing hashing,
        List<Action> timeline) {

    public static final int VERSION = 1;

    /**
     * @param size           nodes at the start
     * @param namePattern    String.format pattern with one %d, default {@code alloy-%d}
     * @param minClusterSize Alloy's wait-for-size (default 0)
     * @param gossip         preset and overrides
     */
    public record Fleet(Integer size, String namePattern, Integer minClusterSize, Gossip gossip) {}

    /**
     * {@code preset}: alloy (default), lan or wan; every other field overrides the preset.
     */
    public record Gossip(
            String preset,
            Span probeInterval,
            Span probeTimeout,
            Span gossipInterval,
            Integer gossipNodes,
            Integer indirectChecks,
            Integer suspicionMult,
            Integer retransmitMult,
            Span pushPullInterval,
            Span rejoinInterval,
            Span notifyInterval) {}

    /**
     * @param count  number of targets
     * @param shape  {@code job-instance} (job, instance) or {@code pod} (job, namespace, pod, container, instance)
     * @param jobs   distinct jobs
     * @param extraLabels constant labels added to every target
     */
    public record Targets(Integer count, String shape, Integer jobs, Map<String, String> extraLabels) {}

    /**
     * @param latency         one-way latency distribution
     * @param loss            datagram loss probability
     * @param duplicate       datagram duplication probability
     * @param reorder         probability a datagram is held back
     * @param reorderDelay    the largest hold-back
     * @param reliableTimeout how long a reliable message to an unreachable node takes to fail
     */
    public record Network(Latency latency, Double loss, Double duplicate, Double reorder, Span reorderDelay,
            Span reliableTimeout) {}

    /**
     * @param distribution constant, uniform, normal, lognormal, exponential
     * @param value  constant: the latency
     * @param min    uniform low
     * @param max    uniform high
     * @param mean   normal and exponential mean
     * @param sd     normal sd
     * @param median lognormal median
     * @param sigma  lognormal shape (dimensionless)
     */
    public record Latency(String distribution, Span value, Span min, Span max, Span mean, Span sd, Span median,
            Double sigma) {}

    /**
     * @param algorithm  one of the core's sharder names
     * @param algorithms several, for a sweep (each is run as its own result)
     * @param tokens     tokens per node (token rings)
     */
    public record Hashing(String algorithm, List<String> algorithms, Integer tokens) {}
}
