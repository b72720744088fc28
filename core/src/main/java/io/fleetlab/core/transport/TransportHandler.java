package io.fleetlab.core.transport;

/** Receives what a {@link Transport} delivers. Implementations must not throw. */
public interface TransportHandler {
    /** A datagram from {@code fromAddress}. */
    void onPacket(String fromAddress, byte[] packet);

    /** A whole reliable message from {@code fromAddress}. */
    void onReliable(String fromAddress, byte[] message);
}
