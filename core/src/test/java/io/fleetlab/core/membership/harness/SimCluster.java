package io.fleetlab.core.membership.harness;

import io.fleetlab.core.membership.GossipConfig;
import io.fleetlab.core.membership.Membership;
import io.fleetlab.core.membership.NodeEvent;
import io.fleetlab.core.membership.NodeRegistry;
import io.fleetlab.core.membership.wire.NodeStatus;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.testkit.InMemoryNetwork;
import io.fleetlab.core.testkit.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** N memberships on an in-memory network and a manual clock, all seeded from one seed. */
public final class SimCluster {
    public final ManualScheduler scheduler = new ManualScheduler();
    public final InMemoryNetwork network;
    public final List<Membership> nodes = new ArrayList<>();
    public final List<NodeEvent> events = new ArrayList<>();
    public final List<String> observers = new ArrayList<>();
    private final GossipConfig config;
    private final SplittableRandom seeds;
    /** Shared by every node when set; else each node keeps its own. */
    private NodeRegistry registry;

    public SimCluster(long seed, GossipConfig config) {
        this.seeds = new SplittableRandom(seed);
        this.network = new InMemoryNetwork(scheduler, seeds.split());
        this.config = config;
    }

    /** From now on every node added shares {@code shared} (as a simulator's nodes do). */
    public SimCluster sharing(NodeRegistry shared) {
        this.registry = shared;
        return this;
    }

    /** Adds a node {@code nodeN} at address {@code 10.0.0.N:7946}, not yet joined. */
    public Membership add() {
        int i = nodes.size();
        RandomGenerator random = seeds.split();
        Membership m = registry == null
                ? new Membership("node" + i, config, scheduler, network.transport("10.0.0." + i + ":7946"), random)
                : new Membership("node" + i, config, scheduler, network.transport("10.0.0." + i + ":7946"), random,
                        registry);
        m.addEventListener(e -> {
            events.add(e);
            observers.add(m.name());
        });
        nodes.add(m);
        return m;
    }

    /** Starts {@code n} nodes, all joining through node 0, all participants. */
    public SimCluster start(int n) {
        for (int i = 0; i < n; i++) {
            Membership m = add();
            m.join(i == 0 ? List.of() : List.of(nodes.get(0).address()));
            m.setState(PeerState.PARTICIPANT);
        }
        return this;
    }

    public Membership node(int i) {
        return nodes.get(i);
    }

    /** Whether every running node sees exactly the running nodes (as participants or terminating). */
    public boolean converged() {
        List<String> alive = new ArrayList<>();
        for (Membership m : nodes) {
            if (m.running()) {
                alive.add(m.name());
            }
        }
        for (Membership m : nodes) {
            if (!m.running()) {
                continue;
            }
            List<Peer> peers = m.peers();
            if (peers.size() != alive.size()) {
                return false;
            }
            for (Peer p : peers) {
                if (!alive.contains(p.name()) || p.state() == PeerState.VIEWER) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether every running node other than {@code subject} records {@code subject} with {@code status}. */
    public boolean allSee(String subject, NodeStatus status) {
        for (Membership m : nodes) {
            if (m.running() && !m.name().equals(subject) && m.statusOf(subject) != status) {
                return false;
            }
        }
        return true;
    }

    public boolean runUntil(java.util.function.BooleanSupplier done, Duration max) {
        return scheduler.runUntil(done, max);
    }

    public void runFor(Duration d) {
        scheduler.runFor(d);
    }
}
