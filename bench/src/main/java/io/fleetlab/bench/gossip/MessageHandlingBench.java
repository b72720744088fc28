package io.fleetlab.bench.gossip;

import io.fleetlab.core.membership.GossipConfig;
import io.fleetlab.core.membership.Membership;
import io.fleetlab.core.membership.wire.Keyring;
import io.fleetlab.core.membership.wire.PacketCodec;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.testkit.CountingTransport;
import io.fleetlab.core.testkit.FrozenScheduler;
import io.fleetlab.core.transport.TransportHandler;
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
 * A node ({@code alloy-0}, Alloy's gossip settings, plaintext) that knows {@code members} alive
 * participants receives, from the transport: a probe it must answer ({@code ping}: decode, ack,
 * piggyback pending news, frame, send); a gossip datagram of
 * {@value GossipMessages#GOSSIP_BATCH} messages it already knows ({@code staleGossip}: the common
 * case once news has spread); and a full-state push-pull reply that changes nothing
 * ({@code stalePushPull}, every periodic exchange in a stable fleet). Timers never fire, so only
 * the handling is measured.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MessageHandlingBench {
    static final long INCARNATION = 5;
    static final long LAMPORT_TIME = 9;

    @Param({"100", "1000"})
    int members;

    Membership membership;
    CountingTransport transport;
    private TransportHandler inbound;
    private byte[] pingFrame;
    private byte[] staleGossipFrame;
    private byte[] stalePushPullFrame;
    private final String from = GossipMessages.address(1);

    @Setup
    public void joinFleet() {
        transport = new CountingTransport(GossipMessages.address(0));
        membership = new Membership(GossipMessages.name(0), GossipConfig.alloy(), new FrozenScheduler(1_000_000_000L),
                transport, new SplittableRandom(1));
        membership.join(List.of());
        membership.setState(PeerState.PARTICIPANT);
        inbound = transport.handler();

        PacketCodec codec = new PacketCodec(Keyring.none(), new SplittableRandom(2));
        stalePushPullFrame = codec.frame(GossipMessages.fullState(members, INCARNATION, LAMPORT_TIME));
        inbound.onReliable(from, stalePushPullFrame);
        if (membership.memberCount() != members) {
            throw new IllegalStateException("expected " + members + " members after the push-pull, got "
                    + membership.memberCount());
        }
        pingFrame = codec.frame(GossipMessages.ping(1, 1, 0));
        staleGossipFrame = codec.frame(GossipMessages.gossipBatch(2, INCARNATION, LAMPORT_TIME).stream()
                .map(codec::encode).toList());
    }

    @Benchmark
    public long ping() {
        inbound.onPacket(from, pingFrame);
        return transport.packets();
    }

    @Benchmark
    public int staleGossip() {
        inbound.onPacket(from, staleGossipFrame);
        return membership.memberCount();
    }

    @Benchmark
    public int stalePushPull() {
        inbound.onReliable(from, stalePushPullFrame);
        return membership.memberCount();
    }
}
