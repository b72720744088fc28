package io.fleetlab.core.membership.wire;

import java.util.Objects;

/**
 * A message with the exact length of its encoding, as queued for piggybacking and put in frames:
 * the packet budget is spent on these lengths whether the message is ever encoded or not.
 *
 * <p>A message about a member may carry the row its sender's member table holds that member at
 * (the index of its name in the sender's node registry), or -1. It is a hint and never travels on
 * the wire: a receiver in the same process uses it only when its own row there holds a record
 * naming the very same string (so the same name), and looks the name up otherwise.
 *
 * @param message the message (immutable, as every {@link Message})
 * @param size    the length of its encoding in bytes ({@link PacketCodec#sized})
 * @param row     the sender's row of the member the message is about, or -1
 */
public record SizedMessage(Message message, int size, int row) {
    public SizedMessage {
        Objects.requireNonNull(message, "message");
        if (size < 1) {
            throw new IllegalArgumentException("a message takes at least one byte, got " + size);
        }
    }

    /** A message without a row hint. */
    public SizedMessage(Message message, int size) {
        this(message, size, -1);
    }
}
