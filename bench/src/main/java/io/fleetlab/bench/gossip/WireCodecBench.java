package io.fleetlab.bench.gossip;

import io.fleetlab.core.membership.wire.Keyring;
import io.fleetlab.core.membership.wire.MalformedMessageException;
import io.fleetlab.core.membership.wire.Message;
import io.fleetlab.core.membership.wire.PacketCodec;
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
 * Encoding and decoding gossip messages with the wire codec, plaintext and AES-GCM: a probe
 * ({@code ping}), a datagram of {@value GossipMessages#GOSSIP_BATCH} piggybacked messages
 * ({@code gossip}) and a full-state push-pull of {@code members} members ({@code pushPull}).
 * Encoding a gossip datagram frames bodies that were encoded when the news was queued, as the
 * membership does.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class WireCodecBench {
    @Param({"plain", "aes-gcm"})
    String encryption;

    @Param({"1000"})
    int members;

    private PacketCodec codec;
    private Message ping;
    private List<byte[]> gossipBodies;
    private Message pushPull;
    private byte[] pingFrame;
    private byte[] gossipFrame;
    private byte[] pushPullFrame;
    private final List<Message> decoded = new ArrayList<>();

    @Setup
    public void encodeInputs() {
        Keyring keyring = switch (encryption) {
            case "plain" -> Keyring.none();
            case "aes-gcm" -> Keyring.of(new byte[16]);
            default -> throw new IllegalArgumentException("encryption must be plain or aes-gcm, got " + encryption);
        };
        // Nonces need not be secret-quality here; a seeded generator keeps runs repeatable.
        codec = new PacketCodec(keyring, new SplittableRandom(42));
        ping = GossipMessages.ping(7, 3, 4);
        gossipBodies = new ArrayList<>();
        for (Message m : GossipMessages.gossipBatch(10, 5, 9)) {
            gossipBodies.add(codec.encode(m));
        }
        pushPull = GossipMessages.fullState(members, 5, 9);
        pingFrame = codec.frame(ping);
        gossipFrame = codec.frame(gossipBodies);
        pushPullFrame = codec.frame(pushPull);
    }

    @Benchmark
    public byte[] encodePing() {
        return codec.frame(ping);
    }

    @Benchmark
    public List<Message> decodePing() throws MalformedMessageException {
        decoded.clear();
        codec.decodePacket(pingFrame, decoded);
        return decoded;
    }

    @Benchmark
    public byte[] encodeGossip() {
        return codec.frame(gossipBodies);
    }

    @Benchmark
    public List<Message> decodeGossip() throws MalformedMessageException {
        decoded.clear();
        codec.decodePacket(gossipFrame, decoded);
        return decoded;
    }

    @Benchmark
    public byte[] encodePushPull() {
        return codec.frame(pushPull);
    }

    @Benchmark
    public Message decodePushPull() throws MalformedMessageException {
        return codec.decodeStream(pushPullFrame);
    }
}
