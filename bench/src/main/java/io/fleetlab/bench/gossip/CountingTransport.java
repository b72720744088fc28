package io.fleetlab.bench.gossip;

import io.fleetlab.core.transport.Transport;
import io.fleetlab.core.transport.TransportHandler;
import java.util.Objects;

/** A transport that counts what is sent and delivers nothing; the benchmark feeds the handler itself. */
final class CountingTransport implements Transport {
    private final String address;
    private TransportHandler handler;
    private long packets;
    private long bytes;

    CountingTransport(String address) {
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

    TransportHandler handler() {
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

    long packets() {
        return packets;
    }

    long bytes() {
        return bytes;
    }
}
