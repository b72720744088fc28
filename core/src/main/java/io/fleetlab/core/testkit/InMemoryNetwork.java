package io.fleetlab.core.testkit;

import io.fleetlab.core.time.Scheduler;
import io.fleetlab.core.transport.Payload;
import io.fleetlab.core.transport.Transport;
import io.fleetlab.core.transport.TransportHandler;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * A network for tests on a {@link ManualScheduler}: every delivery takes a fixed latency plus
 * seeded jitter; datagrams may be lost; links can be cut in both directions. Payloads pass as
 * bytes unless {@link #passDecoded} says to hand them over as they are.
 */
public final class InMemoryNetwork {
    private final Scheduler scheduler;
    private final RandomGenerator random;
    private final Map<String, Endpoint> endpoints = new HashMap<>();
    private final Set<String> cut = new HashSet<>();
    private long latencyNanos = 1_000_000;
    private double loss;
    private long packets;
    private Tap tap;
    private boolean decoded;

    /** Sees every datagram as it is delivered. */
    @FunctionalInterface
    public interface Tap {
        void delivered(String from, String to, byte[] packet);
    }

    /** Decides, when a datagram is sent, whether the network loses it. */
    @FunctionalInterface
    public interface Drop {
        boolean drop(String from, String to, byte[] packet);
    }

    private Drop drop;

    /** Loses the datagrams {@code drop} picks, besides random loss. */
    public void setDrop(Drop drop) {
        this.drop = drop;
    }

    /** Shows every delivered datagram to {@code tap}. */
    public void setTap(Tap tap) {
        this.tap = tap;
    }

    /** A network whose deliveries run on {@code scheduler}, with jitter and loss drawn from {@code random}. */
    public InMemoryNetwork(Scheduler scheduler, RandomGenerator random) {
        this.scheduler = scheduler;
        this.random = random;
    }

    /** Hands payloads to receivers as the sender made them (messages, not bytes) from now on. */
    public void passDecoded(boolean decoded) {
        this.decoded = decoded;
    }

    /** The chance in [0, 1] that a datagram is lost (streams are never lost, only refused when cut). */
    public void setLoss(double loss) {
        this.loss = loss;
    }

    /** One-way latency; each delivery takes this plus up to as much again of jitter (1 ms by default). */
    public void setLatencyNanos(long latencyNanos) {
        this.latencyNanos = latencyNanos;
    }

    /** Stops traffic between {@code a} and {@code b} both ways. */
    public void cut(String a, String b) {
        cut.add(a + "|" + b);
        cut.add(b + "|" + a);
    }

    /** Restores every cut link. */
    public void heal() {
        cut.clear();
    }

    /** Datagrams delivered so far. */
    public long packetsDelivered() {
        return packets;
    }

    /** A new endpoint at {@code address}; it receives once a handler is bound. */
    public Transport transport(String address) {
        Endpoint e = new Endpoint(address);
        endpoints.put(address, e);
        return e;
    }

    private long delay() {
        return latencyNanos + (latencyNanos > 0 ? random.nextLong(latencyNanos) : 0);
    }

    private boolean reachable(String from, String to) {
        Endpoint target = endpoints.get(to);
        return target != null && target.handler != null && !target.closed && !cut.contains(from + "|" + to);
    }

    private final class Endpoint implements Transport {
        final String address;
        TransportHandler handler;
        boolean closed;

        Endpoint(String address) {
            this.address = address;
        }

        @Override
        public String localAddress() {
            return address;
        }

        @Override
        public void bind(TransportHandler h) {
            handler = h;
        }

        @Override
        public void sendPacket(String to, byte[] packet) {
            sendPacket(to, Payload.of(packet));
        }

        @Override
        public void sendPacket(String to, Payload sent) {
            // the tap and the drop rule read bytes: encoded here, during the send, when they need them
            byte[] bytes = !decoded || tap != null || drop != null ? sent.toBytes() : null;
            Payload packet = decoded ? sent : Payload.of(bytes);
            if (closed || (loss > 0 && random.nextDouble() < loss) || (drop != null && drop.drop(address, to, bytes))) {
                return;
            }
            scheduler.schedule(delay(), () -> {
                if (reachable(address, to) && !closed) {
                    packets++;
                    if (tap != null) {
                        tap.delivered(address, to, bytes);
                    }
                    endpoints.get(to).handler.onPacket(address, packet);
                }
            });
        }

        @Override
        public void sendReliable(String to, byte[] message, Runnable onFailure) {
            sendReliable(to, Payload.of(message), onFailure);
        }

        @Override
        public void sendReliable(String to, Payload sent, Runnable onFailure) {
            Payload message = decoded ? sent : Payload.of(sent.toBytes());
            if (closed) {
                return;
            }
            scheduler.schedule(delay(), () -> {
                if (reachable(address, to) && !closed) {
                    endpoints.get(to).handler.onReliable(address + "#stream", message);
                } else if (!closed) {
                    onFailure.run();
                }
            });
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
