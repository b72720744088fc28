package io.fleetlab.core.node;

import io.fleetlab.core.membership.GossipConfig;
import io.fleetlab.core.membership.Membership;
import io.fleetlab.core.membership.MembershipEventListener;
import io.fleetlab.core.membership.wire.NodeStatus;
import io.fleetlab.core.net.NioTransport;
import io.fleetlab.core.net.RealTimeScheduler;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * A membership on real sockets: its event loop, its UDP/TCP transport and the protocol, with
 * thread-safe accessors for code outside the loop (HTTP handlers, tests, tools).
 */
public final class LocalNode implements AutoCloseable {
    private final RealTimeScheduler loop;
    private final NioTransport transport;
    private final Membership membership;

    private LocalNode(RealTimeScheduler loop, NioTransport transport, Membership membership) {
        this.loop = loop;
        this.transport = transport;
        this.membership = membership;
    }

    /**
     * Binds {@code bind} (port 0 for any free port) and creates the membership; call {@link #start}
     * to join.
     */
    public static LocalNode create(String name, InetSocketAddress bind, GossipConfig config, RandomGenerator random)
            throws IOException {
        RealTimeScheduler loop = new RealTimeScheduler("fleetlab-" + name);
        NioTransport transport;
        try {
            transport = new NioTransport(bind, loop);
        } catch (IOException e) {
            loop.close();
            throw e;
        }
        Membership m;
        try {
            m = loop.call(() -> new Membership(name, config, loop, transport, random));
        } catch (InterruptedException | ExecutionException e) {
            transport.close();
            loop.close();
            throw new IOException("could not create the membership", e instanceof ExecutionException ? e.getCause() : e);
        }
        return new LocalNode(loop, transport, m);
    }

    /** Joins through {@code seeds} and announces {@code state}. */
    public void start(List<String> seeds, PeerState state) {
        run(() -> {
            membership.join(seeds);
            membership.setState(state);
        });
    }

    /** Adds an event listener (events arrive on the event loop). */
    public void onEvent(MembershipEventListener listener) {
        run(() -> membership.addEventListener(listener));
    }

    public String name() {
        return membership.name();
    }

    public String address() {
        return transport.localAddress();
    }

    public List<Peer> peers() {
        return get(membership::peers);
    }

    public NodeStatus statusOf(String member) {
        return get(() -> membership.statusOf(member));
    }

    /** A consistent snapshot of the traffic counters: {packets sent, bytes sent, packets received, bytes received, messages sent, reliable sent}. */
    public long[] trafficSnapshot() {
        return get(() -> {
            var t = membership.traffic();
            return new long[] {t.packetsSent(), t.bytesSent(), t.packetsReceived(), t.bytesReceived(),
                    t.messagesSent(), t.reliableSent()};
        });
    }

    /** Rotates the gossip keys (see {@link Membership#setKeyring}). */
    public void setKeyring(io.fleetlab.core.membership.wire.Keyring keyring) {
        get(() -> {
            membership.setKeyring(keyring);
            return null;
        });
    }

    /** Leaves gracefully and waits up to {@code timeoutMillis} for the leave to finish. */
    public boolean leave(long timeoutMillis) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        run(() -> membership.leave(done::countDown));
        boolean ok = done.await(timeoutMillis, TimeUnit.MILLISECONDS);
        loop.close();
        return ok;
    }

    /** Stops at once without telling anyone (a crash). */
    public void kill() {
        run(membership::shutdown);
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
