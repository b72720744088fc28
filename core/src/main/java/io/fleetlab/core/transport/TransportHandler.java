package io.fleetlab.core.transport;

/** Receives what a {@link Transport} delivers. Implementations must not throw. */
public interface TransportHandler {
    /** A datagram from {@code fromAddress}. */
    void onPacket(String fromAddress, byte[] packet);

    /** A whole reliable message from {@code fromAddress}. */
    void onReliable(String fromAddress, byte[] message);

    /** A datagram handed over as a payload; by default read as its bytes. */
    default void onPacket(String fromAddress, Payload packet) {
        onPacket(fromAddress, packet.toBytes());
    }

    /** A whole reliable message handed over as a payload; by default read as its bytes. */
    default void onReliable(String fromAddress, Payload message) {
        onReliable(fromAddress, message.toBytes());
    }
}
