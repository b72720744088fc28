package io.fleetlab.core.membership;

import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.time.Scheduler;
import io.fleetlab.core.transport.Transport;
import io.fleetlab.core.transport.TransportHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Gossip membership of one node (SWIM with Lifeguard, as memberlist), plus Alloy's peer states.
 * All methods must be called on the scheduler's thread.
 */
public final class Membership {
    private final String name;
    private final GossipConfig config;
    private final Scheduler scheduler;
    private final Transport transport;
    private final RandomGenerator random;
    private final TrafficCounters traffic = new TrafficCounters();
    private final List<PeerSetListener> peerSetListeners = new ArrayList<>();
    private final List<MembershipEventListener> eventListeners = new ArrayList<>();
    private PeerState state = PeerState.VIEWER;

    public Membership(String name, GossipConfig config, Scheduler scheduler, Transport transport,
            RandomGenerator random) {
        this.name = Objects.requireNonNull(name, "name");
        this.config = Objects.requireNonNull(config, "config");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.random = Objects.requireNonNull(random, "random");
        transport.bind(new TransportHandler() {
            @Override
            public void onPacket(String fromAddress, byte[] packet) {
                traffic.packetReceived(packet.length);
            }

            @Override
            public void onReliable(String fromAddress, byte[] message) {
                traffic.reliableReceived(message.length);
            }
        });
    }

    /** Joins through the given seeds, or bootstraps a cluster of one when none answers. */
    public void join(List<String> seedAddresses) {
        Objects.requireNonNull(seedAddresses, "seedAddresses");
    }

    /** Announces a new Alloy peer state (Lamport-clocked and gossiped). */
    public void setState(PeerState next) {
        state = next;
    }

    /** Leaves gracefully: announces terminating, then leaves, then runs {@code whenDone}. */
    public void leave(Runnable whenDone) {
        whenDone.run();
    }

    /** Stops at once and sends nothing more, like a crash. */
    public void shutdown() {
        transport.close();
    }

    /** The current view, including the local node, sorted by name. */
    public List<Peer> peers() {
        return List.of(new Peer(name, transport.localAddress(), state, true));
    }

    public void addPeerSetListener(PeerSetListener listener) {
        peerSetListeners.add(listener);
    }

    public void addEventListener(MembershipEventListener listener) {
        eventListeners.add(listener);
    }

    public TrafficCounters traffic() {
        return traffic;
    }

    public String name() {
        return name;
    }

    public GossipConfig config() {
        return config;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    RandomGenerator random() {
        return random;
    }
}
