package io.fleetlab.simulator.network;

import io.fleetlab.simulator.engine.Simulation;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ckit's HTTP/2 gossip transport, which Alloy runs memberlist over (grafana/ckit
 * {@code internal/gossiphttp/transport.go}), on the simulated network.
 *
 * <ul>
 *   <li>A packet goes into the sender's outgoing queue ({@code WriteTo}); the queue holds 1,000
 *       packets and drops the oldest when full ({@code packetBufferSize}, {@code internal/queue}).
 *   <li>One worker per node takes one packet at a time and POSTs it on the connection to the
 *       peer, waiting for the response or 5 s ({@code writeToSync}; {@code PacketTimeout} in
 *       ckit's {@code node.go}). A packet whose frame would exceed 65,535 bytes is not sent
 *       ({@code writeMessage}).
 *   <li>Connections are reused per peer and ordered: a lost segment is retransmitted after the
 *       RTO (Linux: RTT + 200 ms at least, doubling, at most 120 s; SYN retransmitted after 1 s,
 *       doubling) and everything behind it on that connection waits (head-of-line blocking).
 *       Nothing is dropped at random; a partition makes sends time out and delivers what was in
 *       flight at the first retransmission after it heals.
 *   <li>A new connection costs a round trip; a peer that is gone answers with a reset, and the
 *       next packet connects again.
 *   <li>Streams (push-pull, join) share the peer's connection but not the worker; they fail after
 *       the stream timeout (ckit sets memberlist's {@code TCPTimeout} to 2 s).
 * </ul>
 *
 * Not modelled: bandwidth and congestion windows (one loss draw per packet or stream message),
 * the receiver's incoming queue (processing takes no simulated time, so it never fills).
 */
final class CkitHttp2 {
    /** transport.go {@code packetBufferSize}. */
    static final int QUEUE_LIMIT = 1000;
    /** ckit node.go {@code PacketTimeout: 5 * time.Second}. */
    static final long PACKET_TIMEOUT_NANOS = 5_000_000_000L;
    /** transport.go message format: the data length is two bytes. */
    static final int MAX_MESSAGE_BYTES = 65_535;
    /** Linux {@code TCP_RTO_MIN}: the RTO is the smoothed RTT plus at least this. */
    static final long RTO_MIN_NANOS = 200_000_000L;
    /** Linux {@code TCP_RTO_MAX}. */
    static final long RTO_MAX_NANOS = 120_000_000_000L;
    /** Linux {@code TCP_TIMEOUT_INIT}: the first SYN retransmission. */
    static final long SYN_RTO_NANOS = 1_000_000_000L;
    /** Linux {@code tcp_retries2}: retransmissions before a connection is given up. */
    static final int MAX_RETRIES = 15;

    private final SimNetwork network;
    private final Simulation simulation;
    /** In creation order (SimTransport keeps identity equality), so a run replays exactly. */
    private final Map<SimTransport, Sender> senders = new LinkedHashMap<>();
    /**
     * Every address anything was sent to, numbered in order of first use: a connection's key in
     * its sender's table, so finding the connection for a packet hashes no string per sender.
     */
    private final Map<String, Integer> addressIds = new HashMap<>();
    private final TransportCounters counters;

    CkitHttp2(SimNetwork network, Simulation simulation, TransportCounters counters) {
        this.network = network;
        this.simulation = simulation;
        this.counters = counters;
    }

    private Sender sender(SimTransport from) {
        return senders.computeIfAbsent(from, Sender::new);
    }

    /** The number of {@code address}, given on its first use. */
    private int addressId(String address) {
        Integer id = addressIds.get(address);
        if (id == null) {
            id = addressIds.size();
            addressIds.put(address, id);
        }
        return id;
    }

    /** {@code WriteTo}: queue the packet; the worker sends it when its turn comes. */
    void sendPacket(SimTransport from, String toAddress, int bytes, Delivery delivery) {
        Sender s = sender(from);
        if (s.queue.size() == QUEUE_LIMIT) {
            s.queue.pollFirst();
            counters.queueDrops++;
        }
        s.queue.addLast(new Out(toAddress, bytes, delivery));
        pump(s);
    }

    /** A stream message (push-pull, join) on the peer's connection, outside the worker. */
    void sendReliable(SimTransport from, String toAddress, Delivery delivery, Runnable onFailure) {
        Sender s = sender(from);
        Connection c = s.connection(toAddress);
        boolean[] finished = {false};
        Runnable fail = () -> {
            if (!finished[0]) {
                finished[0] = true;
                counters.streamFailures++;
                onFailure.run();
            }
        };
        simulation.postAfter(network.conditions().streamTimeoutNanos(), fail);
        c.whenOpen(() -> c.send(() -> {
            if (finished[0]) {
                return; // the stream was given up; what arrives late is discarded
            }
            finished[0] = true;
            if (!delivery.deliver()) {
                counters.streamFailures++;
                onFailure.run();
            }
        }, fail), fail);
    }

    /**
     * A process is gone: its queue, worker and connections with it; its kernel closes its sockets,
     * so the connections others had to it are reset once that reaches them, and their next packet
     * connects afresh (to whatever process then listens at the address).
     */
    void close(SimTransport gone) {
        Sender s = senders.remove(gone);
        if (s != null) {
            s.closed = true;
            s.queue.clear();
            for (int k = 0, n = s.connectionCount; k < n; k++) {
                s.created[k].reset();
            }
        }
        Integer goneId = addressIds.get(gone.localAddress());
        if (goneId == null) {
            return; // nobody ever sent to it
        }
        for (Sender other : senders.values()) {
            Connection c = other.find(goneId);
            if (c != null && c.peer == gone) {
                long gen = c.generation;
                simulation.postAfter(network.delayTo(other.from), () -> {
                    if (c.generation == gen) {
                        c.reset();
                    }
                });
            }
        }
    }

    /** Pending packets in {@code from}'s outgoing queue. */
    int queued(SimTransport from) {
        Sender s = senders.get(from);
        return s == null ? 0 : s.queue.size();
    }

    private void pump(Sender s) {
        if (s.busy || s.closed || s.queue.isEmpty()) {
            return;
        }
        Out o = s.queue.pollFirst();
        s.busy = true;
        long job = ++s.job;
        counters.packetsSent++;
        counters.bytesSent += o.bytes;
        if (o.bytes > MAX_MESSAGE_BYTES) {
            counters.oversize++;
            finish(s, job);
            return;
        }
        simulation.postAfter(PACKET_TIMEOUT_NANOS, () -> {
            if (s.job == job && s.busy) {
                counters.sendTimeouts++;
                finish(s, job);
            }
        });
        Connection c = s.connection(o.toAddress);
        Runnable failed = () -> {
            if (s.job == job && s.busy) {
                counters.sendFailures++;
                finish(s, job);
            }
        };
        c.whenOpen(() -> c.send(() -> {
            SimTransport peer = c.peer;
            o.delivery.deliver();
            // The handler answers 200 once it has queued the body; a stalled process answers when it resumes.
            long answerAt = peer.scheduler().resumesAt();
            simulation.post(answerAt, () -> transmit(peer.node(), c.owner.from, c.owner.from, RTO_MIN_NANOS, 0, () -> finish(s, job),
                    failed));
        }, failed), failed);
    }

    private void finish(Sender s, long job) {
        if (s.job != job || !s.busy) {
            return;
        }
        s.busy = false;
        pump(s);
    }

    /**
     * One segment from node {@code fromNode} to {@code to}, retransmitted on loss after the RTO
     * (doubling up to {@link #RTO_MAX_NANOS}) until it arrives or {@link #MAX_RETRIES} are spent.
     */
    private void transmit(String fromNode, SimTransport to, SimTransport latencyTo, long rtoFloor, int attempt,
            Runnable arrived, Runnable gaveUp) {
        if (network.passes(fromNode, to.node())) {
            simulation.postAfter(network.delayTo(latencyTo), arrived);
            return;
        }
        counters.retransmissions++;
        if (attempt >= MAX_RETRIES) {
            gaveUp.run();
            return;
        }
        long rto = Math.min(RTO_MAX_NANOS, (rtoFloor + 2 * network.delayTo(null)) << attempt);
        simulation.postAfter(rto, () -> transmit(fromNode, to, latencyTo, rtoFloor, attempt + 1, arrived, gaveUp));
    }

    /** One packet waiting in the outgoing queue. */
    private record Out(String toAddress, int bytes, Delivery delivery) {}

    /** Hands a packet or message to the receiver; false when nobody takes it. */
    @FunctionalInterface
    interface Delivery {
        boolean deliver();
    }

    /** One node's transport: its outgoing queue, its worker and its connections. */
    private final class Sender {
        final SimTransport from;
        final ArrayDeque<Out> queue = new ArrayDeque<>();
        /**
         * The connections by address number: open addressing with linear probing, at most half
         * full, never deleted from (a connection lives as long as its sender). A run holds one per
         * pair of nodes that ever talked: a million at 1,000 nodes.
         */
        Connection[] slots = new Connection[8];
        /** The connections in creation order (a process that exits resets them in that order). */
        Connection[] created = new Connection[4];
        int connectionCount;
        boolean busy;
        boolean closed;
        long job;

        Sender(SimTransport from) {
            this.from = from;
        }

        Connection connection(String toAddress) {
            int id = addressId(toAddress);
            Connection c = find(id);
            if (c == null) {
                c = new Connection(this, toAddress, id);
                add(c);
            }
            return c;
        }

        /** The connection to the address numbered {@code id}, or null. */
        Connection find(int id) {
            Connection[] t = slots;
            int mask = t.length - 1;
            for (int i = id & mask; ; i = (i + 1) & mask) {
                Connection c = t[i];
                if (c == null || c.addressId == id) {
                    return c;
                }
            }
        }

        private void add(Connection c) {
            if (connectionCount == created.length) {
                created = Arrays.copyOf(created, connectionCount * 2);
            }
            created[connectionCount++] = c;
            if (2 * connectionCount > slots.length) {
                Connection[] grown = new Connection[slots.length * 2];
                for (int k = 0; k < connectionCount - 1; k++) {
                    place(grown, created[k]);
                }
                slots = grown;
            }
            place(slots, c);
        }

        private static void place(Connection[] t, Connection c) {
            int mask = t.length - 1;
            int i = c.addressId & mask;
            while (t[i] != null) {
                i = (i + 1) & mask;
            }
            t[i] = c;
        }
    }

    private enum ConnState { NONE, CONNECTING, OPEN }

    /** A TCP connection from one node to a peer address: set-up, ordered delivery, reset. */
    private final class Connection {
        final Sender owner;
        final String toAddress;
        final int addressId;
        ConnState state = ConnState.NONE;
        SimTransport peer;
        long generation;
        // linked through their own fields, not in collections: a run holds a connection per pair
        // of nodes that ever talked, mostly idle
        /** What waits for the connection to open, first to last. */
        private Waiter waitingHead;
        private Waiter waitingTail;
        /** The requests sent and not yet delivered, in order. */
        private Segment inFlightHead;
        private Segment inFlightTail;

        Connection(Sender owner, String toAddress, int addressId) {
            this.owner = owner;
            this.toAddress = toAddress;
            this.addressId = addressId;
        }

        /** Runs {@code then} once the connection is up, or {@code failed} when it cannot be made. */
        void whenOpen(Runnable then, Runnable failed) {
            if (state == ConnState.OPEN) {
                then.run();
                return;
            }
            Waiter w = new Waiter(then, failed);
            if (waitingTail == null) {
                waitingHead = w;
            } else {
                waitingTail.next = w;
            }
            waitingTail = w;
            if (state == ConnState.CONNECTING) {
                return;
            }
            state = ConnState.CONNECTING;
            long gen = ++generation;
            long giveUpAt = simulation.now() + PACKET_TIMEOUT_NANOS;
            syn(gen, 0, giveUpAt);
        }

        private void syn(long gen, int attempt, long giveUpAt) {
            if (gen != generation || owner.closed) {
                return;
            }
            SimTransport target = network.endpoint(toAddress);
            String fromNode = owner.from.node();
            if (target == null) {
                // Nobody listens: the host refuses after a round trip.
                simulation.postAfter(2 * network.delayTo(null), () -> connectFailed(gen));
                return;
            }
            if (network.passes(fromNode, target.node()) && network.passes(target.node(), fromNode)) {
                simulation.postAfter(network.delayTo(target) + network.delayTo(owner.from), () -> opened(gen, target));
                return;
            }
            counters.retransmissions++;
            long next = simulation.now() + (SYN_RTO_NANOS << attempt);
            if (next >= giveUpAt) {
                simulation.post(giveUpAt, () -> connectFailed(gen));
            } else {
                simulation.post(next, () -> syn(gen, attempt + 1, giveUpAt));
            }
        }

        private void opened(long gen, SimTransport target) {
            if (gen != generation || owner.closed) {
                return;
            }
            state = ConnState.OPEN;
            peer = target;
            counters.connectionsOpened++;
            for (Waiter w = takeWaiting(); w != null; w = w.next) {
                w.then.run();
            }
        }

        /** Empties the waiting list, returning its first entry (the rest linked behind it). */
        private Waiter takeWaiting() {
            Waiter w = waitingHead;
            waitingHead = null;
            waitingTail = null;
            return w;
        }

        private void connectFailed(long gen) {
            if (gen != generation) {
                return;
            }
            state = ConnState.NONE;
            for (Waiter w = takeWaiting(); w != null; w = w.next) {
                w.failed.run();
            }
        }

        /** Sends one request on the open connection; delivered in order behind everything sent before it. */
        void send(Runnable onDeliver, Runnable onReset) {
            Segment seg = new Segment(onDeliver, onReset);
            if (inFlightTail == null) {
                inFlightHead = seg;
            } else {
                inFlightTail.next = seg;
            }
            inFlightTail = seg;
            long gen = generation;
            SimTransport to = peer;
            transmit(owner.from.node(), to, to, RTO_MIN_NANOS, 0, () -> arrived(gen, seg), () -> {
                if (gen == generation) {
                    reset();
                }
            });
        }

        private void arrived(long gen, Segment seg) {
            if (gen != generation) {
                return;
            }
            seg.arrived = true;
            if (network.endpoint(toAddress) != peer || peer.isClosed()) {
                // The process that accepted this connection is gone: the host answers with a reset.
                simulation.postAfter(network.delayTo(owner.from), () -> {
                    if (gen == generation) {
                        reset();
                    }
                });
                return;
            }
            while (inFlightHead != null && inFlightHead.arrived) {
                Segment first = inFlightHead;
                inFlightHead = first.next;
                if (inFlightHead == null) {
                    inFlightTail = null;
                }
                first.onDeliver.run();
            }
        }

        /** The connection is dead: everything in flight fails; the next send connects again. */
        void reset() {
            generation++;
            state = ConnState.NONE;
            peer = null;
            Segment lost = inFlightHead;
            inFlightHead = null;
            inFlightTail = null;
            Waiter failed = takeWaiting();
            for (Segment s = lost; s != null; s = s.next) {
                s.onReset.run();
            }
            for (Waiter w = failed; w != null; w = w.next) {
                w.failed.run();
            }
        }
    }

    /** A request on a connection, delivered when it and everything before it have arrived. */
    private static final class Segment {
        final Runnable onDeliver;
        final Runnable onReset;
        boolean arrived;
        /** The next request on the connection (taken off it once delivered or lost). */
        Segment next;

        Segment(Runnable onDeliver, Runnable onReset) {
            this.onDeliver = onDeliver;
            this.onReset = onReset;
        }
    }

    /** Something waiting for a connection to open: what runs then, or when it cannot be made. */
    private static final class Waiter {
        final Runnable then;
        final Runnable failed;
        Waiter next;

        Waiter(Runnable then, Runnable failed) {
            this.then = then;
            this.failed = failed;
        }
    }
}
