package io.fleetlab.core.membership.wire;

import io.fleetlab.core.membership.RejectReason;
import io.fleetlab.core.transport.Payload;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Frames messages for the wire and back.
 *
 * <p>A frame starts with a version byte. Plaintext: {@code 0x01} then one message, or a compound
 * ({@code type 10, count u8 (1..255), count x length u16, the messages}). Encrypted:
 * {@code 0x81}, a 12-byte nonce, then the AES-GCM ciphertext of the plaintext body with its 16-byte
 * tag; the version byte is authenticated as associated data. With a keyring every frame must be
 * encrypted; without one, encrypted frames are rejected. Datagrams are limited to
 * {@link #MAX_PACKET_BYTES}, stream messages to {@link #MAX_STREAM_BYTES}.
 *
 * <p>One instance per node, used on one thread: it reuses its buffers and cipher.
 */
public final class PacketCodec {
    public static final int VERSION = 0x01;
    public static final int ENCRYPTED_VERSION = 0x81;
    public static final int MAX_PACKET_BYTES = 65_507;
    public static final int MAX_STREAM_BYTES = 8 << 20;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BYTES = 16;
    /** Bytes a compound adds per message (its length). */
    public static final int COMPOUND_PER_MESSAGE = 2;
    /** Bytes a compound adds once (type and count). */
    public static final int COMPOUND_HEADER = 2;
    private static final int MAX_COMPOUND = 255;

    private Keyring keyring;
    private final RandomGenerator random;
    private final WireWriter writer = new WireWriter();
    private final WireReader reader = new WireReader();
    private final byte[] nonce = new byte[NONCE_BYTES];
    private final byte[] aad = new byte[1];
    private SecretKeySpec[] keys;
    private Cipher cipher;
    /** Reused for decrypted frames: decoding copies everything it keeps out of it. */
    private byte[] plain = new byte[PLAIN_BYTES];
    private static final int PLAIN_BYTES = 2048;
    private static final byte[] NOTHING = new byte[0];

    public PacketCodec(Keyring keyring, RandomGenerator random) {
        this.keyring = Objects.requireNonNull(keyring, "keyring");
        this.random = Objects.requireNonNull(random, "random");
        keys = specs(keyring);
    }

    /** Bytes the frame adds around its body: the version byte, plus nonce and tag when encrypted. */
    public int frameOverhead() {
        return keyring.enabled() ? 1 + NONCE_BYTES + TAG_BYTES : 1;
    }

    /** One message's body, as queued for piggybacking or put in a frame. */
    public byte[] encode(Message m) {
        writer.reset();
        MessageCodec.encode(m, writer);
        return writer.toByteArray();
    }

    /** A frame carrying one already-encoded message. */
    public byte[] frame(byte[] body) {
        begin();
        writer.bytes(body, 0, body.length);
        return seal();
    }

    /** A frame carrying {@code bodies}: a plain frame for one, a compound for several. */
    public byte[] frame(List<byte[]> bodies) {
        if (bodies.isEmpty() || bodies.size() > MAX_COMPOUND) {
            throw new IllegalArgumentException("a frame carries 1.." + MAX_COMPOUND + " messages, got " + bodies.size());
        }
        if (bodies.size() == 1) {
            return frame(bodies.get(0));
        }
        begin();
        writer.u8(MessageCodec.COMPOUND);
        writer.u8(bodies.size());
        for (byte[] b : bodies) {
            writer.u16(b.length);
        }
        for (byte[] b : bodies) {
            writer.bytes(b, 0, b.length);
        }
        return seal();
    }

    /** Frames one message directly. */
    public byte[] frame(Message m) {
        begin();
        MessageCodec.encode(m, writer);
        return seal();
    }

    /**
     * {@code m} with the exact length of its encoding, computed without encoding.
     *
     * @throws IllegalArgumentException when {@code m} cannot be encoded (as {@link #encode} would)
     */
    public static SizedMessage sized(Message m) {
        return new SizedMessage(m, MessageCodec.size(m));
    }

    /** As {@link #sized(Message)}, with the sender's row of the member {@code m} is about ({@link SizedMessage#row}). */
    public static SizedMessage sized(Message m, int row) {
        return new SizedMessage(m, MessageCodec.size(m), row);
    }

    /**
     * As {@link #sized(Message, int)}, handing back {@code received} itself when it is {@code m}
     * with that row: news re-gossiped as it arrived in a frame of this process keeps its sized
     * wrapper (its length is {@code m}'s), so it is neither wrapped nor measured again.
     *
     * @param received the sized message {@code m} arrived in, or null
     */
    public static SizedMessage sized(Message m, int row, SizedMessage received) {
        return received != null && received.message() == m && received.row() == row ? received : sized(m, row);
    }

    /**
     * The length of {@code r}'s encoding as a push-pull member entry, or -1 when it cannot be
     * encoded: what a table keeps per record so that its full state's size is a sum
     * ({@link IndexedEntries}).
     */
    public static int encodedSize(Message.NodeRecord r) {
        try {
            return MessageCodec.recordSize(r);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /** As {@link #encodedSize(Message.NodeRecord)}, for a peer-state entry. */
    public static int encodedSize(io.fleetlab.core.peer.StateMessage s) {
        try {
            return MessageCodec.stateSize(s);
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /**
     * A datagram carrying {@code messages} (a plain frame for one, a compound for several), as a
     * payload that encodes itself only when a transport asks for bytes. Encrypted frames are
     * sealed here, at once: their nonce comes from this node's random source in send order, and
     * only their bytes authenticate.
     */
    public Payload packet(List<SizedMessage> messages) {
        int n = messages.size();
        if (n == 0 || n > MAX_COMPOUND) {
            throw new IllegalArgumentException("a frame carries 1.." + MAX_COMPOUND + " messages, got " + n);
        }
        long body = n == 1 ? messages.get(0).size() : COMPOUND_HEADER + (long) COMPOUND_PER_MESSAGE * n;
        boolean fitsLengths = true;
        if (n > 1) {
            for (int i = 0; i < n; i++) {
                int s = messages.get(i).size();
                body += s;
                fitsLengths &= s <= 0xFFFF;
            }
        }
        if (keyring.enabled() || !fitsLengths) {
            // an over-long body in a compound goes out as the bytes say (a length that wraps), as it always did
            return Payload.of(encodeFrame(messages));
        }
        // one exact copy (List.copyOf made two: an array of the list, then the list's own)
        return new MessageFrame(this, messages.toArray(new SizedMessage[n]), Math.toIntExact(1 + body));
    }

    /**
     * As {@link #packet(List)}, given the sum of the messages' sizes, which a sender filling a
     * packet has added up already: the messages are then not looked at again (at about 140
     * messages a gossip packet, each a read of memory no longer in cache).
     *
     * @param summedSizes the sum of {@code messages}' {@link SizedMessage#size}s
     */
    public Payload packet(List<SizedMessage> messages, long summedSizes) {
        int n = messages.size();
        if (keyring.enabled() || n == 0 || n > MAX_COMPOUND || n > 1 && summedSizes > 0xFFFF) {
            // refused, sealed at once, or a length in the compound might not fit its field
            return packet(messages);
        }
        long body = n == 1 ? summedSizes : COMPOUND_HEADER + (long) COMPOUND_PER_MESSAGE * n + summedSizes;
        return new MessageFrame(this, messages.toArray(new SizedMessage[n]), Math.toIntExact(1 + body));
    }

    /** A stream message carrying {@code m}, as {@link #packet} does for datagrams. */
    public Payload stream(Message m) {
        if (keyring.enabled()) {
            return Payload.of(frame(m));
        }
        SizedMessage sized = sized(m);
        return new MessageFrame(this, new SizedMessage[] {sized}, 1 + sized.size());
    }

    /** The bytes of a frame carrying {@code messages}, encoded straight into the frame. */
    byte[] encodeFrame(List<SizedMessage> messages) {
        begin();
        int n = messages.size();
        if (n > 1) {
            writer.u8(MessageCodec.COMPOUND);
            writer.u8(n);
            for (int i = 0; i < n; i++) {
                writer.u16(messages.get(i).size());
            }
        }
        for (int i = 0; i < n; i++) {
            MessageCodec.encode(messages.get(i).message(), writer);
        }
        return seal();
    }

    /** Starts a frame: plaintext frames carry their version byte in the buffer, encrypted ones add it when sealing. */
    private void begin() {
        writer.reset();
        if (!keyring.enabled()) {
            writer.u8(VERSION);
        }
    }

    /** Finishes the frame in the writer with a single copy (plaintext) or the encryption. */
    private byte[] seal() {
        if (!keyring.enabled()) {
            return writer.toByteArray();
        }
        int len = writer.length();
        byte[] body = writer.buffer();
        try {
            random.nextBytes(nonce);
            Cipher c = cipher();
            aad[0] = (byte) ENCRYPTED_VERSION;
            c.init(Cipher.ENCRYPT_MODE, keys[0], new GCMParameterSpec(TAG_BYTES * 8, nonce));
            c.updateAAD(aad);
            byte[] out = new byte[1 + NONCE_BYTES + len + TAG_BYTES];
            out[0] = (byte) ENCRYPTED_VERSION;
            System.arraycopy(nonce, 0, out, 1, NONCE_BYTES);
            c.doFinal(body, 0, len, out, 1 + NONCE_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * Decodes a datagram into {@code out} (one message, or each message of a compound). Nothing is
     * added unless the whole frame is valid.
     */
    public void decodePacket(byte[] data, List<Message> out) throws MalformedMessageException {
        if (data.length > MAX_PACKET_BYTES) {
            throw new MalformedMessageException(RejectReason.TOO_LARGE, data.length + " byte datagram");
        }
        int start = out.size();
        try {
            open(data);
            if (reader.remaining() >= 1 && (reader.buffer()[reader.position()] & 0xFF) == MessageCodec.COMPOUND) {
                compound(out);
            } else {
                out.add(MessageCodec.decode(reader));
            }
        } catch (MalformedMessageException e) {
            out.subList(start, out.size()).clear();
            throw e;
        } finally {
            release();
        }
    }

    /** Decodes a stream message, which is always exactly one message. */
    public Message decodeStream(byte[] data) throws MalformedMessageException {
        if (data.length > MAX_STREAM_BYTES) {
            throw new MalformedMessageException(RejectReason.TOO_LARGE, data.length + " byte stream message");
        }
        try {
            open(data);
            return MessageCodec.decode(reader);
        } finally {
            release();
        }
    }

    /** Bytes this codec keeps between messages (its buffers), for tests. */
    int retainedBytes() {
        return (reader.buffer() == null ? 0 : reader.buffer().length) + plain.length + writer.buffer().length;
    }

    /**
     * Lets go of the frame just read (decoding copied out what it keeps) and of a decryption buffer
     * a large stream message grew: kept per node, they would hold the last push-pull each node
     * received (about 600 KB at 10,000 members).
     */
    private void release() {
        reader.reset(NOTHING, 0, 0);
        if (plain.length > WireWriter.RETAINED_BYTES) {
            plain = new byte[PLAIN_BYTES];
        }
    }

    private void compound(List<Message> out) throws MalformedMessageException {
        reader.skip(1);
        int count = reader.u8("compound count");
        if (count == 0) {
            throw new MalformedMessageException(RejectReason.BAD_LENGTH, "empty compound");
        }
        int lengthsAt = reader.position();
        reader.skip(2 * count);
        int bodyAt = reader.position();
        int total = 0;
        byte[] buf = reader.buffer();
        for (int i = 0; i < count; i++) {
            total += ((buf[lengthsAt + 2 * i] & 0xFF) << 8) | (buf[lengthsAt + 2 * i + 1] & 0xFF);
        }
        int end = reader.limit();
        if (total != end - bodyAt) {
            throw new MalformedMessageException(RejectReason.BAD_LENGTH,
                    "compound lengths sum to " + total + " but " + (end - bodyAt) + " bytes follow");
        }
        int at = bodyAt;
        for (int i = 0; i < count; i++) {
            int len = ((buf[lengthsAt + 2 * i] & 0xFF) << 8) | (buf[lengthsAt + 2 * i + 1] & 0xFF);
            reader.reset(buf, at, at + len);
            out.add(MessageCodec.decode(reader));
            at += len;
        }
    }

    /** Checks the version byte, decrypts if needed, and leaves the reader on the body. */
    private void open(byte[] data) throws MalformedMessageException {
        if (data.length < 2) {
            throw new MalformedMessageException(RejectReason.TRUNCATED, data.length + " byte frame");
        }
        int version = data[0] & 0xFF;
        if (version != VERSION && version != ENCRYPTED_VERSION) {
            throw new MalformedMessageException(RejectReason.BAD_VERSION, "version byte " + version);
        }
        boolean encrypted = version == ENCRYPTED_VERSION;
        if (encrypted != keyring.enabled()) {
            throw new MalformedMessageException(RejectReason.DECRYPT_FAILED,
                    encrypted ? "encrypted frame but no keyring" : "plaintext frame but encryption is required");
        }
        if (!encrypted) {
            reader.reset(data, 1, data.length);
            return;
        }
        if (data.length < 1 + NONCE_BYTES + TAG_BYTES + 1) {
            throw new MalformedMessageException(RejectReason.TRUNCATED, data.length + " byte encrypted frame");
        }
        aad[0] = (byte) ENCRYPTED_VERSION;
        GCMParameterSpec spec = new GCMParameterSpec(TAG_BYTES * 8, data, 1, NONCE_BYTES);
        for (SecretKeySpec key : keys) {
            try {
                Cipher c = cipher();
                c.init(Cipher.DECRYPT_MODE, key, spec);
                c.updateAAD(aad);
                int cipherLen = data.length - 1 - NONCE_BYTES;
                if (plain.length < cipherLen) {
                    plain = new byte[Math.max(cipherLen, 2 * plain.length)];
                }
                int n = c.doFinal(data, 1 + NONCE_BYTES, cipherLen, plain, 0);
                reader.reset(plain, 0, n);
                return;
            } catch (GeneralSecurityException e) {
                // wrong key or tampered: try the next key
            }
        }
        throw new MalformedMessageException(RejectReason.DECRYPT_FAILED, "no key authenticates the frame");
    }

    /**
     * Replaces the keys, as memberlist's keyring rotates them: the new primary encrypts from now on,
     * every new key decrypts. Encryption cannot be switched on or off this way (a cluster must agree
     * on that at start).
     *
     * @throws IllegalArgumentException when {@code next} would switch encryption on or off
     */
    public void rekey(Keyring next) {
        Objects.requireNonNull(next, "next");
        if (next.enabled() != keyring.enabled()) {
            throw new IllegalArgumentException("a running node cannot switch encryption "
                    + (next.enabled() ? "on" : "off") + "; restart it");
        }
        keys = specs(next);
        keyring = next;
    }

    /** The keys in use. */
    public Keyring keyring() {
        return keyring;
    }

    private static SecretKeySpec[] specs(Keyring keyring) {
        SecretKeySpec[] out = new SecretKeySpec[keyring.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new SecretKeySpec(keyring.keyUnsafe(i), "AES");
        }
        return out;
    }

    private Cipher cipher() throws GeneralSecurityException {
        if (cipher == null) {
            cipher = Cipher.getInstance("AES/GCM/NoPadding");
        }
        return cipher;
    }
}
