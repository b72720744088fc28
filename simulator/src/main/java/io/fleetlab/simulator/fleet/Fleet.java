package io.fleetlab.simulator.fleet;

import io.fleetlab.core.cluster.Component;
import io.fleetlab.core.cluster.MemberSettings;
import io.fleetlab.core.membership.NodeEvent;
import io.fleetlab.core.membership.NodeRegistry;
import io.fleetlab.core.membership.wire.Message.NodeRecord;
import io.fleetlab.core.membership.wire.NodeStatus;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.peer.StateMessage;
import io.fleetlab.core.rebalance.OwnershipChange;
import io.fleetlab.core.rebalance.OwnershipStrategy;
import io.fleetlab.simulator.engine.NodeScheduler;
import io.fleetlab.simulator.engine.Simulation;
import io.fleetlab.simulator.network.SimNetwork;
import io.fleetlab.simulator.node.NodeListener;
import io.fleetlab.simulator.node.SimNode;
import io.fleetlab.simulator.result.ChangeKind;
import io.fleetlab.simulator.result.EventKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The simulated nodes of a run and the changes of the true fleet: it starts, stops and crashes
 * {@link SimNode}s (each the core's {@code ClusterMember}) and tells its {@link FleetObserver}s
 * what changed, in the order it happened. It measures nothing itself.
 */
public final class Fleet {
    private final Simulation simulation;
    private final SimNetwork network;
    private final UniformRandomProvider rng;
    private final MemberSettings settings;
    private final List<Component> components;
    private final OwnershipStrategy.Factory ownership;
    private final boolean oracle;
    private final String namePattern;
    private final Map<String, SimNode> nodes = new LinkedHashMap<>();
    /** Node identities shared by every node's member tables (one copy of each name, record and row). */
    private final NodeRegistry registry = new NodeRegistry();
    private final Collection<SimNode> readOnly = Collections.unmodifiableCollection(nodes.values());
    private final List<FleetObserver> observers = new ArrayList<>();
    private final NodeListener relay = new Relay();
    /** {@link #discover()}'s answer until a node goes up or down; null to list them again. */
    private List<String> discovered;
    private int nextOrdinal;

    /**
     * @param rng         the run's one random source: each node's protocol randomness is seeded
     *                    from it when the node starts, in start order
     * @param oracle      every view updated at once from the true fleet instead of gossip
     * @param namePattern {@link String#format} pattern with the node's ordinal
     */
    public Fleet(Simulation simulation, SimNetwork network, UniformRandomProvider rng, MemberSettings settings,
            List<Component> components, OwnershipStrategy.Factory ownership, boolean oracle, String namePattern) {
        this.simulation = simulation;
        this.network = network;
        this.rng = rng;
        this.settings = settings;
        this.components = List.copyOf(components);
        this.ownership = ownership;
        this.oracle = oracle;
        this.namePattern = namePattern;
    }

    /** {@code o} hears every change from now on, after the observers added before it. */
    public void observe(FleetObserver o) {
        observers.add(o);
    }

    /** The name of the node with {@code ordinal}. */
    public String name(int ordinal) {
        return String.format(namePattern, ordinal);
    }

    /** The next unused name. */
    public String nextName() {
        return name(nextOrdinal++);
    }

    /** Every node created so far, running or not, in creation order. */
    public Collection<SimNode> nodes() {
        return readOnly;
    }

    /** The node named {@code name}, created (down) if it does not exist yet. */
    public SimNode node(String name) {
        return nodes.computeIfAbsent(name, n -> new SimNode(n, new NodeScheduler(simulation), network, components,
                ownership, relay, registry, () -> discovered = null));
    }

    /** Whether {@code name} runs (leaving included). */
    public boolean isUp(String name) {
        SimNode n = nodes.get(name);
        return n != null && n.up();
    }

    /** Nodes that are up, in the order they were first created. */
    public List<SimNode> upNodes() {
        List<SimNode> up = new ArrayList<>();
        for (SimNode n : nodes.values()) {
            if (n.up()) {
                up.add(n);
            }
        }
        return up;
    }

    /** Records a scenario action that is not a change of a node (a partition, a pause ...). */
    public void action(EventKind kind, String node, String detail) {
        for (FleetObserver o : observers) {
            o.action(simulation.now(), kind, node, detail);
        }
    }

    /** The initial fleet starts cold: {@code size} nodes spread evenly over {@code spreadNanos}, joining through seeds. */
    public void startCold(int size, long spreadNanos) {
        for (int i = 0; i < size; i++) {
            String name = nextName();
            long at = size == 1 ? 0 : spreadNanos * i / size;
            simulation.at(at, () -> start(name, null));
        }
    }

    /**
     * The warm start: every initial node starts at 0 knowing every other as an alive participant
     * (incarnation 0, and the Lamport time 2 each node's own announcement of participant carries:
     * 1 is its viewer state at birth), so nobody has news to spread. One shared list serves all.
     */
    public void startConverged(int size) {
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
        List<NodeRecord> sharedMembers = List.copyOf(members);
        List<StateMessage> sharedStates = List.copyOf(states);
        simulation.at(0, () -> {
            for (String name : names) {
                if (oracle) {
                    start(name, null);
                } else {
                    node(name).startGossipConverged(settings, this::discover, nodeRandom(), sharedMembers, sharedStates);
                }
            }
        });
    }

    /**
     * Starts {@code name}; {@code kind} is null for the initial fleet, else {@link ChangeKind#JOIN}
     * or {@link ChangeKind#RESTART}, a change the observers measure.
     */
    public void start(String name, ChangeKind kind) {
        SimNode node = node(name);
        if (node.up()) {
            return;
        }
        List<Peer> before = truth();
        if (kind != null) {
            action(EventKind.of(kind), name, "");
            changeStarted(kind, name, -1);
        }
        if (oracle) {
            node.startOracle(settings);
        } else {
            node.startGossip(settings, this::discover, nodeRandom());
        }
        if (kind != null) {
            fleetChanged(kind, name, before);
        }
        oracleBroadcast();
        if (oracle && kind != null) {
            learnedByAll(name);
        }
    }

    /** {@code name} leaves gracefully, recorded as {@code action}; {@code then} runs once it is gone. */
    public void leave(String name, EventKind action, Runnable then) {
        SimNode node = nodes.get(name);
        if (node == null || node.status() != SimNode.Status.UP) {
            return;
        }
        List<Peer> before = truth();
        action(action, name, "graceful");
        changeStarted(ChangeKind.LEAVE, name, before.size());
        node.leave(() -> {
            wentDown(name);
            oracleBroadcast();
            if (oracle) {
                learnedByAll(name);
            }
            then.run();
        });
        fleetChanged(ChangeKind.LEAVE, name, before);
        oracleBroadcast();
    }

    /** {@code name} crashes, recorded as {@code action}. */
    public void crash(String name, EventKind action) {
        SimNode node = nodes.get(name);
        if (node == null || !node.up()) {
            return;
        }
        List<Peer> before = truth();
        action(action, name, "");
        changeStarted(ChangeKind.CRASH, name, before.size());
        node.crash();
        wentDown(name);
        fleetChanged(ChangeKind.CRASH, name, before);
        oracleBroadcast();
        if (oracle) {
            learnedByAll(name);
        }
    }

    private RandomGenerator nodeRandom() {
        UniformRandomProvider own = RandomSource.XO_RO_SHI_RO_128_PP.create(rng.nextLong());
        return own::nextLong;
    }

    /** {@code members} is the true fleet's size with the node concerned; -1: the others and the joiner. */
    private void changeStarted(ChangeKind kind, String name, int members) {
        List<String> others = new ArrayList<>();
        for (SimNode n : nodes.values()) {
            if (n.status() == SimNode.Status.UP && !n.name().equals(name)) {
                others.add(n.name());
            }
        }
        List<String> watching = List.copyOf(others);
        int size = members < 0 ? watching.size() + 1 : members;
        for (FleetObserver o : observers) {
            o.changeStarted(simulation.now(), kind, name, watching, size);
        }
    }

    private void fleetChanged(ChangeKind kind, String name, List<Peer> before) {
        List<Peer> after = truth();
        for (FleetObserver o : observers) {
            o.fleetChanged(simulation.now(), kind, name, before, after);
        }
    }

    private void learnedByAll(String name) {
        for (FleetObserver o : observers) {
            o.learnedByAll(simulation.now(), name);
        }
    }

    private void wentDown(String name) {
        for (FleetObserver o : observers) {
            o.wentDown(name);
        }
    }

    /**
     * What peer discovery (a headless service's DNS) returns: the address of every running node.
     * One immutable list, kept until a node goes up or down: asked at every node's rejoin, and a
     * node's seed pick reuses what it worked out for the very same list.
     */
    private List<String> discover() {
        List<String> known = discovered;
        if (known != null) {
            return known;
        }
        List<String> out = new ArrayList<>(nodes.size());
        for (SimNode n : nodes.values()) {
            if (n.up()) {
                out.add(n.address());
            }
        }
        discovered = List.copyOf(out);
        return discovered;
    }

    /** The fleet as it really is: every running node that has not started leaving, as a participant. */
    private List<Peer> truth() {
        List<Peer> peers = new ArrayList<>();
        for (SimNode n : nodes.values()) {
            if (n.status() == SimNode.Status.UP) {
                peers.add(new Peer(n.name(), n.address(), PeerState.PARTICIPANT, false));
            }
        }
        return List.copyOf(peers);
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

    /** Passes each node's events on to the observers, stamped with the simulated time. */
    private final class Relay implements NodeListener {
        @Override
        public void ownershipChanged(String node, OwnershipChange change) {
            for (FleetObserver o : observers) {
                o.ownershipChanged(simulation.now(), node, change);
            }
        }

        @Override
        public void membershipEvent(String node, NodeEvent event) {
            for (FleetObserver o : observers) {
                o.membershipEvent(simulation.now(), node, event);
            }
        }

        @Override
        public void viewChanged(String node, List<Peer> peers) {
            for (FleetObserver o : observers) {
                o.viewChanged(simulation.now(), node, peers);
            }
        }
    }
}
