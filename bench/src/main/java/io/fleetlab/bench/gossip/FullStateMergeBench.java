package io.fleetlab.bench.gossip;

import io.fleetlab.core.membership.GossipConfig;
import io.fleetlab.core.membership.Membership;
import io.fleetlab.core.membership.NodeRegistry;
import io.fleetlab.core.membership.wire.Keyring;
import io.fleetlab.core.membership.wire.Message.PushPull;
import io.fleetlab.core.membership.wire.MessageFrame;
import io.fleetlab.core.membership.wire.PacketCodec;
import io.fleetlab.core.testkit.FrozenScheduler;
import io.fleetlab.core.transport.Payload;
import io.fleetlab.core.transport.Transport;
import io.fleetlab.core.transport.TransportHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Two nodes of one simulated fleet (one {@link NodeRegistry}, Alloy's settings, plaintext), both
 * knowing {@code members} alive participants: {@code alloy-0} receives {@code alloy-1}'s answer to
 * its push-pull, decoded, when nothing changed (every periodic exchange in a stable fleet), side by
 * side: {@code byIndex} is the answer as {@code alloy-1} built it (entries with their registry
 * index: held values recognised by identity), {@code byName} the same entries in plain lists (each
 * looked up by name and compared, as before the indices and as a full state decoded from bytes).
 * {@code agreed} is the same exchange between two nodes whose tables both hold the registry's
 * agreed state (each heard the other's own peer state, as in a settled fleet): the answer is a view
 * of that state, recognised as bringing nothing without a pass over its entries.
 * Timers never fire, so only the merge is measured.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class FullStateMergeBench {
    @Param({"1000"})
    int members;

    Membership receiver;
    private TransportHandler inbound;
    MessageFrame byIndexFrame;
    MessageFrame byNameFrame;
    private final String from = GossipMessages.address(1);
    Membership agreedReceiver;
    private TransportHandler agreedInbound;
    MessageFrame agreedFrame;

    /** Keeps the last stream message sent. */
    static final class LastStream implements Transport {
        private final String address;
        TransportHandler handler;
        Payload last;
        long sent;

        LastStream(String address) {
            this.address = address;
        }

        @Override
        public String localAddress() {
            return address;
        }

        @Override
        public void bind(TransportHandler h) {
            handler = h;
        }

        @Override
        public void sendPacket(String toAddress, byte[] packet) {
            sent++;
        }

        @Override
        public void sendReliable(String toAddress, byte[] message, Runnable onFailure) {
            sent++;
        }

        @Override
        public void sendPacket(String toAddress, Payload packet) {
            sent++;
        }

        @Override
        public void sendReliable(String toAddress, Payload message, Runnable onFailure) {
            sent++;
            last = message;
        }

        @Override
        public void close() {
        }
    }

    LastStream receiverNet;

    @Setup
    public void exchange() {
        NodeRegistry registry = new NodeRegistry();
        FrozenScheduler scheduler = new FrozenScheduler(1_000_000_000L);
        receiverNet = new LastStream(GossipMessages.address(0));
        LastStream senderNet = new LastStream(GossipMessages.address(1));
        receiver = new Membership(GossipMessages.name(0), GossipConfig.alloy(), scheduler, receiverNet,
                new SplittableRandom(1), registry);
        Membership sender = new Membership(GossipMessages.name(1), GossipConfig.alloy(), scheduler, senderNet,
                new SplittableRandom(2), registry);
        PushPull fleet = GossipMessages.fullState(members, MessageHandlingBench.INCARNATION,
                MessageHandlingBench.LAMPORT_TIME);
        receiver.assumeConverged(fleet.nodes(), fleet.states());
        sender.assumeConverged(fleet.nodes(), fleet.states());
        receiver.join(List.of());
        sender.join(List.of());
        receiver.rejoin(List.of(GossipMessages.address(1)));
        senderNet.handler.onReliable(GossipMessages.address(0), receiverNet.last);
        byIndexFrame = (MessageFrame) senderNet.last;
        PushPull answer = (PushPull) byIndexFrame.message(0);
        byNameFrame = (MessageFrame) new PacketCodec(Keyring.none(), new SplittableRandom(3)).stream(
                new PushPull(answer.join(), answer.reply(), answer.senderName(), answer.senderAddress(),
                        new ArrayList<>(answer.nodes()), new ArrayList<>(answer.states())));
        inbound = receiverNet.handler;
        inbound.onReliable(from, byIndexFrame); // settles the join: from now on nothing changes
        if (receiver.memberCount() != members) {
            throw new IllegalStateException("expected " + members + " members, got " + receiver.memberCount());
        }
        agreedExchange(fleet);
    }

    /** Two nodes holding the agreed state: each announces participant and hears the other's announcement. */
    private void agreedExchange(PushPull fleet) {
        NodeRegistry registry = new NodeRegistry();
        FrozenScheduler scheduler = new FrozenScheduler(1_000_000_000L);
        LastStream receiverAt = new LastStream(GossipMessages.address(0));
        LastStream senderAt = new LastStream(GossipMessages.address(1));
        agreedReceiver = new Membership(GossipMessages.name(0), GossipConfig.alloy(), scheduler, receiverAt,
                new SplittableRandom(1), registry);
        Membership sender = new Membership(GossipMessages.name(1), GossipConfig.alloy(), scheduler, senderAt,
                new SplittableRandom(2), registry);
        // the two nodes' own records and states are as they make them (incarnation 0, their own
        // announcements), not as the list has them
        List<io.fleetlab.core.membership.wire.Message.NodeRecord> nodes = new ArrayList<>(fleet.nodes());
        for (int i = 0; i < 2; i++) {
            nodes.set(i, new io.fleetlab.core.membership.wire.Message.NodeRecord(GossipMessages.name(i),
                    GossipMessages.address(i), 0, io.fleetlab.core.membership.wire.NodeStatus.ALIVE));
        }
        List<io.fleetlab.core.peer.StateMessage> others = fleet.states().subList(2, fleet.states().size());
        agreedReceiver.assumeConverged(nodes, others);
        sender.assumeConverged(nodes, others);
        agreedReceiver.join(List.of());
        sender.join(List.of());
        PacketCodec codec = new PacketCodec(Keyring.none(), new SplittableRandom(4));
        sender.setState(io.fleetlab.core.peer.PeerState.PARTICIPANT);
        receiverAt.handler.onPacket(GossipMessages.address(1), codec.packet(List.of(PacketCodec.sized(
                new io.fleetlab.core.membership.wire.Message.PeerStateUpdate(sender.stateOf(GossipMessages.name(1)))))));
        agreedReceiver.setState(io.fleetlab.core.peer.PeerState.PARTICIPANT);
        senderAt.handler.onPacket(GossipMessages.address(0), codec.packet(List.of(PacketCodec.sized(
                new io.fleetlab.core.membership.wire.Message.PeerStateUpdate(
                        agreedReceiver.stateOf(GossipMessages.name(0)))))));
        agreedReceiver.rejoin(List.of(GossipMessages.address(1)));
        senderAt.handler.onReliable(GossipMessages.address(0), receiverAt.last);
        agreedFrame = (MessageFrame) senderAt.last;
        agreedInbound = receiverAt.handler;
        agreedInbound.onReliable(from, agreedFrame); // settles the join
        PushPull answer = (PushPull) agreedFrame.message(0);
        if (((io.fleetlab.core.membership.wire.IndexedEntries<?>) answer.nodes()).agreedVersion() < 0
                || agreedReceiver.memberCount() != members) {
            throw new IllegalStateException("the agreed exchange did not agree");
        }
    }

    @Benchmark
    public int agreed() {
        agreedInbound.onReliable(from, agreedFrame);
        return agreedReceiver.memberCount();
    }

    @Benchmark
    public int byIndex() {
        inbound.onReliable(from, byIndexFrame);
        return receiver.memberCount();
    }

    @Benchmark
    public int byName() {
        inbound.onReliable(from, byNameFrame);
        return receiver.memberCount();
    }
}
