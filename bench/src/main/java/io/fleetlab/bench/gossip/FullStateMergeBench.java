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
