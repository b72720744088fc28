package io.fleetlab.core.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.testkit.ManualScheduler;
import io.fleetlab.core.membership.harness.SimCluster;
import io.fleetlab.core.membership.wire.IndexedEntries;
import io.fleetlab.core.membership.wire.Keyring;
import io.fleetlab.core.membership.wire.Message;
import io.fleetlab.core.membership.wire.MessageFrame;
import io.fleetlab.core.membership.wire.NodeStatus;
import io.fleetlab.core.membership.wire.PacketCodec;
import io.fleetlab.core.membership.wire.SizedMessage;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.transport.Payload;
import io.fleetlab.core.transport.Transport;
import io.fleetlab.core.transport.TransportHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Messages handed over decoded ({@link MessageFrame}) act exactly as their bytes would: the same
 * run, message for message and byte for byte, the same refusals of what decoding refuses, and no
 * aliasing (what was sent stays as it was sent).
 */
class DecodedDeliveryTest {
    private static final GossipConfig LAN = GossipConfig.lan();

    /** Everything a run leaves behind that the two paths must agree on. */
    private static List<String> story(long seed, boolean decoded, boolean sharedRegistry) {
        SimCluster c = new SimCluster(seed, LAN);
        if (sharedRegistry) {
            c.sharing(new NodeRegistry());
        }
        c.network.passDecoded(decoded);
        c.network.setLoss(0.05);
        c.start(6);
        c.runFor(Duration.ofSeconds(40));
        c.node(3).shutdown();
        c.runFor(Duration.ofSeconds(60));
        c.node(4).leave(() -> { });
        c.runFor(Duration.ofSeconds(40));
        List<String> out = new ArrayList<>();
        for (NodeEvent e : c.events) {
            out.add(e.toString());
        }
        for (Membership m : c.nodes) {
            TrafficCounters t = m.traffic();
            out.add(m.name() + " " + t.packetsSent() + "/" + t.packetBytesSent() + " " + t.packetsReceived() + "/"
                    + t.packetBytesReceived() + " " + t.reliableSent() + "/" + t.reliableBytesSent() + " "
                    + t.reliableReceived() + "/" + t.reliableBytesReceived() + " " + t.messagesSent() + " "
                    + t.messagesReceived() + " " + t.rejectedByReason() + " " + m.peers());
        }
        return out;
    }

    @Test
    void aClusterRunsTheSameWhetherMessagesPassDecodedOrAsBytes() {
        for (long seed = 1; seed <= 4; seed++) {
            List<String> bytes = story(seed, false, false);
            List<String> decoded = story(seed, true, false);
            assertTrue(bytes.size() > 20, "the story has events");
            assertEquals(bytes, decoded, "seed " + seed);
        }
    }

    /**
     * Nodes sharing a registry hand each other full states whose entries carry their registry
     * index and summed size ({@link IndexedEntries}): a merge by index and a size by sum must give
     * the run, events and byte counts (the receiver of bytes counts what it got) the bytes give.
     */
    @Test
    void fullStatesBetweenNodesSharingARegistryMergeAndCountAsTheirBytes() {
        for (long seed = 1; seed <= 6; seed++) {
            List<String> bytes = story(seed, false, false);
            assertEquals(bytes, story(seed, true, true), "seed " + seed + ", decoded, shared registry");
            assertEquals(bytes, story(seed, false, true), "seed " + seed + ", bytes, shared registry");
        }
    }

    /** A node on a transport that keeps what it sends and lets the test deliver to it. */
    private static final class Probe implements Transport {
        final String address;
        TransportHandler handler;
        final List<Payload> packets = new ArrayList<>();
        final List<Payload> streams = new ArrayList<>();

        Probe(String address) {
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
            packets.add(Payload.of(packet));
        }

        @Override
        public void sendReliable(String toAddress, byte[] message, Runnable onFailure) {
            streams.add(Payload.of(message));
        }

        @Override
        public void sendPacket(String toAddress, Payload packet) {
            packets.add(packet);
        }

        @Override
        public void sendReliable(String toAddress, Payload message, Runnable onFailure) {
            streams.add(message);
        }

        @Override
        public void close() {
        }
    }

    private static Membership started(Probe t, Keyring keyring) {
        Membership m = new Membership("receiver", LAN.withKeyring(keyring), new ManualScheduler(), t,
                new SplittableRandom(5));
        m.join(List.of());
        return m;
    }

    /** Delivers {@code frame} decoded to one node and as bytes to another; both must count and refuse alike. */
    private static void assertSameOutcome(MessageFrame frame, boolean stream, Keyring receiverKeys, RejectReason expected) {
        Probe a = new Probe("10.0.0.1:7946");
        Probe b = new Probe("10.0.0.1:7946");
        Membership decoded = started(a, receiverKeys);
        Membership bytes = started(b, receiverKeys);
        if (stream) {
            a.handler.onReliable("10.0.0.2:7946", frame);
            b.handler.onReliable("10.0.0.2:7946", frame.toBytes());
        } else {
            a.handler.onPacket("10.0.0.2:7946", frame);
            b.handler.onPacket("10.0.0.2:7946", frame.toBytes());
        }
        assertEquals(bytes.traffic().toString(), decoded.traffic().toString());
        assertEquals(1, decoded.traffic().rejected(expected), decoded.traffic().toString());
    }

    @Test
    void decodedInputIsRefusedAsItsBytesWouldBe() {
        PacketCodec sender = new PacketCodec(Keyring.none(), new SplittableRandom(1));
        List<SizedMessage> huge = new ArrayList<>();
        for (int i = 0; i < 255; i++) {
            huge.add(PacketCodec.sized(new Message.Alive(i, ("n" + i + "-").repeat(100).substring(0, 250),
                    "10.1.0." + i + ":7946")));
        }
        MessageFrame tooLarge = (MessageFrame) sender.packet(huge);
        assertTrue(tooLarge.size() > PacketCodec.MAX_PACKET_BYTES);
        assertSameOutcome(tooLarge, false, Keyring.none(), RejectReason.TOO_LARGE);

        MessageFrame alive = (MessageFrame) sender.packet(List.of(PacketCodec.sized(
                new Message.Alive(1, "other", "10.0.0.2:7946"))));
        byte[] key = new byte[16];
        assertSameOutcome(alive, false, Keyring.of(key), RejectReason.DECRYPT_FAILED);

        MessageFrame pushPullInADatagram = (MessageFrame) sender.packet(List.of(PacketCodec.sized(
                new Message.PushPull(false, true, "other", "10.0.0.2:7946", List.of(), List.of()))));
        assertSameOutcome(pushPullInADatagram, false, Keyring.none(), RejectReason.UNEXPECTED);

        MessageFrame ping = (MessageFrame) sender.stream(new Message.PushPull(false, false, "other", "10.9.9.9:7946",
                List.of(), List.of()));
        assertSameOutcome(ping, true, Keyring.none(), RejectReason.UNEXPECTED);
    }

    @Test
    void aSentPushPullKeepsWhatItSaidWhenTheSenderLearnsMore() {
        Probe t = new Probe("10.0.0.1:7946");
        Membership m = new Membership("sender", LAN, new ManualScheduler(), t, new SplittableRandom(6));
        m.join(List.of("10.0.0.2:7946"));
        m.setState(PeerState.PARTICIPANT);
        MessageFrame join = assertInstanceOf(MessageFrame.class, t.streams.get(0), "plaintext goes as messages");
        Message.PushPull sent = (Message.PushPull) join.message(0);
        assertInstanceOf(IndexedEntries.class, sent.nodes(), "a table's full state keeps its indices and size");
        assertEquals(join.toBytes().length, join.size());
        List<Message.NodeRecord> nodesThen = List.copyOf(sent.nodes());
        byte[] bytesThen = join.toBytes();
        // the sender now learns of another member and changes its own state
        PacketCodec other = new PacketCodec(Keyring.none(), new SplittableRandom(2));
        t.handler.onPacket("10.0.0.3:7946", other.packet(List.of(PacketCodec.sized(
                new Message.Alive(4, "late", "10.0.0.3:7946")))));
        assertNotNull(m.statusOf("late"));
        assertEquals(NodeStatus.ALIVE, m.statusOf("late"));
        assertEquals(nodesThen, sent.nodes(), "a receiver never sees the sender's later changes");
        assertFalse(sent.nodes().stream().anyMatch(r -> r.name().equals("late")));
        assertEquals(java.util.Arrays.toString(bytesThen), java.util.Arrays.toString(join.toBytes()));
        assertThrows(UnsupportedOperationException.class, () -> sent.states().clear());
    }

    @Test
    void aNameThatCannotSurviveUtf8IsRefused() {
        Probe t = new Probe("10.0.0.1:7946");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Membership("bad\uD800name", LAN, new ManualScheduler(), t, new SplittableRandom(7)));
        assertTrue(e.getMessage().contains("unpaired surrogate"), e.getMessage());
    }
}
