package io.fleetlab.simulator.network;

import io.fleetlab.core.transport.Transport;
import io.fleetlab.core.transport.TransportHandler;
import io.fleetlab.simulator.engine.SimScheduler;
import java.util.Objects;

/**
 * A node's {@link Transport} over the {@link SimNetwork}. Datagrams suffer loss, duplication and
 * reordering; reliable messages are never lost but fail (after the network's timeout, on the
 * sender's scheduler) when the receiver is down or cut off. Deliveries run on the receiver's
 * scheduler, so a paused receiver gets them late and a crashed one never.
 */
public final class SimTransport implements Transport {
    private final SimNetwork network;
    private final String address;
    private final int id;
    private final SimScheduler scheduler;
    private TransportHandler handler;
    private boolean closed;

    SimTransport(SimNetwork network, String address, int id, SimScheduler scheduler) {
        this.network = network;
        this.address = address;
        this.id = id;
        this.scheduler = scheduler;
    }

    @Override
    public String localAddress() {
        return address;
    }

    public int id() {
        return id;
    }

    @Override
    public void bind(TransportHandler h) {
        this.handler = Objects.requireNonNull(h, "handler");
    }

    @Override
    public void sendPacket(String toAddress, byte[] packet) {
        if (closed) {
            return;
        }
        network.countSent(id, packet.length);
        NetworkConditions c = network.conditions();
        var rng = network.rng();
        if (c.loss() > 0 && rng.nextDouble() < c.loss()) {
            return;
        }
        SimTransport to = network.endpoint(toAddress);
        if (to == null || network.blocked(id, to.id)) {
            return;
        }
        long delay = network.sampleLatency();
        if (c.reorder() > 0 && rng.nextDouble() < c.reorder()) {
            delay += (long) (rng.nextDouble() * c.reorderDelayNanos());
        }
        deliverPacket(toAddress, packet, delay);
        if (c.duplicate() > 0 && rng.nextDouble() < c.duplicate()) {
            deliverPacket(toAddress, packet.clone(), network.sampleLatency());
        }
    }

    private void deliverPacket(String toAddress, byte[] packet, long delay) {
        // the receiving endpoint is looked up again on arrival: it may have crashed or restarted
        network.loop().after(delay, () -> {
            SimTransport now = network.endpoint(toAddress);
            if (now == null || now.closed || now.handler == null || network.blocked(id, now.id)) {
                return;
            }
            network.countReceived(now.id, packet.length);
            now.scheduler.execute(0, () -> {
                if (!now.closed) {
                    now.handler.onPacket(address, packet);
                }
            });
        });
    }

    @Override
    public void sendReliable(String toAddress, byte[] message, Runnable onFailure) {
        if (closed) {
            return;
        }
        network.countSent(id, message.length);
        long timeout = network.conditions().reliableTimeoutNanos();
        SimTransport to = network.endpoint(toAddress);
        if (to == null || to.closed || network.blocked(id, to.id) || network.blocked(to.id, id)) {
            scheduler.execute(timeout, onFailure);
            return;
        }
        long delay = network.sampleLatency();
        network.loop().after(delay, () -> {
            SimTransport now = network.endpoint(toAddress);
            if (now == null || now.closed || now.handler == null || network.blocked(id, now.id)) {
                scheduler.execute(Math.max(0, timeout - delay), onFailure);
                return;
            }
            network.countReceived(now.id, message.length);
            now.scheduler.execute(0, () -> {
                if (!now.closed) {
                    now.handler.onReliable(address, message);
                }
            });
        });
    }

    @Override
    public void close() {
        closed = true;
    }

    public boolean closed() {
        return closed;
    }
}
