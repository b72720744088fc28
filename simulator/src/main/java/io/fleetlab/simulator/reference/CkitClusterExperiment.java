package io.fleetlab.simulator.reference;

import io.fleetlab.core.membership.GossipConfig;
import io.fleetlab.core.membership.Membership;
import io.fleetlab.core.membership.NodeEvent;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.simulator.engine.NodeScheduler;
import io.fleetlab.simulator.engine.Simulation;
import io.fleetlab.simulator.network.LatencyModel;
import io.fleetlab.simulator.network.NetworkConditions;
import io.fleetlab.simulator.network.SimNetwork;
import io.fleetlab.simulator.network.SimTransport;
import io.fleetlab.simulator.network.TransportKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The experiments of {@code ../shared/reference/ckit-cluster-n10.json}, run on the simulator:
 * {@code n} nodes created one after another in one burst (as in one process, {@code creationGap}
 * apart) with Alloy's settings over ckit's transport on a loopback-like network, then a join
 * through 3 random seeds, a graceful leave or a crash. memberlist's tickers keep the phase of each
 * node's creation, so the fleet gossips in a window {@code n x creationGap} wide every 200 ms; the
 * change comes right after that window, at the phase of the last node of the burst (for a join,
 * the joiner itself, created with the fleet and started later). Times are measured per (observer,
 * run) pair from the action, nearest-rank percentiles, as the reference does.
 */
public final class CkitClusterExperiment {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;
    /**
     * The fleet settles for this long before the change: a whole number of gossip intervals, and
     * one second before a tick of the probe ticker (every 5 s since creation). The reference's
     * crash detections sit at 26 + 5k s (probe 1 s after the crash, suspect 5 s later, dead after
     * the 20 s minimum suspicion), so its harness acted about a second before the fleet probed.
     */
    private static final long SETTLE = 29 * S;
    /** Loopback: tens of microseconds, a few hundred at the tail. */
    private static final LatencyModel LOOPBACK = new LatencyModel("log-normal", 0.08, 0, 0.6, 0.02);

    private final int n;
    private final long creationGap;
    private final GossipConfig config;

    /** {@code n} nodes created {@code creationGapNanos} apart. */
    public CkitClusterExperiment(int n, long creationGapNanos) {
        this.n = n;
        this.creationGap = creationGapNanos;
        // Alloy's settings over ckit: memberlist's packet budget is 10 MiB, the core's largest packet stands for it.
        this.config = GossipConfig.alloy().withMaxPacketSize(65_000);
    }

    /** Percentiles (nearest rank) and mean of a set of times, in milliseconds. */
    public record Stats(int count, double min, double p50, double p90, double max, double mean) {
        static Stats of(List<Double> ms) {
            double[] v = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (v.length == 0) {
                return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            return new Stats(v.length, v[0], rank(v, 0.5), rank(v, 0.9), v[v.length - 1], Arrays.stream(v).average().orElseThrow());
        }

        private static double rank(double[] sorted, double p) {
            return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
        }
    }

    /** The join experiment: when the seeds, the other nodes, and everyone heard of the joiner and of it being a participant. */
    public record Join(Stats firstAnySeed, Stats firstAnyNonSeed, Stats firstParticipant, Stats allSawParticipantPerRun) {}

    /** The graceful leave: when each node saw it terminating, when it was gone from each view, and from all. */
    public record Leave(Stats firstTerminating, Stats gone, Stats allGonePerRun) {}

    /** The crash: per run, when the first and the last node declared it dead. */
    public record Crash(Stats firstNodeGonePerRun, Stats allNodesGonePerRun) {}

    /** One fleet of n nodes, created at once and settled, on its own seeded network. */
    private final class Fleet {
        final Simulation sim = new Simulation();
        final UniformRandomProvider rng;
        final SplittableRandom random;
        final SimNetwork net;
        final List<Membership> nodes = new ArrayList<>();
        final Map<String, SimTransport> transports = new LinkedHashMap<>();
        final List<Observed> seen = new ArrayList<>();

        record Observed(String observer, NodeEvent event) {}

        Fleet(long seed) {
            rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
            random = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
            net = new SimNetwork(sim, rng, new NetworkConditions(LOOPBACK, 0, 0, 0, 2 * S), TransportKind.CKIT_HTTP2);
            for (int i = 0; i < n; i++) {
                int k = i;
                sim.at(k * creationGap, () -> {
                    Membership m = add("node-" + k);
                    m.join(k == 0 ? List.of() : List.of(nodes.get(0).address()));
                    m.setState(PeerState.PARTICIPANT);
                });
            }
            // The harness acts at the phase of the burst's last node, just after the fleet's ticks.
            sim.runUntil(SETTLE + n * creationGap);
        }

        Membership add(String name) {
            NodeScheduler scheduler = new NodeScheduler(sim);
            SimTransport t = net.attach(name, name + ":7946", scheduler);
            transports.put(name, t);
            Membership m = new Membership(name, config, scheduler, t, random.split());
            m.addEventListener(e -> seen.add(new Observed(name, e)));
            nodes.add(m);
            return m;
        }

        int pick(int bound) {
            return random.nextInt(bound);
        }
    }

    /** Joins one node to the fleet through 3 random seeds, {@code runs} times with seeds 1..runs. */
    public Join join(int runs) {
        List<Double> seedTimes = new ArrayList<>();
        List<Double> others = new ArrayList<>();
        List<Double> participant = new ArrayList<>();
        List<Double> allParticipant = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Fleet f = new Fleet(run);
            List<Membership> old = List.copyOf(f.nodes);
            List<Membership> shuffled = new ArrayList<>(old);
            for (int i = shuffled.size() - 1; i > 0; i--) {
                int j = f.pick(i + 1);
                Membership x = shuffled.get(i);
                shuffled.set(i, shuffled.get(j));
                shuffled.set(j, x);
            }
            Set<String> seeds = new HashSet<>();
            List<String> seedAddresses = new ArrayList<>();
            for (Membership m : shuffled.subList(0, Math.min(3, shuffled.size()))) {
                seeds.add(m.name());
                seedAddresses.add(m.address());
            }
            long start = f.sim.now();
            int from = f.seen.size();
            Membership joiner = f.add("joiner");
            // The harness calls ChangeState(participant) when Start has returned: memberlist's Join
            // returns once every seed was tried, one after another.
            joiner.join(seedAddresses, answered -> joiner.setState(PeerState.PARTICIPANT));
            f.sim.runUntil(start + 10 * S);
            Map<String, Double> firstAny = new LinkedHashMap<>();
            Map<String, Double> firstPart = new LinkedHashMap<>();
            for (Fleet.Observed o : f.seen.subList(from, f.seen.size())) {
                if (o.observer().equals("joiner") || !o.event().node().equals("joiner")) {
                    continue;
                }
                double ms = (o.event().atNanos() - start) / (double) MS;
                if (o.event() instanceof NodeEvent.Joined) {
                    firstAny.putIfAbsent(o.observer(), ms);
                }
                if (o.event() instanceof NodeEvent.StateChanged sc && sc.state() == PeerState.PARTICIPANT) {
                    firstPart.putIfAbsent(o.observer(), ms);
                }
            }
            firstAny.forEach((obs, ms) -> (seeds.contains(obs) ? seedTimes : others).add(ms));
            participant.addAll(firstPart.values());
            if (firstPart.size() == old.size()) {
                allParticipant.add(firstPart.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow());
            }
        }
        return new Join(Stats.of(seedTimes), Stats.of(others), Stats.of(participant), Stats.of(allParticipant));
    }

    /** A random node leaves gracefully, {@code runs} times. */
    public Leave leave(int runs) {
        List<Double> terminating = new ArrayList<>();
        List<Double> gone = new ArrayList<>();
        List<Double> allGone = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Fleet f = new Fleet(1_000 + run);
            Membership leaver = f.nodes.get(f.pick(f.nodes.size()));
            long start = f.sim.now();
            int from = f.seen.size();
            leaver.leave(() -> {});
            f.sim.runUntil(start + 10 * S);
            Map<String, Double> term = new LinkedHashMap<>();
            Map<String, Double> left = new LinkedHashMap<>();
            for (Fleet.Observed o : f.seen.subList(from, f.seen.size())) {
                if (o.observer().equals(leaver.name()) || !o.event().node().equals(leaver.name())) {
                    continue;
                }
                double ms = (o.event().atNanos() - start) / (double) MS;
                if (o.event() instanceof NodeEvent.StateChanged sc && sc.state() == PeerState.TERMINATING) {
                    term.putIfAbsent(o.observer(), ms);
                }
                if (o.event() instanceof NodeEvent.Left || o.event() instanceof NodeEvent.Dead) {
                    left.putIfAbsent(o.observer(), ms);
                }
            }
            terminating.addAll(term.values());
            gone.addAll(left.values());
            if (left.size() == f.nodes.size() - 1) {
                allGone.add(left.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow());
            }
        }
        return new Leave(Stats.of(terminating), Stats.of(gone), Stats.of(allGone));
    }

    /** A random node's process stops without a word, {@code runs} times. */
    public Crash crash(int runs) {
        List<Double> first = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Fleet f = new Fleet(2_000 + run);
            Membership victim = f.nodes.get(f.pick(f.nodes.size()));
            long start = f.sim.now();
            int from = f.seen.size();
            victim.shutdown();
            f.sim.runUntil(start + 180 * S);
            Map<String, Double> dead = new LinkedHashMap<>();
            for (Fleet.Observed o : f.seen.subList(from, f.seen.size())) {
                if (!o.observer().equals(victim.name()) && o.event().node().equals(victim.name())
                        && o.event() instanceof NodeEvent.Dead) {
                    dead.putIfAbsent(o.observer(), (o.event().atNanos() - start) / (double) MS);
                }
            }
            if (!dead.isEmpty()) {
                first.add(dead.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow());
            }
            if (dead.size() == f.nodes.size() - 1) {
                all.add(dead.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow());
            }
        }
        return new Crash(Stats.of(first), Stats.of(all));
    }
}
