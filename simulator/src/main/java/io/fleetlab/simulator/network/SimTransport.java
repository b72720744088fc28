package io.fleetlab.simulator.network;

import io.fleetlab.core.transport.Transport;
import io.fleetlab.core.transport.TransportHandler;
import io.fleetlab.simulator.engine.NodeScheduler;

/** The core's transport for one simulated node; deliveries run on that node's scheduler. */
public final class SimTransport implements Transport {
    private final SimNetwork network;
    private final String node;
    private final String address;
    private final NodeScheduler scheduler;
    private TransportHandler handler;
    private boolean closed;

    SimTransport(SimNetwork network, String node, String address, NodeScheduler scheduler) {
        this.network = network;
        this.node = node;
        this.address = address;
        this.scheduler = scheduler;
    }

    String node() {
        return node;
    }

    NodeScheduler scheduler() {
        return scheduler;
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public String localAddress() {
        return address;
    }

    @Override
    public void bind(TransportHandler handler) {
        this.handler = handler;
    }

    @Override
    public void sendPacket(String toAddress, byte[] packet) {
        if (!closed) {
            network.sendPacket(this, toAddress, packet);
        }
    }

    @Override
    public void sendReliable(String toAddress, byte[] message, Runnable onFailure) {
        if (!closed) {
            network.sendReliable(this, toAddress, message, onFailure);
        }
    }

    @Override
    public void close() {
        closed = true;
        network.detach(this);
    }

    boolean receivePacket(String from, byte[] packet) {
        if (closed || handler == null) {
            return false;
        }
        scheduler.deliver(() -> {
            if (!closed) {
                handler.onPacket(from, packet);
            }
        });
        return true;
    }

    boolean receiveReliable(String from, byte[] message) {
        if (closed || handler == null) {
            return false;
        }
        scheduler.deliver(() -> {
            if (!closed) {
                handler.onReliable(from, message);
            }
        });
        return true;
    }

    void fail(Runnable onFailure) {
        if (!closed) {
            scheduler.deliver(onFailure);
        }
    }
}
