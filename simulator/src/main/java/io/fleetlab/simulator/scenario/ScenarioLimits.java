package io.fleetlab.simulator.scenario;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The largest scenario this build will start, and a budget checked before a run: the events it
 * would dispatch and the heap it would need, estimated from the fleet size, the targets, the
 * tokens and the simulated time, against the heap this JVM has. A scenario beyond a limit is
 * refused with the field, the limit and, for memory, the heap it would need.
 *
 * <p>The constants were measured (see docs/simulator.md, "Limits"): heap per pair of nodes
 * (every node knows every other, so the fleet size squared; warm and cold starts apart), per
 * token, per target and per node and target, and events per node and simulated second.
 */
public final class ScenarioLimits {
    /** Nodes a run may start in all (initial fleet, joins and scale-ups). */
    public static final int MAX_NODES = 20_000;
    /** Targets every node discovers. */
    public static final int MAX_TARGETS = 5_000_000;
    /** Tokens per node on the token rings (Alloy uses 512). */
    public static final int MAX_TOKENS = 4_096;
    /** Simulated time of one run, and the longest duration any field may name. */
    public static final Duration MAX_DURATION = Duration.ofDays(7);
    /** The shortest sampling interval. */
    public static final Duration MIN_SAMPLE_INTERVAL = Duration.ofMillis(1);
    /** The shortest probe, probe-timeout and gossip interval. */
    public static final Duration MIN_PROTOCOL_INTERVAL = Duration.ofMillis(1);
    /** Samples of agreement and view sizes in one run. */
    public static final long MAX_SAMPLES = 1_000_000;
    /** Events one run may dispatch (about half an hour at a million events per second). */
    public static final long MAX_EVENTS = 2_000_000_000L;
    /** Latencies, extra delays: one minute. */
    public static final double MAX_LATENCY_MS = 60_000;
    /** Clock skew either way: one day. */
    public static final double MAX_SKEW_MS = 86_400_000;
    /** Node names, as the gossip wire format allows. */
    public static final int MAX_NAME_BYTES = 255;

    /** Heap a run needs besides what scales (JVM, classes, one run's bookkeeping). */
    static final long BASE_BYTES = 64L << 20;
    /** Per target: its key, labels and hash. */
    static final long BYTES_PER_TARGET = 200;
    /** Per target and cached ownership table (an int owner and change bookkeeping). */
    static final long BYTES_PER_TARGET_TABLE = 8;
    /** Ownership tables kept per run (the simulator's cache). */
    static final int CACHED_TABLES = 16;
    /**
     * Per pair of nodes in a warm-started fleet (member table and peer states over shared
     * identities, the view, connections and push-pulls in flight): 10,000 nodes held 46.6 bytes a
     * pair once all had started and 50-53 through their first push-pulls. Not covered: every node
     * rejoining at the same instant with full states encoded as bytes (see docs/bench.md).
     */
    static final long BYTES_PER_PAIR_WARM = 50;
    /** Per pair of nodes in a cold start: the start-up's traffic on top (300 and 600 nodes: about 154). */
    static final long BYTES_PER_PAIR_COLD = 160;
    /** Per ring token (the run's token index and the rings of the ideal fleet; 512 vs 2,048 tokens: 65). */
    static final long BYTES_PER_TOKEN = 66;
    /** Per node and target (each node's wanted and scraped target sets; 10,000 vs 100,000 targets: 0.52). */
    static final double BYTES_PER_NODE_TARGET = 0.52;
    /** Events per node and simulated second, start-up included (measured 8.8 and 21.8; see above). */
    static final double EVENTS_PER_NODE_SECOND = 25;

    private ScenarioLimits() {}

    /** UTF-8 bytes of the node name {@code pattern} gives for {@code ordinal}. */
    static int nameBytes(String pattern, int ordinal) {
        return String.format(pattern, ordinal).getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * The estimated heap of a run, in bytes: what does not scale, the targets, every node's view of
     * every other (the fleet size squared; a cold start's traffic costs more per pair than a warm
     * start's), the ring tokens and each node's target sets.
     */
    public static long estimateHeapBytes(int nodes, int targets, int tokensPerNode, boolean warm) {
        long n = nodes;
        return BASE_BYTES + targets * (BYTES_PER_TARGET + CACHED_TABLES * BYTES_PER_TARGET_TABLE)
                + n * n * (warm ? BYTES_PER_PAIR_WARM : BYTES_PER_PAIR_COLD) + n * tokensPerNode * BYTES_PER_TOKEN
                + (long) (n * (double) targets * BYTES_PER_NODE_TARGET);
    }

    /** The estimated events of a run. */
    public static double estimateEvents(int nodes, Duration duration) {
        return nodes * (duration.toNanos() / 1e9) * EVENTS_PER_NODE_SECOND;
    }

    /**
     * Nodes a checked scenario starts in all: the fleet, every join, and every scale-to beyond the
     * initial size (an upper bound: scale-downs are not subtracted).
     */
    public static int nodesStarted(Scenario s) {
        long n = s.fleet().size();
        for (Action a : s.timeline()) {
            if (a instanceof Action.Join j) {
                n += j.count();
            } else if (a instanceof Action.ScaleTo st) {
                n += Math.max(0, st.size() - s.fleet().size());
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    /**
     * Why {@code runs} runs of {@code s} at once would not fit in {@code maxHeapBytes}, or null when
     * they would. Checked by the command line before anything runs (not by the loader: whether a
     * file fits depends on the JVM that runs it, not on the file).
     */
    public static String heapProblem(Scenario s, int runs, long maxHeapBytes) {
        long one = estimateHeapBytes(nodesStarted(s), s.targets().count(), s.hashing().tokensPerNode(),
                "converged".equals(s.fleet().start()));
        long need = one * Math.max(1, runs);
        if (need <= maxHeapBytes) {
            return null;
        }
        return String.format(java.util.Locale.ROOT,
                "fleet.size: %d nodes, %d targets and %d tokens per node need about %d MiB of heap%s; this JVM has "
                        + "%d MiB (run with -Xmx%dm or more%s, or shrink the fleet or targets.count)",
                nodesStarted(s), s.targets().count(), s.hashing().tokensPerNode(), need >> 20,
                runs > 1 ? " for " + runs + " runs at once" : "", maxHeapBytes >> 20, (need >> 20) + 1,
                runs > 1 ? ", or fewer --threads" : "");
    }

    /** Adds a problem for every budget the scenario breaks (samples and events; the heap is checked before running). */
    static void budget(Duration duration, Duration sample, int nodes, List<Problem> problems) {
        if (duration == null) {
            return;
        }
        if (sample != null && duration.toNanos() / Math.max(1, sample.toNanos()) > MAX_SAMPLES) {
            problems.add(new Problem("sampleInterval", "gives "
                    + duration.toNanos() / Math.max(1, sample.toNanos()) + " samples over " + Durations.format(duration)
                    + "; at most " + MAX_SAMPLES + " (choose at least "
                    + Durations.format(duration.dividedBy(MAX_SAMPLES)) + ")"));
        }
        double events = estimateEvents(nodes, duration);
        if (events > MAX_EVENTS) {
            problems.add(new Problem("duration", String.format(java.util.Locale.ROOT,
                    "%d nodes for %s would dispatch about %.2g events; at most %d per run (shorten the run or the fleet)",
                    nodes, Durations.format(duration), events, MAX_EVENTS)));
        }
    }
}
