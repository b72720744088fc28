package io.fleetlab.simulator.node;

import io.fleetlab.core.cluster.ClusterListener;
import io.fleetlab.core.cluster.ClusterMember;
import io.fleetlab.core.cluster.Component;
import io.fleetlab.core.cluster.ComponentHost;
import io.fleetlab.core.cluster.MemberSettings;
import io.fleetlab.core.membership.Membership;
import io.fleetlab.core.membership.NodeRegistry;
import io.fleetlab.core.membership.NodeEvent;
import io.fleetlab.core.membership.TrafficCounters;
import io.fleetlab.core.membership.wire.Message.NodeRecord;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.StateMessage;
import io.fleetlab.core.rebalance.OwnershipChange;
import io.fleetlab.core.rebalance.OwnershipStrategy;
import io.fleetlab.simulator.engine.NodeScheduler;
import io.fleetlab.simulator.network.SimNetwork;
import io.fleetlab.simulator.network.SimTransport;
import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * One simulated Alloy node: the core's {@link ClusterMember}, exactly as a real node runs it, over
 * a simulated scheduler, transport and random source. This class only adapts those and keeps
 * what outlives a process (its name, its counters across restarts); a restart gets a fresh
 * {@link ClusterMember}, as a restarted process does.
 */
public final class SimNode {
    /** Whether the process runs. */
    public enum Status { UP, LEAVING, DOWN }

    private final String name;
    private final String address;
    private final NodeScheduler scheduler;
    private final SimNetwork network;
    private final List<Component> components;
    private final OwnershipStrategy.Factory ownership;
    private final NodeListener listener;
    private final NodeRegistry registry;
    private final Runnable upChanged;
    private ClusterMember member;
    private ComponentHost host;
    private List<Peer> oracleView = List.of();
    private Status status = Status.DOWN;
    private int starts;
    private int lastViewSize;
    private long messagesSentBefore;
    private long bytesSentBefore;

    /**
     * @param components the node's clustered components (the same specification on every node)
     * @param ownership  where the components' lookups come from (shared per-view tables in the simulator)
     */
    public SimNode(String name, NodeScheduler scheduler, SimNetwork network, List<Component> components,
            OwnershipStrategy.Factory ownership, NodeListener listener) {
        this(name, scheduler, network, components, ownership, listener, new NodeRegistry(), () -> { });
    }

    /**
     * @param registry  node identities shared by every node of the run (see {@link NodeRegistry})
     * @param upChanged runs whenever {@link #up()} flips, before anything else of the change (the
     *                  fleet's discovery answer is kept until then)
     */
    public SimNode(String name, NodeScheduler scheduler, SimNetwork network, List<Component> components,
            OwnershipStrategy.Factory ownership, NodeListener listener, NodeRegistry registry, Runnable upChanged) {
        this.registry = registry;
        this.upChanged = upChanged;
        this.name = name;
        this.address = name + ":7946";
        this.scheduler = scheduler;
        this.network = network;
        this.components = List.copyOf(components);
        this.ownership = ownership;
        this.listener = listener;
    }

    /** Starts the process with gossip; {@code discover} lists the fleet's addresses, as DNS would. */
    public void startGossip(MemberSettings settings, Supplier<List<String>> discover, RandomGenerator random) {
        starts++;
        setStatus(Status.UP);
        SimTransport transport = network.attach(name, address, scheduler);
        member = new ClusterMember(name, settings, scheduler, transport, random, components, ownership, adapter(),
                registry);
        host = member.components();
        member.start(discover);
    }

    /**
     * Starts the process with gossip in a fleet that has long converged: it already knows
     * {@code members} and their {@code states} (see {@link ClusterMember#startConverged}).
     */
    public void startGossipConverged(MemberSettings settings, Supplier<List<String>> discover, RandomGenerator random,
            List<NodeRecord> members, List<StateMessage> states) {
        starts++;
        setStatus(Status.UP);
        SimTransport transport = network.attach(name, address, scheduler);
        member = new ClusterMember(name, settings, scheduler, transport, random, components, ownership, adapter(),
                registry);
        host = member.components();
        member.startConverged(discover, members, states);
    }

    /** Starts the process without gossip: views come from {@link #applyView}, driven by an oracle. */
    public void startOracle(MemberSettings settings) {
        starts++;
        setStatus(Status.UP);
        host = new ComponentHost(name, scheduler, components, ownership, settings, adapter());
        host.start(() -> oracleView);
    }

    private ClusterListener adapter() {
        return new ClusterListener() {
            @Override
            public void membershipEvent(NodeEvent event) {
                listener.membershipEvent(name, event);
            }

            @Override
            public void viewChanged(List<Peer> peers) {
                lastViewSize = peers.size();
                listener.viewChanged(name, peers);
            }

            @Override
            public void ownershipChanged(int component, OwnershipChange change) {
                listener.ownershipChanged(name, change);
            }
        };
    }

    /** The oracle's view of the true fleet reached this node (oracle mode only). */
    public void applyView(List<Peer> peers) {
        if (status == Status.DOWN || member != null || host == null) {
            return;
        }
        oracleView = peers;
        host.peersChanged();
    }

    /** Leaves gracefully; {@code whenDone} runs once the node has left and stopped. */
    public void leave(Runnable whenDone) {
        if (status != Status.UP) {
            return;
        }
        setStatus(Status.LEAVING);
        if (member == null) {
            stop();
            whenDone.run();
            return;
        }
        member.leave(() -> {
            stop();
            whenDone.run();
        });
    }

    /** Stops at once: no goodbye, pending work dropped. */
    public void crash() {
        if (status == Status.DOWN) {
            return;
        }
        if (member != null) {
            member.crash();
        }
        scheduler.crash();
        stop();
    }

    private void stop() {
        if (member != null) {
            TrafficCounters t = member.membership().traffic();
            messagesSentBefore += t.messagesSent();
            bytesSentBefore += t.bytesSent();
            member = null;
        }
        if (host != null) {
            host.stop();
            host = null;
        }
        setStatus(Status.DOWN);
    }

    private void setStatus(Status next) {
        boolean wasUp = up();
        status = next;
        if (wasUp != up()) {
            upChanged.run();
        }
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
        return member == null ? null : member.membership();
    }

    /** The running process's cluster member, or null (down, or oracle mode). */
    public ClusterMember member() {
        return member;
    }

    /** Targets scraped now (0 when down). */
    public int ownedCount() {
        return host == null ? 0 : host.scrapingCount(0);
    }

    public int starts() {
        return starts;
    }

    /** Gossip messages sent over the node's life, restarts included. */
    public long messagesSent() {
        return messagesSentBefore + (member == null ? 0 : member.membership().traffic().messagesSent());
    }

    /** Gossip bytes sent over the node's life, restarts included. */
    public long bytesSent() {
        return bytesSentBefore + (member == null ? 0 : member.membership().traffic().bytesSent());
    }

    /** The view size the node holds now (0 when down). */
    public int viewSize() {
        if (status == Status.DOWN) {
            return 0;
        }
        return member == null ? lastViewSize : member.peers().size();
    }
}
