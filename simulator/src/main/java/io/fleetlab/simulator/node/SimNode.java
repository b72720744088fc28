package io.fleetlab.simulator.node;

import io.fleetlab.core.membership.GossipConfig;
import io.fleetlab.core.membership.Membership;
import io.fleetlab.core.membership.TrafficCounters;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.rebalance.ClusteringOptions;
import io.fleetlab.core.rebalance.OwnershipChange;
import io.fleetlab.core.rebalance.Rebalancer;
import io.fleetlab.core.rebalance.TargetSet;
import io.fleetlab.core.ring.Sharders;
import io.fleetlab.simulator.engine.NodeScheduler;
import io.fleetlab.simulator.network.SimNetwork;
import io.fleetlab.simulator.network.SimTransport;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One simulated Alloy node: the core's gossip membership feeding the core's rebalancer, exactly
 * as in a real node, over a simulated scheduler and transport. Restarts keep the name and get a
 * fresh membership and rebalancer, as a restarted process does.
 */
public final class SimNode {
    /** Whether the process runs. */
    public enum Status { UP, LEAVING, DOWN }

    private final String name;
    private final String address;
    private final NodeScheduler scheduler;
    private final SimNetwork network;
    private final OwnershipTables tables;
    private final TargetSet targets;
    private final ClusteringOptions options;
    private final NodeListener listener;
    private Membership membership;
    private Rebalancer rebalancer;
    private Status status = Status.DOWN;
    private int starts;
    private int lastViewSize;
    private long messagesSentBefore;
    private long bytesSentBefore;

    public SimNode(String name, NodeScheduler scheduler, SimNetwork network, OwnershipTables tables, TargetSet targets,
            ClusteringOptions options, NodeListener listener) {
        this.name = name;
        this.address = name + ":7946";
        this.scheduler = scheduler;
        this.network = network;
        this.tables = tables;
        this.targets = targets;
        this.options = options;
        this.listener = listener;
    }

    /** Starts the process with gossip: joins through {@code seeds} and becomes a participant. */
    public void startGossip(GossipConfig config, List<String> seeds, RandomGenerator random) {
        startRebalancer();
        SimTransport transport = network.attach(name, address, scheduler);
        membership = new Membership(name, config, scheduler, transport, random);
        membership.addEventListener(e -> listener.membershipEvent(this, e));
        membership.addPeerSetListener(this::applyView);
        membership.join(seeds);
        membership.setState(PeerState.PARTICIPANT);
    }

    /** Starts the process without gossip: views come from {@link #applyView}, driven by an oracle. */
    public void startOracle() {
        startRebalancer();
    }

    private void startRebalancer() {
        starts++;
        status = Status.UP;
        // The sharder only serves the standalone view; fleet views come from the shared tables.
        rebalancer = new Rebalancer(name, Sharders.create("alloy-ring", 1), options);
        report(rebalancer.setTargets(targets));
    }

    /** A new view reached this node's components. */
    public void applyView(List<Peer> peers) {
        if (status == Status.DOWN || rebalancer == null) {
            return;
        }
        lastViewSize = peers.size();
        listener.viewChanged(this, peers);
        report(rebalancer.setPeers(peers, tables.forView(peers)));
    }

    private void report(OwnershipChange change) {
        if (!change.isEmpty()) {
            listener.ownershipChanged(this, change);
        }
    }

    /** Leaves gracefully; {@code whenDone} runs once the node has left and stopped. */
    public void leave(Runnable whenDone) {
        if (status != Status.UP) {
            return;
        }
        status = Status.LEAVING;
        if (membership == null) {
            stop();
            whenDone.run();
            return;
        }
        membership.leave(() -> {
            stop();
            whenDone.run();
        });
    }

    /** Stops at once: no goodbye, pending work dropped. */
    public void crash() {
        if (status == Status.DOWN) {
            return;
        }
        if (membership != null) {
            membership.shutdown();
        }
        scheduler.crash();
        stop();
    }

    private void stop() {
        if (membership != null) {
            TrafficCounters t = membership.traffic();
            messagesSentBefore += t.messagesSent();
            bytesSentBefore += t.bytesSent();
            membership = null;
        }
        if (rebalancer != null) {
            int n = rebalancer.targetCount();
            int[] stopped = new int[rebalancer.ownedCount()];
            int k = 0;
            for (int i = 0; i < n; i++) {
                if (rebalancer.owns(i)) {
                    stopped[k++] = i;
                }
            }
            rebalancer = null;
            report(new OwnershipChange(new int[0], stopped));
        }
        status = Status.DOWN;
    }

    public String name() {
        return name;
    }

    public String address() {
        return address;
    }

    public Status status() {
        return status;
    }

    public boolean up() {
        return status != Status.DOWN;
    }

    public NodeScheduler scheduler() {
        return scheduler;
    }

    /** The membership of the running process, or null. */
    public Membership membership() {
        return membership;
    }

    /** Owned targets now (0 when down). */
    public int ownedCount() {
        return rebalancer == null ? 0 : rebalancer.ownedCount();
    }

    public int starts() {
        return starts;
    }

    /** Gossip messages sent over the node's life, restarts included. */
    public long messagesSent() {
        return messagesSentBefore + (membership == null ? 0 : membership.traffic().messagesSent());
    }

    /** Gossip bytes sent over the node's life, restarts included. */
    public long bytesSent() {
        return bytesSentBefore + (membership == null ? 0 : membership.traffic().bytesSent());
    }

    /** The view size the node holds now (0 when down). */
    public int viewSize() {
        if (status == Status.DOWN) {
            return 0;
        }
        return membership == null ? lastViewSize : membership.peers().size();
    }
}
