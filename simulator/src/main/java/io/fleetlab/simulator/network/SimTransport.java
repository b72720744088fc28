package io.fleetlab.simulator.network;

import io.fleetlab.core.transport.Payload;
import io.fleetlab.core.transport.Transport;
import io.fleetlab.core.transport.TransportHandler;
import io.fleetlab.simulator.engine.NodeScheduler;

/**
 * The core's transport for one simulated node; deliveries run on that node's scheduler. Payloads
 * travel as the network's {@link MessagePath} says: as they are, or encoded here (on the sender's
 * thread, during the send, as a real transport does) and handed over as bytes.
 */
public final class SimTransport implements Transport {
    private final SimNetwork network;
    private final String node;
    private final String address;
    private final NodeScheduler scheduler;
    private TransportHandler handler;
    private boolean closed;
    /** Its sender in the ckit transport while it has one (kept there so a packet needs no lookup). */
    CkitHttp2.Sender ckitSender;

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
        sendPacket(toAddress, Payload.of(packet));
    }

    @Override
    public void sendReliable(String toAddress, byte[] message, Runnable onFailure) {
        sendReliable(toAddress, Payload.of(message), onFailure);
    }

    @Override
    public void sendPacket(String toAddress, Payload packet) {
        Payload carried = network.carried(packet);
        if (!closed) {
            network.sendPacket(this, toAddress, carried);
        }
    }

    @Override
    public void sendReliable(String toAddress, Payload message, Runnable onFailure) {
        Payload carried = network.carried(message);
        if (!closed) {
            network.sendReliable(this, toAddress, carried, onFailure);
        }
    }

    @Override
    public void close() {
        closed = true;
        network.detach(this);
    }

    boolean receivePacket(String from, Payload packet) {
        if (closed || handler == null) {
            return false;
        }
        if (!scheduler.paused()) {
            handler.onPacket(from, packet); // what deliver would do at once, without an object per packet
            return true;
        }
        scheduler.deliver(() -> {
            if (!closed) {
                handler.onPacket(from, packet);
            }
        });
        return true;
    }

    boolean receiveReliable(String from, Payload message) {
        if (closed || handler == null) {
            return false;
        }
        if (!scheduler.paused()) {
            handler.onReliable(from, message);
            return true;
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
