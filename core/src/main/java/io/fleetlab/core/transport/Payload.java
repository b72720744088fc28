package io.fleetlab.core.transport;

import java.util.Objects;

/**
 * What a {@link Transport} carries: a datagram or stream message in whatever form its sender holds
 * it, with its exact size on the wire. A transport that puts bytes on a wire calls
 * {@link #toBytes()} once, during the send and on the sender's thread; a transport that hands
 * payloads over in memory may pass the object itself, and the receiver reads it in its own form.
 * Payloads are immutable: nothing the sender does later changes what a receiver reads.
 */
public interface Payload {
    /** The exact number of bytes {@link #toBytes()} returns. */
    int size();

    /** The wire bytes. For payloads made from bytes, the array itself (not a copy). */
    byte[] toBytes();

    /** A payload of bytes already encoded; the caller must not change {@code bytes} afterwards. */
    static Payload of(byte[] bytes) {
        return new Bytes(bytes);
    }

    /** Bytes already encoded. */
    record Bytes(byte[] bytes) implements Payload {
        public Bytes {
            Objects.requireNonNull(bytes, "bytes");
        }

        @Override
        public int size() {
            return bytes.length;
        }

        @Override
        public byte[] toBytes() {
            return bytes;
        }
    }
}
