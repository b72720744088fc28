package io.fleetlab.core.membership.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fleetlab.core.membership.RejectReason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random and mutated frames: the decoder either returns messages or throws
 * {@link MalformedMessageException} with a reason; nothing else may escape.
 */
class DecoderFuzzTest {
    private static final long BASE_SEED = 0xF1EE7L;

    @Test
    void randomBytesNeverEscapeAsAnythingButMalformed() {
        Map<RejectReason, Integer> reasons = new EnumMap<>(RejectReason.class);
        for (int i = 0; i < 20_000; i++) {
            long seed = BASE_SEED + i;
            SplittableRandom r = new SplittableRandom(seed);
            byte[] data = new byte[r.nextInt(200)];
            r.nextBytes(data);
            if (data.length > 0 && r.nextBoolean()) {
                data[0] = (byte) PacketCodec.VERSION;
            }
            decodeBoth(new PacketCodec(Keyring.none(), r), data, seed, reasons);
        }
        assertTrue(reasons.containsKey(RejectReason.TRUNCATED), String.valueOf(reasons));
        assertTrue(reasons.containsKey(RejectReason.BAD_VERSION), String.valueOf(reasons));
        assertTrue(reasons.containsKey(RejectReason.UNKNOWN_TYPE), String.valueOf(reasons));
    }

    @Test
    void mutatedValidFramesNeverEscapeAsAnythingButMalformed() {
        Map<RejectReason, Integer> reasons = new EnumMap<>(RejectReason.class);
        for (int i = 0; i < 20_000; i++) {
            long seed = BASE_SEED * 31 + i;
            SplittableRandom r = new SplittableRandom(seed);
            PacketCodec codec = new PacketCodec(Keyring.none(), r);
            RandomMessages gen = new RandomMessages(r);
            byte[] frame;
            if (r.nextBoolean()) {
                frame = codec.frame(gen.message());
            } else {
                List<byte[]> bodies = new ArrayList<>();
                for (int j = 1 + r.nextInt(5); j > 0; j--) {
                    bodies.add(codec.encode(gen.small()));
                }
                frame = codec.frame(bodies);
            }
            decodeBoth(codec, mutate(frame, r), seed, reasons);
        }
        assertTrue(reasons.containsKey(RejectReason.TRUNCATED), String.valueOf(reasons));
        assertTrue(reasons.containsKey(RejectReason.BAD_LENGTH), String.valueOf(reasons));
        assertTrue(reasons.containsKey(RejectReason.BAD_FIELD), String.valueOf(reasons));
    }

    @Test
    void mutatedEncryptedFramesAreRejectedAsUnauthenticated() {
        for (int i = 0; i < 2_000; i++) {
            long seed = BASE_SEED * 7 + i;
            SplittableRandom r = new SplittableRandom(seed);
            byte[] key = new byte[16];
            r.nextBytes(key);
            PacketCodec codec = new PacketCodec(Keyring.of(key), r);
            byte[] frame = codec.frame(new RandomMessages(r).small());
            byte[] bad = frame.clone();
            int at = 1 + r.nextInt(bad.length - 1);
            bad[at] ^= (byte) (1 + r.nextInt(255));
            MalformedMessageException e = assertThrows(MalformedMessageException.class,
                    () -> codec.decodePacket(bad, new ArrayList<>()), "seed " + seed);
            assertEquals(RejectReason.DECRYPT_FAILED, e.reason(), "seed " + seed);
        }
    }

    @Test
    void keyringMismatchesAreRejected() {
        SplittableRandom r = new SplittableRandom(3);
        byte[] a = new byte[16];
        byte[] b = new byte[16];
        r.nextBytes(a);
        r.nextBytes(b);
        PacketCodec plain = new PacketCodec(Keyring.none(), r);
        PacketCodec withA = new PacketCodec(Keyring.of(a), r);
        PacketCodec withB = new PacketCodec(Keyring.of(b), r);
        byte[] ack = plain.frame(new Message.Ack(1));
        assertEquals(RejectReason.DECRYPT_FAILED, assertThrows(MalformedMessageException.class,
                () -> withA.decodeStream(ack)).reason(), "plaintext must be refused when encryption is on");
        byte[] secret = withA.frame(new Message.Ack(1));
        assertEquals(RejectReason.DECRYPT_FAILED, assertThrows(MalformedMessageException.class,
                () -> withB.decodeStream(secret)).reason());
        assertEquals(RejectReason.DECRYPT_FAILED, assertThrows(MalformedMessageException.class,
                () -> plain.decodeStream(secret)).reason());
    }

    @Test
    void oversizedAndTrailingInputIsRejectedWithItsReason() {
        PacketCodec codec = new PacketCodec(Keyring.none(), new SplittableRandom(1));
        byte[] huge = new byte[PacketCodec.MAX_PACKET_BYTES + 1];
        huge[0] = 1;
        assertEquals(RejectReason.TOO_LARGE, assertThrows(MalformedMessageException.class,
                () -> codec.decodePacket(huge, new ArrayList<>())).reason());
        byte[] ack = codec.frame(new Message.Ack(7));
        byte[] longer = Arrays.copyOf(ack, ack.length + 1);
        assertEquals(RejectReason.BAD_LENGTH, assertThrows(MalformedMessageException.class,
                () -> codec.decodePacket(longer, new ArrayList<>())).reason());
        byte[] shorter = Arrays.copyOf(ack, ack.length - 1);
        assertEquals(RejectReason.TRUNCATED, assertThrows(MalformedMessageException.class,
                () -> codec.decodePacket(shorter, new ArrayList<>())).reason());
        byte[] badVersion = ack.clone();
        badVersion[0] = 2;
        assertEquals(RejectReason.BAD_VERSION, assertThrows(MalformedMessageException.class,
                () -> codec.decodePacket(badVersion, new ArrayList<>())).reason());
    }

    private static byte[] mutate(byte[] frame, SplittableRandom r) {
        switch (r.nextInt(5)) {
            case 0 -> {
                byte[] b = frame.clone();
                b[r.nextInt(b.length)] = (byte) r.nextInt(256);
                return b;
            }
            case 1 -> {
                return Arrays.copyOf(frame, r.nextInt(frame.length));
            }
            case 2 -> {
                byte[] b = Arrays.copyOf(frame, frame.length + 1 + r.nextInt(10));
                for (int i = frame.length; i < b.length; i++) {
                    b[i] = (byte) r.nextInt(256);
                }
                return b;
            }
            case 3 -> {
                byte[] b = frame.clone();
                for (int n = 1 + r.nextInt(4); n > 0; n--) {
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                }
                return b;
            }
            default -> {
                byte[] b = frame.clone();
                if (b.length > 2) {
                    b[1 + r.nextInt(b.length - 1)] = (byte) 0xFF;
                }
                return b;
            }
        }
    }

    private static void decodeBoth(PacketCodec codec, byte[] data, long seed, Map<RejectReason, Integer> reasons) {
        List<Message> out = new ArrayList<>();
        try {
            codec.decodePacket(data, out);
            assertTrue(!out.isEmpty(), "seed " + seed + ": accepted packet produced no message");
        } catch (MalformedMessageException e) {
            assertTrue(out.isEmpty(), "seed " + seed + ": rejected packet left messages behind");
            reasons.merge(e.reason(), 1, Integer::sum);
        } catch (Throwable t) {
            fail("seed " + seed + ": decodePacket threw " + t + " on " + Arrays.toString(data), t);
        }
        try {
            codec.decodeStream(data);
        } catch (MalformedMessageException e) {
            reasons.merge(e.reason(), 1, Integer::sum);
        } catch (Throwable t) {
            fail("seed " + seed + ": decodeStream threw " + t + " on " + Arrays.toString(data), t);
        }
    }
}
