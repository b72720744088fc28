package io.fleetlab.core.node;

import io.fleetlab.core.cluster.ClusterListener;
import io.fleetlab.core.cluster.ClusterMember;
import io.fleetlab.core.cluster.Component;
import io.fleetlab.core.cluster.ComponentHost;
import io.fleetlab.core.cluster.MemberSettings;
import io.fleetlab.core.membership.GossipConfig;
import io.fleetlab.core.membership.Membership;
import io.fleetlab.core.membership.MembershipEventListener;
import io.fleetlab.core.membership.NodeEvent;
import io.fleetlab.core.membership.RejectReason;
import io.fleetlab.core.membership.TrafficCounters;
import io.fleetlab.core.membership.wire.NodeStatus;
import io.fleetlab.core.net.NioTransport;
import io.fleetlab.core.net.RealTimeScheduler;
import io.fleetlab.core.net.StreamLimits;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.rebalance.OwnershipChange;
import io.fleetlab.core.rebalance.OwnershipStrategy;
import io.fleetlab.core.ring.AlloyRing;
import io.fleetlab.core.ring.HashingAlgorithm;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * A {@link ClusterMember} on real sockets: its event loop, its UDP/TCP transport and the node,
 * with thread-safe accessors for code outside the loop (HTTP handlers, tests, tools).
 */
public final class LocalNode implements AutoCloseable {
    private final RealTimeScheduler loop;
    private final NioTransport transport;
    private final ClusterMember member;
    private final List<MembershipEventListener> listeners = new CopyOnWriteArrayList<>();
    private final long[] started;
    private final long[] stopped;

    private LocalNode(RealTimeScheduler loop, NioTransport transport, MemberSettings settings, RandomGenerator random,
            List<Component> components, String name) throws IOException {
        this.loop = loop;
        this.transport = transport;
        this.started = new long[components.size()];
        this.stopped = new long[components.size()];
        ClusterListener listener = new ClusterListener() {
            @Override
            public void membershipEvent(NodeEvent event) {
                for (MembershipEventListener l : listeners) {
                    l.onEvent(event);
                }
            }

            @Override
            public void ownershipChanged(int component, OwnershipChange change) {
                started[component] += change.started().length;
                stopped[component] += change.stopped().length;
            }
        };
        try {
            this.member = loop.call(() -> new ClusterMember(name, settings, loop, transport, random, components,
                    OwnershipStrategy.ownRing(HashingAlgorithm.ALLOY_RING, AlloyRing.DEFAULT_TOKENS), listener));
        } catch (InterruptedException | ExecutionException e) {
            throw new IOException("could not create the node", e instanceof ExecutionException ? e.getCause() : e);
        }
    }

    /** Binds {@code bind} (port 0 for any free port) and creates a node without components; call {@link #start} to join. */
    public static LocalNode create(String name, InetSocketAddress bind, GossipConfig config, RandomGenerator random)
            throws IOException {
        return create(name, bind, MemberSettings.of(config), random, List.of());
    }

    /**
     * Binds {@code bind} (port 0 for any free port) and creates a node whose {@code components}
     * own targets on Alloy's ring; call {@link #start} to join.
     */
    public static LocalNode create(String name, InetSocketAddress bind, MemberSettings settings, RandomGenerator random,
            List<Component> components) throws IOException {
        RealTimeScheduler loop = new RealTimeScheduler("fleetlab-" + name);
        NioTransport transport;
        try {
            // one stream timeout, memberlist's TCPTimeout, for the protocol and the transport alike
            transport = new NioTransport(bind, loop, StreamLimits.defaults().withMaxStreamTime(settings.gossip().streamTimeout()));
        } catch (IOException e) {
            loop.close();
            throw e;
        }
        try {
            return new LocalNode(loop, transport, settings, random, List.copyOf(components), name);
        } catch (IOException | RuntimeException e) {
            transport.close();
            loop.close();
            throw e;
        }
    }

    /** Joins through {@code seeds} in Alloy's order, announcing {@code state} first. */
    public void start(List<String> seeds, PeerState state) {
        List<String> copy = List.copyOf(seeds);
        run(() -> member.start(() -> copy, state == PeerState.PARTICIPANT));
    }

    /** Adds an event listener (events arrive on the event loop). */
    public void onEvent(MembershipEventListener listener) {
        listeners.add(listener);
    }

    public String name() {
        return member.name();
    }

    public String address() {
        return transport.localAddress();
    }

    public List<Peer> peers() {
        return get(member::peers);
    }

    public NodeStatus statusOf(String member) {
        return get(() -> this.member.membership().statusOf(member));
    }

    /** Indices of the targets component {@code c} scrapes now (empty before the join returned). */
    public int[] owned(int c) {
        return get(() -> member.components().scrapingIndices(c));
    }

    /** A consistent snapshot of the traffic counters: {packets sent, bytes sent, packets received, bytes received, messages sent, reliable sent}. */
    public long[] trafficSnapshot() {
        return get(() -> {
            var t = member.membership().traffic();
            return new long[] {t.packetsSent(), t.bytesSent(), t.packetsReceived(), t.bytesReceived(),
                    t.messagesSent(), t.reliableSent()};
        });
    }

    /** Everything {@code /metrics} shows, taken together on the event loop. */
    NodeMetrics.Snapshot metricsSnapshot() {
        return get(() -> {
            Membership m = member.membership();
            Map<NodeStatus, Integer> members = new EnumMap<>(NodeStatus.class);
            m.forEachMemberStatus(s -> members.merge(s, 1, Integer::sum));
            Map<PeerState, Integer> peers = new EnumMap<>(PeerState.class);
            for (Peer p : m.peers()) {
                peers.merge(p.state(), 1, Integer::sum);
            }
            TrafficCounters t = m.traffic();
            ComponentHost host = member.components();
            List<String> ids = new ArrayList<>();
            long[] owned = new long[host.componentCount()];
            for (int c = 0; c < owned.length; c++) {
                ids.add(host.component(c).id());
                owned[c] = host.scrapingCount(c);
            }
            Map<RejectReason, Long> rejected = new EnumMap<>(RejectReason.class);
            rejected.putAll(t.rejectedByReason());
            return new NodeMetrics.Snapshot(members, peers, m.healthScore(), t.packetsSent(), t.packetBytesSent(),
                    t.packetsReceived(), t.packetBytesReceived(), t.reliableSent(), t.reliableBytesSent(),
                    t.reliableReceived(), t.reliableBytesReceived(), t.probes(), t.gossipRounds(), t.pushPulls(),
                    rejected, ids, owned, started.clone(), stopped.clone(), host.ready());
        });
    }

    /** Rotates the gossip keys (see {@link Membership#setKeyring}). */
    public void setKeyring(io.fleetlab.core.membership.wire.Keyring keyring) {
        get(() -> {
            member.membership().setKeyring(keyring);
            return null;
        });
    }

    /** Leaves gracefully and waits up to {@code timeoutMillis} for the leave to finish. */
    public boolean leave(long timeoutMillis) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        run(() -> member.leave(done::countDown));
        boolean ok = done.await(timeoutMillis, TimeUnit.MILLISECONDS);
        loop.close();
        return ok;
    }

    /** Stops at once without telling anyone (a crash). */
    public void kill() {
        run(member::crash);
        loop.close();
        transport.close();
    }

    @Override
    public void close() {
        kill();
    }

    private void run(Runnable r) {
        if (loop.inEventLoop()) {
            r.run();
            return;
        }
        try {
            loop.call(() -> {
                r.run();
                return null;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // already closed
        }
    }

    private <T> T get(java.util.concurrent.Callable<T> c) {
        try {
            return loop.call(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
