package io.fleetlab.core.testkit;

import io.fleetlab.core.transport.Transport;
import io.fleetlab.core.transport.TransportHandler;
import java.util.Objects;

/**
 * A transport that counts what is sent and delivers nothing; the caller feeds the bound handler
 * itself ({@link #handler()}), as a benchmark of message handling does.
 */
public final class CountingTransport implements Transport {
    private final String address;
    private TransportHandler handler;
    private long packets;
    private long bytes;

    /** A transport whose local address is {@code address}. */
    public CountingTransport(String address) {
        this.address = address;
    }

    @Override
    public String localAddress() {
        return address;
    }

    @Override
    public void bind(TransportHandler h) {
        handler = Objects.requireNonNull(h);
    }

    /** The handler the protocol bound, to deliver to it directly. */
    public TransportHandler handler() {
        return handler;
    }

    @Override
    public void sendPacket(String toAddress, byte[] packet) {
        packets++;
        bytes += packet.length;
    }

    @Override
    public void sendReliable(String toAddress, byte[] message, Runnable onFailure) {
        packets++;
        bytes += message.length;
    }

    @Override
    public void close() {}

    /** Datagrams and stream messages sent so far. */
    public long packets() {
        return packets;
    }

    /** Bytes sent so far, datagrams and streams together. */
    public long bytes() {
        return bytes;
    }
}
