package io.fleetlab.core.membership.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.transport.Payload;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Properties of the decoded path: a message's size computed without encoding equals its encoding's
 * length; a frame held as messages has exactly the size and the bytes the byte-level frame has;
 * what cannot be encoded is refused the same way by both.
 */
class SizedFramesTest {
    private static final int CASES = 500;

    /** Strings of one to four UTF-8 bytes per char, surrogate pairs and unpaired surrogates. */
    private static String anyString(SplittableRandom r) {
        StringBuilder b = new StringBuilder();
        int n = 1 + r.nextInt(r.nextBoolean() ? 8 : 130);
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(6)) {
                case 0 -> b.append((char) r.nextInt(0x80));
                case 1 -> b.append((char) (0x80 + r.nextInt(0x800 - 0x80)));
                case 2 -> b.append((char) (0x800 + r.nextInt(0xD800 - 0x800)));
                case 3 -> b.appendCodePoint(0x10000 + r.nextInt(0x10FFFF - 0x10000));
                case 4 -> b.append((char) (0xD800 + r.nextInt(0x800))); // unpaired (unless luck pairs it)
                default -> b.append("alloy-").append(r.nextInt(1000));
            }
        }
        return b.toString();
    }

    @Test
    void utf8LengthIsTheEncodersForAnyString() {
        for (int i = 0; i < 2000; i++) {
            long seed = 300L + i;
            String s = anyString(new SplittableRandom(seed));
            assertEquals(s.getBytes(StandardCharsets.UTF_8).length, MessageCodec.utf8Length(s), "seed " + seed);
            assertEquals(new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(s),
                    MessageCodec.isWellFormed(s), "seed " + seed);
        }
    }

    @Test
    void sizeIsTheEncodedLengthOfEveryMessage() {
        for (int i = 0; i < CASES; i++) {
            long seed = 2000L + i;
            SplittableRandom r = new SplittableRandom(seed);
            PacketCodec codec = new PacketCodec(Keyring.none(), r);
            Message m = new RandomMessages(r).message();
            assertEquals(codec.encode(m).length, PacketCodec.sized(m).size(), "seed " + seed);
        }
    }

    @Test
    void aFrameOfMessagesHasTheSizeAndBytesOfTheByteLevelFrame() throws Exception {
        for (int i = 0; i < CASES; i++) {
            long seed = 7000L + i;
            SplittableRandom r = new SplittableRandom(seed);
            RandomMessages gen = new RandomMessages(r);
            PacketCodec codec = new PacketCodec(Keyring.none(), r);
            int n = 1 + r.nextInt(r.nextBoolean() ? 3 : 60);
            List<SizedMessage> sized = new ArrayList<>();
            List<byte[]> bodies = new ArrayList<>();
            List<Message> sent = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                Message m = gen.small();
                sent.add(m);
                sized.add(PacketCodec.sized(m));
                bodies.add(codec.encode(m));
            }
            byte[] reference = codec.frame(bodies);
            Payload packet = codec.packet(sized);
            MessageFrame frame = assertInstanceOf(MessageFrame.class, packet, "seed " + seed);
            assertEquals(reference.length, frame.size(), "seed " + seed);
            assertArrayEquals(reference, frame.toBytes(), "seed " + seed);
            List<Message> held = new ArrayList<>();
            for (int j = 0; j < frame.count(); j++) {
                held.add(frame.message(j));
            }
            List<Message> decoded = new ArrayList<>();
            codec.decodePacket(reference, decoded);
            assertEquals(decoded, held, "seed " + seed + ": the receiver reads what decoding would give");
            assertEquals(sent, held, "seed " + seed);
        }
    }

    /**
     * A sender that added up its messages' sizes while filling the packet gets the very frame it
     * would get without: same size, same bytes, over-long compounds and encrypted frames included.
     */
    @Test
    void aFrameGivenItsSummedSizesIsTheFrameOfItsMessages() {
        int overLong = 0;
        for (int i = 0; i < CASES; i++) {
            long seed = 9000L + i;
            SplittableRandom r = new SplittableRandom(seed);
            RandomMessages gen = new RandomMessages(r);
            boolean encrypted = r.nextInt(5) == 0;
            Keyring keys = encrypted ? Keyring.of(new byte[16]) : Keyring.none();
            PacketCodec one = new PacketCodec(keys, new SplittableRandom(seed));
            PacketCodec other = new PacketCodec(keys, new SplittableRandom(seed));
            int n = 1 + r.nextInt(r.nextBoolean() ? 3 : 255);
            // a quarter of the frames are of long alive messages: over 64 KB once there are ~130
            boolean large = r.nextInt(4) == 0;
            List<SizedMessage> sized = new ArrayList<>();
            long sum = 0;
            for (int j = 0; j < n; j++) {
                Message msg = large ? new Message.Alive(j, "n".repeat(200 + r.nextInt(50)), "a".repeat(255))
                        : r.nextInt(8) == 0 ? gen.message() : gen.small();
                SizedMessage m = PacketCodec.sized(msg);
                sized.add(m);
                sum += m.size();
            }
            if (large && r.nextBoolean()) {
                // one message longer than a compound's length field holds
                List<Message.NodeRecord> records = new ArrayList<>();
                for (int k = 0; k < 300; k++) {
                    records.add(new Message.NodeRecord("m" + k + "n".repeat(200), "a".repeat(200), k, NodeStatus.ALIVE));
                }
                SizedMessage huge = PacketCodec.sized(new Message.PushPull(false, false, "s", "a", records, List.of()));
                sized.set(r.nextInt(n), huge);
                sum = sized.stream().mapToLong(SizedMessage::size).sum();
                overLong++;
            }
            Payload reference = one.packet(sized);
            Payload given = other.packet(sized, sum);
            assertEquals(reference.getClass(), given.getClass(), "seed " + seed);
            assertEquals(reference.size(), given.size(), "seed " + seed);
            assertArrayEquals(reference.toBytes(), given.toBytes(), "seed " + seed);
        }
        assertTrue(overLong > 10, "frames with a message longer than a compound's length field: " + overLong);
    }

    @Test
    void aStreamMessageHasTheSizeAndBytesOfTheByteLevelFrame() throws Exception {
        for (int i = 0; i < CASES; i++) {
            long seed = 11_000L + i;
            SplittableRandom r = new SplittableRandom(seed);
            PacketCodec codec = new PacketCodec(Keyring.none(), r);
            Message m = new RandomMessages(r).message();
            byte[] reference = codec.frame(m);
            MessageFrame frame = assertInstanceOf(MessageFrame.class, codec.stream(m), "seed " + seed);
            assertEquals(reference.length, frame.size(), "seed " + seed);
            assertArrayEquals(reference, frame.toBytes(), "seed " + seed);
            assertEquals(1, frame.count());
            assertEquals(codec.decodeStream(reference), frame.message(0), "seed " + seed);
        }
    }

    @Test
    void encryptedFramesAreSealedAtOnceWithTheNonceDrawnInSendOrder() throws Exception {
        byte[] key = new byte[16];
        new SplittableRandom(1).nextBytes(key);
        Message m = new Message.Alive(3, "alloy-1", "alloy-1:7946");
        // two codecs on the same random source: one sends through payloads, one through bytes
        PacketCodec viaPayload = new PacketCodec(Keyring.of(key), new SplittableRandom(42));
        PacketCodec viaBytes = new PacketCodec(Keyring.of(key), new SplittableRandom(42));
        Payload p = viaPayload.packet(List.of(PacketCodec.sized(m)));
        Payload s = viaPayload.stream(m);
        assertInstanceOf(Payload.Bytes.class, p, "an encrypted frame travels as its bytes");
        assertInstanceOf(Payload.Bytes.class, s);
        assertArrayEquals(viaBytes.frame(List.of(viaBytes.encode(m))), p.toBytes());
        assertArrayEquals(viaBytes.frame(m), s.toBytes());
        List<Message> got = new ArrayList<>();
        viaBytes.decodePacket(p.toBytes(), got);
        assertEquals(List.of(m), got);
    }

    @Test
    void whatCannotBeEncodedIsRefusedWhenSizedAsWhenEncoded() {
        PacketCodec codec = new PacketCodec(Keyring.none(), new SplittableRandom(3));
        List<Message> bad = List.of(
                new Message.Alive(1, "", "a:1"),
                new Message.Alive(1, "x".repeat(256), "a:1"),
                new Message.Alive(1, "é".repeat(128), "a:1"),
                new Message.Dead(-1, "a", "a"),
                new Message.PeerStateUpdate(new io.fleetlab.core.peer.StateMessage("a",
                        io.fleetlab.core.peer.PeerState.PARTICIPANT, -5)));
        for (Message m : bad) {
            IllegalArgumentException encoded = assertThrows(IllegalArgumentException.class, () -> codec.encode(m));
            IllegalArgumentException sized = assertThrows(IllegalArgumentException.class, () -> PacketCodec.sized(m));
            assertEquals(encoded.getMessage(), sized.getMessage(), m.toString());
        }
        assertThrows(IllegalArgumentException.class, () -> codec.packet(List.of()));
        List<SizedMessage> tooMany = new ArrayList<>();
        for (int i = 0; i < 256; i++) {
            tooMany.add(PacketCodec.sized(new Message.Ack(i)));
        }
        assertThrows(IllegalArgumentException.class, () -> codec.packet(tooMany));
    }

    @Test
    void aFrameCannotBeChangedAfterItWasMade() {
        PacketCodec codec = new PacketCodec(Keyring.none(), new SplittableRandom(4));
        List<SizedMessage> list = new ArrayList<>(List.of(PacketCodec.sized(new Message.Ack(1)),
                PacketCodec.sized(new Message.Ack(2))));
        MessageFrame frame = (MessageFrame) codec.packet(list);
        list.set(0, PacketCodec.sized(new Message.Nack(9)));
        list.add(PacketCodec.sized(new Message.Ack(3)));
        assertEquals(new Message.Ack(1), frame.message(0), "the sender reuses its list; the frame holds a copy");
        assertEquals(2, frame.count());
        List<Message.NodeRecord> nodes = new ArrayList<>(List.of(new Message.NodeRecord("a", "a:1", 0, NodeStatus.ALIVE)));
        Message.PushPull pp = new Message.PushPull(false, false, "a", "a:1", nodes, List.of());
        MessageFrame stream = (MessageFrame) codec.stream(pp);
        nodes.clear();
        assertEquals(1, ((Message.PushPull) stream.message(0)).nodes().size());
        assertThrows(UnsupportedOperationException.class, () -> pp.nodes().clear());
        assertFalse(stream.size() < 1);
        assertTrue(stream.size() == codec.frame(pp).length);
    }
}
