package io.fleetlab.core.membership;

/** Why a received packet or stream message was dropped; counted in {@link TrafficCounters}. */
public enum RejectReason {
    /** Shorter than any valid message, or ended in the middle of a field. */
    TRUNCATED,
    /** Longer than the maximum message size. */
    TOO_LARGE,
    /** The version byte is not one this node speaks. */
    BAD_VERSION,
    /** An unknown message type. */
    UNKNOWN_TYPE,
    /** A length or count field is out of range, or bytes are left over after the message. */
    BAD_LENGTH,
    /** A field has an impossible value (bad enum code, malformed text, negative number). */
    BAD_FIELD,
    /** Encryption is on and no key authenticates the packet (or it was sent in plaintext). */
    DECRYPT_FAILED,
    /** The packet is well formed but makes no sense here (e.g. a reliable-only message as a datagram). */
    UNEXPECTED
}
