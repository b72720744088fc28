package io.fleetlab.simulator.run;

import io.fleetlab.core.cluster.Component;
import io.fleetlab.core.cluster.MemberSettings;
import io.fleetlab.core.membership.GossipConfig;
import io.fleetlab.core.rebalance.ClusteringOptions;
import io.fleetlab.core.rebalance.OwnershipStrategy;
import io.fleetlab.core.rebalance.TargetSet;
import io.fleetlab.core.ring.HashingAlgorithm;
import io.fleetlab.core.ring.Op;
import io.fleetlab.simulator.engine.Simulation;
import io.fleetlab.simulator.fleet.Fleet;
import io.fleetlab.simulator.network.LatencyModel;
import io.fleetlab.simulator.network.MessagePath;
import io.fleetlab.simulator.network.NetworkConditions;
import io.fleetlab.simulator.network.SimNetwork;
import io.fleetlab.simulator.network.TransportCounters;
import io.fleetlab.simulator.network.TransportKind;
import io.fleetlab.simulator.node.OwnershipTables;
import io.fleetlab.simulator.ownership.TokenIndex;
import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.simulator.scenario.Action;
import io.fleetlab.simulator.scenario.Scenario;
import io.fleetlab.simulator.workload.TargetPopulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * One deterministic run of a scenario with one algorithm and one seed: builds the fleet, plays
 * the timeline, and records what happened. Single-threaded; the seed fixes every random draw.
 */
public final class ScenarioRun {
    /** Distinct views kept with their lookups; enough for a fleet that disagrees during a change. */
    private static final int TABLE_CACHE = 256;
    /** Without actions, target-seconds count from this long after the start-up spread: the fleet has settled. */
    private static final Duration SETTLE_WITHOUT_ACTIONS = Duration.ofSeconds(10);

    private final Scenario scenario;
    private final String algorithm;
    private final long seed;
    private final Simulation simulation = new Simulation();
    private final UniformRandomProvider rng;
    private final SimNetwork network;
    private final TargetSet targets;
    private final Fleet fleet;
    private final EventLog events;
    private final RedistributionRecorder redistribution;
    private final AgreementRecorder agreement;
    private final ConvergenceRecorder convergence;

    /** Where the nodes' ownership comes from; both give the same answers, at different costs. */
    public enum OwnershipSource {
        /** Ring lookups per distinct view, shared by the nodes that hold it: any algorithm. */
        SHARED_TABLES,
        /** Alloy's ring only: one token index per run, each node updated by the arcs its view changed. */
        TOKEN_INDEX
    }

    /** The operator's targets when the scenario names a file (read when it was loaded), else a synthetic shape. */
    private static TargetSet targets(Scenario.Targets t, UniformRandomProvider rng) {
        if (t.file() == null) {
            return TargetPopulation.generate(t.shape(), t.count(), rng);
        }
        try {
            return TargetPopulation.fromFile(java.nio.file.Path.of(t.file()), t.format());
        } catch (io.fleetlab.simulator.input.InputException e) {
            throw new IllegalStateException("the target file changed since the scenario was loaded: " + e.getMessage(), e);
        }
    }

    public ScenarioRun(Scenario scenario, String algorithm, long seed) {
        this(scenario, algorithm, seed, defaultSource(algorithm));
    }

    public ScenarioRun(Scenario scenario, String algorithm, long seed, OwnershipSource source) {
        this(scenario, algorithm, seed, source, MessagePath.DECODED);
    }

    /** The ownership source for {@code algorithm} that {@link #ScenarioRun(Scenario, String, long)} picks. */
    public static OwnershipSource defaultSource(String algorithm) {
        return HashingAlgorithm.of(algorithm) == HashingAlgorithm.ALLOY_RING ? OwnershipSource.TOKEN_INDEX
                : OwnershipSource.SHARED_TABLES;
    }

    /**
     * @param source where the nodes' ownership comes from
     * @param path   how messages pass between the nodes (decoded or as bytes: the same result)
     */
    public ScenarioRun(Scenario scenario, String algorithm, long seed, OwnershipSource source, MessagePath path) {
        this.scenario = scenario;
        this.algorithm = algorithm;
        this.seed = seed;
        this.rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        TransportKind transport = TransportKind.of(scenario.network().transport()).orElseThrow();
        this.network = new SimNetwork(simulation, rng, conditions(scenario.network().loss()), transport, path);
        this.targets = targets(scenario.targets(), rng);
        OwnershipTables tables = new OwnershipTables(HashingAlgorithm.create(algorithm, scenario.hashing().tokensPerNode()),
                targets, Op.READ_WRITE, TABLE_CACHE);
        OwnershipStrategy.Factory ownership;
        if (source == OwnershipSource.TOKEN_INDEX) {
            if (HashingAlgorithm.of(algorithm) != HashingAlgorithm.ALLOY_RING) {
                throw new IllegalArgumentException("the token index serves alloy-ring only, not " + algorithm);
            }
            TokenIndex index = new TokenIndex(scenario.hashing().tokensPerNode(), targets);
            index.register(plannedNames(scenario));
            ownership = index;
        } else {
            ownership = tables;
        }
        GossipConfig gossip = GossipSettings.of(scenario.fleet().gossip(), transport);
        MemberSettings settings = new MemberSettings(gossip.withStreamTimeout(scenario.network().streamTimeout()),
                scenario.fleet().minClusterSize(), scenario.fleet().minClusterSizeTimeout());
        List<Component> components = List.of(new Component("prometheus.scrape.default", targets,
                ClusteringOptions.alloyDefaults(), scenario.fleet().scrapeReloadInterval()));
        this.fleet = new Fleet(simulation, network, rng, settings, components, ownership,
                scenario.fleet().membership().equals("oracle"), scenario.fleet().namePattern());
        this.events = new EventLog(fleet, fleet.name(0));
        this.redistribution = new RedistributionRecorder(tables, scenario.hashing().tokensPerNode(), targets.size());
        this.agreement = new AgreementRecorder(fleet, targets.size());
        this.convergence = new ConvergenceRecorder(gossip, scenario.network().latency().meanMs() / 1e3);
        fleet.observe(agreement);
        fleet.observe(convergence);
        fleet.observe(events);
        fleet.observe(redistribution);
    }

    private NetworkConditions conditions(double loss) {
        Scenario.Network n = scenario.network();
        Scenario.Latency l = n.latency();
        return new NetworkConditions(new LatencyModel(l.distribution(), l.meanMs(), l.spreadMs(), l.sigma(), l.minMs()),
                loss, n.duplication(), n.reorder(), n.streamTimeout().toNanos());
    }

    /** What the run's transport did: packets, losses, queue drops, timeouts, retransmissions. */
    public TransportCounters transportCounters() {
        return network.counters();
    }

    /** Runs to the end and returns the result; {@code progress} hears each sample. */
    public SimulationResult run(ProgressListener progress) {
        long duration = scenario.duration().toNanos();
        startInitialFleet();
        long firstAction = scenario.timeline().isEmpty()
                ? scenario.fleet().joinSpread().toNanos() + SETTLE_WITHOUT_ACTIONS.toNanos()
                : scenario.timeline().get(0).at().toNanos();
        agreement.measureFrom(Math.min(firstAction, duration));
        new Timeline(simulation, fleet, network, this::conditions).schedule(scenario.timeline());
        long step = scenario.sampleInterval().toNanos();
        long last = 0;
        for (long t = step; t <= duration; t += step) {
            simulation.runUntil(t);
            agreement.sample(simulation.now(), step / 1e9);
            progress.progressed(t / 1e9, duration / 1e9);
            last = t;
        }
        simulation.runUntil(duration);
        if (last < duration) {
            // A short last interval, so the series still adds up to the totals.
            agreement.sample(simulation.now(), (duration - last) / 1e9);
        }
        return new ResultAssembler(scenario, algorithm, seed, targets.size(), fleet, events, redistribution, agreement,
                convergence).build();
    }

    private void startInitialFleet() {
        if (scenario.fleet().start().equals("converged")) {
            fleet.startConverged(scenario.fleet().size());
        } else {
            fleet.startCold(scenario.fleet().size(), scenario.fleet().joinSpread().toNanos());
        }
    }

    /**
     * The names the run gives its nodes as far as the timeline tells, so that the token index hashes
     * and sorts them once: the initial fleet, every join's nodes, and each scale-to's growth over
     * the nodes running then (a leave or crash counted as one node fewer).
     */
    static List<String> plannedNames(Scenario scenario) {
        // a name registered but never used puts its tokens between every node's own: "initial +
        // joins + largest scale-to" had doubled a 1,000-node fleet's index, and every region walk
        // with it. A scale-to after unplanned downs may name more; those are added on first use
        // (one more build), and answers are the same either way.
        List<Action> actions = new ArrayList<>(scenario.timeline());
        actions.sort(Comparator.comparing(Action::at));
        int count = scenario.fleet().size();
        int running = count;
        for (Action a : actions) {
            if (a instanceof Action.Join j) {
                count += j.count();
                running += j.count();
            } else if (a instanceof Action.ScaleTo s) {
                count += Math.max(0, s.size() - running);
                running = s.size();
            } else if (a instanceof Action.Leave || a instanceof Action.Crash) {
                running = Math.max(0, running - 1);
            }
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(String.format(scenario.fleet().namePattern(), i));
        }
        return names;
    }
}
