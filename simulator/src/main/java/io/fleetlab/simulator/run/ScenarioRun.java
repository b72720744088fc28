package io.fleetlab.simulator.run;

import io.fleetlab.core.cluster.Component;
import io.fleetlab.core.cluster.MemberSettings;
import io.fleetlab.core.membership.GossipConfig;
import io.fleetlab.core.membership.NodeRegistry;
import io.fleetlab.core.membership.wire.Message.NodeRecord;
import io.fleetlab.core.membership.wire.NodeStatus;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.peer.StateMessage;
import io.fleetlab.core.rebalance.ClusteringOptions;
import io.fleetlab.core.rebalance.OwnershipStrategy;
import io.fleetlab.core.rebalance.OwnershipTable;
import io.fleetlab.core.rebalance.TargetSet;
import io.fleetlab.core.ring.HashingAlgorithm;
import io.fleetlab.core.ring.Op;
import io.fleetlab.simulator.engine.NodeScheduler;
import io.fleetlab.simulator.engine.Simulation;
import io.fleetlab.simulator.metrics.Bounds;
import io.fleetlab.simulator.metrics.ChangeTheory;
import io.fleetlab.simulator.metrics.ConvergenceTracker;
import io.fleetlab.simulator.network.LatencyModel;
import io.fleetlab.simulator.network.NetworkConditions;
import io.fleetlab.simulator.network.SimNetwork;
import io.fleetlab.simulator.network.TransportCounters;
import io.fleetlab.simulator.network.TransportKind;
import io.fleetlab.simulator.node.OwnershipTables;
import io.fleetlab.simulator.node.SimNode;
import io.fleetlab.simulator.ownership.TokenIndex;
import io.fleetlab.simulator.result.Redistribution;
import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.simulator.scenario.Action;
import io.fleetlab.simulator.scenario.Scenario;
import io.fleetlab.simulator.target.TargetPopulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * One deterministic run of a scenario with one algorithm and one seed: builds the fleet, plays
 * the timeline, and records what happened. Single-threaded; the seed fixes every random draw.
 */
public final class ScenarioRun {
    /** Distinct views kept with their lookups; enough for a fleet that disagrees during a change. */
    private static final int TABLE_CACHE = 256;

    private final Scenario scenario;
    private final String algorithm;
    private final long seed;
    private final Simulation simulation = new Simulation();
    private final UniformRandomProvider rng;
    private final SimNetwork network;
    private final TargetSet targets;
    private final OwnershipTables tables;
    private final Map<String, SimNode> nodes = new LinkedHashMap<>();
    /** Node identities shared by every node's member tables (one copy of each name, record and row). */
    private final NodeRegistry registry = new NodeRegistry();
    private final RunMetrics metrics;
    private final GossipConfig gossip;
    private final boolean oracle;
    private final MemberSettings settings;
    private final List<Component> components;
    private final OwnershipStrategy.Factory ownership;
    private int nextOrdinal;

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
        this(scenario, algorithm, seed, HashingAlgorithm.of(algorithm) == HashingAlgorithm.ALLOY_RING ? OwnershipSource.TOKEN_INDEX
                : OwnershipSource.SHARED_TABLES);
    }

    public ScenarioRun(Scenario scenario, String algorithm, long seed, OwnershipSource source) {
        this.scenario = scenario;
        this.algorithm = algorithm;
        this.seed = seed;
        this.rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        Scenario.Latency l = scenario.network().latency();
        TransportKind transport = TransportKind.of(scenario.network().transport()).orElseThrow();
        this.network = new SimNetwork(simulation, rng, conditions(scenario.network().loss()), transport);
        this.targets = targets(scenario.targets(), rng);
        this.tables = new OwnershipTables(HashingAlgorithm.create(algorithm, scenario.hashing().tokensPerNode()), targets,
                Op.READ_WRITE, TABLE_CACHE);
        if (source == OwnershipSource.TOKEN_INDEX) {
            if (HashingAlgorithm.of(algorithm) != HashingAlgorithm.ALLOY_RING) {
                throw new IllegalArgumentException("the token index serves alloy-ring only, not " + algorithm);
            }
            TokenIndex index = new TokenIndex(scenario.hashing().tokensPerNode(), targets);
            index.register(plannedNames());
            this.ownership = index;
        } else {
            this.ownership = tables;
        }
        this.metrics = new RunMetrics(simulation, targets.size(), nodes);
        this.gossip = GossipSettings.of(scenario.fleet().gossip(), transport);
        this.oracle = scenario.fleet().membership().equals("oracle");
        this.settings = new MemberSettings(gossip.withStreamTimeout(scenario.network().streamTimeout()),
                scenario.fleet().minClusterSize(), scenario.fleet().minClusterSizeTimeout());
        this.components = List.of(new Component("prometheus.scrape.default", targets, ClusteringOptions.alloyDefaults(),
                scenario.fleet().scrapeReloadInterval()));
        if (l == null) {
            throw new IllegalStateException("scenario was not resolved");
        }
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
        long firstAction = scenario.timeline().isEmpty() ? scenario.fleet().joinSpread().toNanos() + 10_000_000_000L
                : scenario.timeline().get(0).at().toNanos();
        metrics.ledger.measureFrom(Math.min(firstAction, duration));
        new Timeline(this).schedule(scenario.timeline());
        long step = scenario.sampleInterval().toNanos();
        long last = 0;
        for (long t = step; t <= duration; t += step) {
            simulation.runUntil(t);
            metrics.sample(step / 1e9);
            progress.progressed(t / 1e9, duration / 1e9);
            last = t;
        }
        simulation.runUntil(duration);
        if (last < duration) {
            // A short last interval, so the series still adds up to the totals.
            metrics.sample((duration - last) / 1e9);
        }
        return new ResultAssembler(scenario, algorithm, seed, targets.size(), metrics, nodes, gossip).build();
    }

    private void startInitialFleet() {
        int size = scenario.fleet().size();
        if (scenario.fleet().start().equals("converged")) {
            startConvergedFleet(size);
            return;
        }
        long spread = scenario.fleet().joinSpread().toNanos();
        for (int i = 0; i < size; i++) {
            String name = nextName();
            if (i == 0) {
                metrics.observer = name;
            }
            long at = size == 1 ? 0 : spread * i / size;
            simulation.at(at, () -> start(name, null));
        }
    }

    /**
     * Every name the run can give a node (the initial fleet, every join, the largest scale-to), so
     * that the token index hashes and sorts them once; a name beyond these would still work.
     */
    private List<String> plannedNames() {
        int count = scenario.fleet().size();
        int largest = 0;
        for (Action a : scenario.timeline()) {
            if (a instanceof Action.Join j) {
                count += j.count() == null ? 1 : j.count();
            } else if (a instanceof Action.ScaleTo s) {
                largest = Math.max(largest, s.size() == null ? 0 : s.size());
            }
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count + largest; i++) {
            names.add(String.format(scenario.fleet().namePattern(), i));
        }
        return names;
    }

    /**
     * The warm start: every initial node starts at 0 knowing every other as an alive participant
     * (incarnation 0, and the Lamport time 2 each node's own announcement of participant carries:
     * 1 is its viewer state at birth), so nobody has news to spread. One shared list serves all.
     */
    private void startConvergedFleet(int size) {
        List<NodeRecord> members = new ArrayList<>(size);
        List<StateMessage> states = new ArrayList<>(size);
        List<String> names = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String name = nextName();
            names.add(name);
            SimNode node = node(name);
            members.add(new NodeRecord(name, node.address(), 0, NodeStatus.ALIVE));
            states.add(new StateMessage(name, PeerState.PARTICIPANT, 2));
        }
        metrics.observer = names.get(0);
        List<NodeRecord> sharedMembers = List.copyOf(members);
        List<StateMessage> sharedStates = List.copyOf(states);
        simulation.at(0, () -> {
            for (String name : names) {
                if (oracle) {
                    start(name, null);
                } else {
                    UniformRandomProvider own = RandomSource.XO_RO_SHI_RO_128_PP.create(rng.nextLong());
                    RandomGenerator random = own::nextLong;
                    node(name).startGossipConverged(settings, this::discover, random, sharedMembers, sharedStates);
                }
            }
        });
    }

    String nextName() {
        return String.format(scenario.fleet().namePattern(), nextOrdinal++);
    }

    Simulation simulation() {
        return simulation;
    }

    SimNetwork network() {
        return network;
    }

    RunMetrics metrics() {
        return metrics;
    }

    NetworkConditions conditionsWithLoss(double loss) {
        return conditions(loss);
    }

    SimNode node(String name) {
        return nodes.computeIfAbsent(name, n -> new SimNode(n, new NodeScheduler(simulation), network, components, ownership,
                metrics, registry));
    }

    /** Nodes that are up, in the order they were first created. */
    List<SimNode> upNodes() {
        List<SimNode> up = new ArrayList<>();
        for (SimNode n : nodes.values()) {
            if (n.up()) {
                up.add(n);
            }
        }
        return up;
    }

    /** What peer discovery (a headless service's DNS) returns: the address of every running node. */
    private List<String> discover() {
        List<String> out = new ArrayList<>();
        for (SimNode n : nodes.values()) {
            if (n.up()) {
                out.add(n.address());
            }
        }
        return out;
    }

    /** The fleet as it really is: every running node that has not started leaving, as a participant. */
    private List<Peer> truth() {
        List<Peer> peers = new ArrayList<>();
        for (SimNode n : nodes.values()) {
            if (n.status() == SimNode.Status.UP) {
                peers.add(new Peer(n.name(), n.address(), PeerState.PARTICIPANT, false));
            }
        }
        return peers;
    }

    private List<String> observersExcept(String name) {
        List<String> out = new ArrayList<>();
        for (SimNode n : nodes.values()) {
            if (n.status() == SimNode.Status.UP && !n.name().equals(name)) {
                out.add(n.name());
            }
        }
        return out;
    }

    private double modelP90(String kind, int members) {
        return ChangeTheory.seconds(kind, members, gossip, scenario.network().latency().meanMs() / 1e3);
    }

    /**
     * Starts {@code name}; {@code kind} is null for the initial fleet, else "join" or "restart",
     * which is measured against the ideal.
     */
    void start(String name, String kind) {
        SimNode node = node(name);
        if (node.up()) {
            return;
        }
        List<Peer> before = truth();
        List<String> observers = observersExcept(name);
        if (kind != null) {
            metrics.action(kind, name, "");
            metrics.convergence.watch(simulation.now(), kind, name, observers, modelP90(kind, observers.size() + 1));
            // The joiner's participant state spreads as its alive news does (one gossip broadcast).
            metrics.convergence.watch(simulation.now(), ConvergenceTracker.PARTICIPANT, name, observers,
                    modelP90(kind, observers.size() + 1));
        }
        if (oracle) {
            node.startOracle(settings);
        } else {
            UniformRandomProvider own = RandomSource.XO_RO_SHI_RO_128_PP.create(rng.nextLong());
            RandomGenerator random = own::nextLong;
            node.startGossip(settings, this::discover, random);
        }
        if (kind != null) {
            redistribution(kind, name, before, truth());
        }
        oracleBroadcast();
        if (oracle && kind != null) {
            metrics.convergence.learnedByAll(simulation.now(), name);
        }
    }

    /** {@code name} leaves gracefully; {@code then} runs once it is gone. */
    void leave(String name, String kind, Runnable then) {
        SimNode node = nodes.get(name);
        if (node == null || node.status() != SimNode.Status.UP) {
            return;
        }
        List<Peer> before = truth();
        metrics.action(kind, name, "graceful");
        metrics.convergence.watch(simulation.now(), "leave", name, observersExcept(name), modelP90("leave", before.size()));
        node.leave(() -> {
            metrics.everDown.add(name);
            oracleBroadcast();
            if (oracle) {
                metrics.convergence.learnedByAll(simulation.now(), name);
            }
            then.run();
        });
        redistribution("leave", name, before, truth());
        oracleBroadcast();
    }

    /** {@code name} crashes. */
    void crash(String name, String kind) {
        SimNode node = nodes.get(name);
        if (node == null || !node.up()) {
            return;
        }
        List<Peer> before = truth();
        metrics.action(kind, name, "");
        metrics.convergence.watch(simulation.now(), "crash", name, observersExcept(name), modelP90("crash", before.size()));
        node.crash();
        metrics.everDown.add(name);
        redistribution("crash", name, before, truth());
        oracleBroadcast();
        if (oracle) {
            metrics.convergence.learnedByAll(simulation.now(), name);
        }
    }

    /** In oracle mode every running node sees the true fleet at once (leaving nodes as terminating). */
    private void oracleBroadcast() {
        if (!oracle) {
            return;
        }
        List<Peer> view = new ArrayList<>();
        for (SimNode n : nodes.values()) {
            if (n.up()) {
                PeerState state = n.status() == SimNode.Status.LEAVING ? PeerState.TERMINATING : PeerState.PARTICIPANT;
                view.add(new Peer(n.name(), n.address(), state, false));
            }
        }
        for (SimNode n : nodes.values()) {
            if (n.up()) {
                List<Peer> own = new ArrayList<>(view.size());
                for (Peer p : view) {
                    own.add(p.name().equals(n.name()) ? new Peer(p.name(), p.address(), p.state(), true) : p);
                }
                n.applyView(List.copyOf(own));
            }
        }
    }

    private void redistribution(String kind, String node, List<Peer> before, List<Peer> after) {
        if (before.isEmpty() || after.isEmpty()) {
            return;
        }
        OwnershipTable a = tables.forView(before);
        OwnershipTable b = tables.forView(after);
        long moved = 0;
        long misplaced = 0;
        for (int i = 0; i < a.size(); i++) {
            String x = a.ownerOf(i);
            String y = b.ownerOf(i);
            if (x == null ? y != null : !x.equals(y)) {
                moved++;
                if (!node.equals(x) && !node.equals(y)) {
                    misplaced++;
                }
            }
        }
        boolean join = after.size() > before.size();
        int n = join ? after.size() : before.size();
        double ideal = 1.0 / n;
        double sigma = Bounds.relativeSd(scenario.hashing().tokensPerNode(), n, targets.size());
        double fraction = a.size() == 0 ? 0 : moved / (double) a.size();
        metrics.redistribution.add(new Redistribution(simulation.now() / 1e9, kind, node, before.size(), after.size(), moved,
                fraction, ideal, fraction / ideal, Math.max(0, ideal * (1 - Bounds.Z99 * sigma)),
                ideal * (1 + Bounds.Z99 * sigma), misplaced));
    }

    Duration duration() {
        return scenario.duration();
    }

    Scenario scenario() {
        return scenario;
    }
}
