package io.fleetlab.core.membership.wire;

import io.fleetlab.core.transport.Payload;
import java.util.Arrays;

/**
 * A plaintext frame held as its messages: a datagram (one message or a compound) or a stream
 * message, with the exact size its encoding has. A transport of bytes encodes it
 * ({@link #toBytes()}, on the sending node's thread, during the send: it borrows that node's
 * codec); a transport in memory hands the object itself to the receiver, which reads the messages
 * without decoding. Immutable: the messages are records and their array is private.
 */
public final class MessageFrame implements Payload {
    private final PacketCodec codec;
    /** Never changed after construction and never handed out (so the frame stays immutable). */
    private final SizedMessage[] messages;
    private final int size;

    /** @param messages the frame's messages, an array the caller hands over and never changes again */
    MessageFrame(PacketCodec codec, SizedMessage[] messages, int size) {
        this.codec = codec;
        this.messages = messages;
        this.size = size;
    }

    /** Messages in the frame (1..255; always one for a stream message). */
    public int count() {
        return messages.length;
    }

    /** The {@code i}-th message, in frame order. */
    public Message message(int i) {
        return messages[i].message();
    }

    /** The {@code i}-th message with its length and row hint. */
    public SizedMessage sized(int i) {
        return messages[i];
    }

    /** The {@code i}-th message's row hint ({@link SizedMessage#row}), -1 for none. */
    public int row(int i) {
        return messages[i].row();
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public byte[] toBytes() {
        return codec.encodeFrame(Arrays.asList(messages));
    }
}
