package io.fleetlab.core.membership.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Property: decode(encode(m)) == m, for single messages, compounds and streams, plain and encrypted. */
class CodecRoundTripTest {
    private static final int CASES = 500;

    @Test
    void everyMessageSurvivesAStreamRoundTrip() throws Exception {
        for (int i = 0; i < CASES; i++) {
            long seed = 1000L + i;
            RandomMessages gen = new RandomMessages(new SplittableRandom(seed));
            PacketCodec codec = new PacketCodec(Keyring.none(), new SplittableRandom(seed));
            Message m = gen.message();
            assertEquals(m, codec.decodeStream(codec.frame(m)), "seed " + seed);
        }
    }

    @Test
    void compoundPacketsKeepEveryMessageInOrder() throws Exception {
        for (int i = 0; i < CASES; i++) {
            long seed = 5000L + i;
            SplittableRandom r = new SplittableRandom(seed);
            RandomMessages gen = new RandomMessages(r);
            PacketCodec codec = new PacketCodec(Keyring.none(), r);
            List<Message> sent = new ArrayList<>();
            List<byte[]> bodies = new ArrayList<>();
            int n = 1 + r.nextInt(40);
            for (int j = 0; j < n; j++) {
                Message m = gen.small();
                sent.add(m);
                bodies.add(codec.encode(m));
            }
            List<Message> got = new ArrayList<>();
            codec.decodePacket(codec.frame(bodies), got);
            assertEquals(sent, got, "seed " + seed);
        }
    }

    @Test
    void encryptedRoundTripWithAnyKeyOfTheRing() throws Exception {
        for (int i = 0; i < 200; i++) {
            long seed = 9000L + i;
            SplittableRandom r = new SplittableRandom(seed);
            byte[] k1 = new byte[16];
            byte[] k2 = new byte[32];
            r.nextBytes(k1);
            r.nextBytes(k2);
            PacketCodec sender = new PacketCodec(Keyring.of(k2), r.split());
            PacketCodec receiver = new PacketCodec(Keyring.of(k1, k2), r.split());
            Message m = new RandomMessages(r).message();
            byte[] frame = sender.frame(m);
            assertEquals(PacketCodec.ENCRYPTED_VERSION, frame[0] & 0xFF);
            assertEquals(m, receiver.decodeStream(frame), "seed " + seed);
        }
    }

    @Test
    void encodingIsCompact() {
        PacketCodec codec = new PacketCodec(Keyring.none(), new SplittableRandom(1));
        assertEquals(3, codec.frame(new Message.Ack(5)).length, "version, type, one-byte varint");
        byte[] ping = codec.frame(new Message.Ping(300, "node-1", "node-2", "10.0.0.2:7946"));
        assertEquals(1 + 1 + 2 + 7 + 7 + 14, ping.length);
        assertTrue(codec.frame(new Message.Alive(1, "node-1", "10.0.0.1:7946")).length < 30);
    }
}
