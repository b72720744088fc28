package io.fleetlab.core.membership.wire;

import java.util.Objects;

/**
 * A message with the exact length of its encoding, as queued for piggybacking and put in frames:
 * the packet budget is spent on these lengths whether the message is ever encoded or not.
 *
 * @param message the message (immutable, as every {@link Message})
 * @param size    the length of its encoding in bytes ({@link PacketCodec#sized})
 */
public record SizedMessage(Message message, int size) {
    public SizedMessage {
        Objects.requireNonNull(message, "message");
        if (size < 1) {
            throw new IllegalArgumentException("a message takes at least one byte, got " + size);
        }
    }
}
