package io.fleetlab.simulator.network;

import io.fleetlab.simulator.engine.Simulation;
import io.fleetlab.core.transport.Payload;
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
     * Every address anything was sent to, numbered in order of first use (a connection's key in
     * its sender's table, so finding the connection for a packet hashes no string per sender),
     * with the process listening there now (so a packet's arrival looks no address up).
     */
    private final Map<String, Address> addresses = new HashMap<>();
    private final TransportCounters counters;

    CkitHttp2(SimNetwork network, Simulation simulation, TransportCounters counters) {
        this.network = network;
        this.simulation = simulation;
        this.counters = counters;
    }

    private Sender sender(SimTransport from) {
        // the transport keeps its sender: no map lookup per packet
        Sender s = from.ckitSender;
        if (s == null) {
            s = new Sender(from);
            senders.put(from, s);
            from.ckitSender = s;
        }
        return s;
    }

    /** {@code address}, numbered on its first use. */
    private Address address(String address) {
        Address a = addresses.get(address);
        if (a == null) {
            a = new Address(addresses.size(), network.endpoint(address));
            addresses.put(address, a);
        }
        return a;
    }

    /** The network's listener at {@code address} changed (a process attached or went away). */
    void listenerChanged(String address) {
        Address a = addresses.get(address);
        if (a != null) {
            a.listener = network.endpoint(address);
        }
    }

    /** {@code WriteTo}: queue the packet; the worker sends it when its turn comes. */
    void sendPacket(SimTransport from, String toAddress, Payload packet) {
        Sender s = sender(from);
        if (s.queue.size() == QUEUE_LIMIT) {
            s.queue.pollFirst();
            counters.queueDrops++;
        }
        s.queue.addLast(new Post(s, toAddress, packet));
        pump(s);
    }

    /** A stream message (push-pull, join) on the peer's connection, outside the worker. */
    void sendReliable(SimTransport from, String toAddress, Delivery delivery, Runnable onFailure) {
        Sender s = sender(from);
        Stream stream = new Stream(s.connection(toAddress), delivery, onFailure);
        simulation.postAfter(network.conditions().streamTimeoutNanos(), stream::lost);
        stream.connection.whenOpen(stream);
    }

    /**
     * A process is gone: its queue, worker and connections with it; its kernel closes its sockets,
     * so the connections others had to it are reset once that reaches them, and their next packet
     * connects afresh (to whatever process then listens at the address).
     */
    void close(SimTransport gone) {
        Sender s = senders.remove(gone);
        gone.ckitSender = null;
        if (s != null) {
            s.closed = true;
            s.queue.clear();
            for (int k = 0, n = s.connectionCount; k < n; k++) {
                s.created[k].reset();
            }
        }
        Address goneAt = addresses.get(gone.localAddress());
        if (goneAt == null) {
            return; // nobody ever sent to it
        }
        for (Sender other : senders.values()) {
            Connection c = other.find(goneAt.id);
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
        Post o = s.queue.pollFirst();
        s.busy = true;
        long job = ++s.job;
        o.job = job;
        counters.packetsSent++;
        counters.bytesSent += o.bytes;
        if (o.bytes > MAX_MESSAGE_BYTES) {
            counters.oversize++;
            finish(s, job);
            return;
        }
        s.awaitTimeout(job);
        simulation.postAfter(PACKET_TIMEOUT_NANOS, s.timeout);
        o.connection = s.connection(o.toAddress);
        o.connection.whenOpen(o);
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
     * (doubling up to {@link #RTO_MAX_NANOS}) until it arrives ({@code seg} runs) or
     * {@link #MAX_RETRIES} are spent ({@link Segment#gaveUp}).
     */
    private void transmit(String fromNode, SimTransport to, SimTransport latencyTo, long rtoFloor, int attempt,
            Segment seg) {
        if (network.passes(fromNode, to.node())) {
            simulation.postAfter(network.delayTo(latencyTo), seg);
            return;
        }
        counters.retransmissions++;
        if (attempt >= MAX_RETRIES) {
            seg.gaveUp();
            return;
        }
        long rto = Math.min(RTO_MAX_NANOS, (rtoFloor + 2 * network.delayTo(null)) << attempt);
        simulation.postAfter(rto, () -> transmit(fromNode, to, latencyTo, rtoFloor, attempt + 1, seg));
    }

    /**
     * One packet from the outgoing queue to its answer: queued, then sent by the worker as a
     * request on the peer's connection, delivered, answered. The one object a packet costs: it is
     * the request on the connection and, in turn, the event of its arrival, of the answer leaving
     * the peer and of the answer's arrival.
     */
    private final class Post extends Segment {
        private static final int SENT = 0;
        private static final int DELIVERED = 1;
        private static final int ANSWERED = 2;
        final Sender sender;
        final String toAddress;
        final Payload packet;
        final int bytes;
        long job;
        /** The process that took the packet (the answer comes from it). */
        SimTransport peer;
        int phase = SENT;

        Post(Sender sender, String toAddress, Payload packet) {
            this.sender = sender;
            this.toAddress = toAddress;
            this.packet = packet;
            this.bytes = packet.size();
        }

        @Override
        public void run() {
            switch (phase) {
                case SENT -> super.run();
                case DELIVERED -> {
                    phase = ANSWERED;
                    transmit(peer.node(), sender.from, sender.from, RTO_MIN_NANOS, 0, this);
                }
                default -> finish(sender, job);
            }
        }

        @Override
        void delivered() {
            peer = connection.peer;
            SimTransport to = connection.address.listener;
            if (to != null) {
                to.receivePacket(sender.from.localAddress(), packet);
            }
            // The handler answers 200 once it has queued the body; a stalled process answers when it resumes.
            phase = DELIVERED;
            simulation.post(peer.scheduler().resumesAt(), this);
        }

        @Override
        void lost() {
            if (sender.job == job && sender.busy) {
                counters.sendFailures++;
                finish(sender, job);
            }
        }

        @Override
        void gaveUp() {
            if (phase == ANSWERED) {
                lost();
            } else {
                super.gaveUp();
            }
        }
    }

    /** A stream message: delivered once, or failed once (lost, or given up at the stream timeout). */
    private final class Stream extends Segment {
        final Delivery delivery;
        final Runnable onFailure;
        boolean finished;

        Stream(Connection connection, Delivery delivery, Runnable onFailure) {
            this.connection = connection;
            this.delivery = delivery;
            this.onFailure = onFailure;
        }

        @Override
        void delivered() {
            if (finished) {
                return; // the stream was given up; what arrives late is discarded
            }
            finished = true;
            if (!delivery.deliver()) {
                counters.streamFailures++;
                onFailure.run();
            }
        }

        @Override
        void lost() {
            if (!finished) {
                finished = true;
                counters.streamFailures++;
                onFailure.run();
            }
        }
    }

    /** Hands a packet or message to the receiver; false when nobody takes it. */
    @FunctionalInterface
    interface Delivery {
        boolean deliver();
    }

    /** One node's transport: its outgoing queue, its worker and its connections. */
    final class Sender {
        final SimTransport from;
        final ArrayDeque<Post> queue = new ArrayDeque<>();
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
        /**
         * The jobs whose 5 s timeouts are pending, oldest first: every one is posted with the same
         * delay, so they fire in the order they were posted, and one shared event action serves them all.
         */
        private long[] timeoutJobs = new long[8];
        private int timeoutHead;
        private int timeoutCount;
        final Runnable timeout = this::timedOut;

        Sender(SimTransport from) {
            this.from = from;
        }

        void awaitTimeout(long job) {
            if (timeoutCount == timeoutJobs.length) {
                long[] grown = new long[timeoutJobs.length * 2];
                for (int k = 0; k < timeoutCount; k++) {
                    grown[k] = timeoutJobs[(timeoutHead + k) & (timeoutJobs.length - 1)];
                }
                timeoutJobs = grown;
                timeoutHead = 0;
            }
            timeoutJobs[(timeoutHead + timeoutCount++) & (timeoutJobs.length - 1)] = job;
        }

        private void timedOut() {
            long timedOut = timeoutJobs[timeoutHead];
            timeoutHead = (timeoutHead + 1) & (timeoutJobs.length - 1);
            timeoutCount--;
            if (job == timedOut && busy) {
                counters.sendTimeouts++;
                finish(this, timedOut);
            }
        }

        Connection connection(String toAddress) {
            Address to = address(toAddress);
            Connection c = find(to.id);
            if (c == null) {
                c = new Connection(this, to);
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

    /** An address something was sent to: its number and the process listening there now, or null. */
    private static final class Address {
        final int id;
        SimTransport listener;

        Address(int id, SimTransport listener) {
            this.id = id;
            this.listener = listener;
        }
    }

    /** A TCP connection from one node to a peer address: set-up, ordered delivery, reset. */
    private final class Connection {
        final Sender owner;
        final Address address;
        /** {@link Address#id} of {@link #address}, read without a hop when the table is probed. */
        final int addressId;
        ConnState state = ConnState.NONE;
        SimTransport peer;
        long generation;
        // linked through their own fields, not in collections: a run holds a connection per pair
        // of nodes that ever talked, mostly idle
        /** The requests waiting for the connection to open, first to last. */
        private Segment waitingHead;
        private Segment waitingTail;
        /** The requests sent and not yet delivered, in order. */
        private Segment inFlightHead;
        private Segment inFlightTail;

        Connection(Sender owner, Address address) {
            this.owner = owner;
            this.address = address;
            this.addressId = address.id;
        }

        /** Sends {@code seg} once the connection is up; it is lost when the connection cannot be made. */
        void whenOpen(Segment seg) {
            if (state == ConnState.OPEN) {
                send(seg);
                return;
            }
            seg.next = null;
            if (waitingTail == null) {
                waitingHead = seg;
            } else {
                waitingTail.next = seg;
            }
            waitingTail = seg;
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
            SimTransport target = address.listener;
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
            for (Segment seg = takeWaiting(); seg != null; ) {
                Segment after = seg.next;
                send(seg);
                seg = after;
            }
        }

        /** Empties the waiting list, returning its first entry (the rest linked behind it). */
        private Segment takeWaiting() {
            Segment first = waitingHead;
            waitingHead = null;
            waitingTail = null;
            return first;
        }

        private void connectFailed(long gen) {
            if (gen != generation) {
                return;
            }
            state = ConnState.NONE;
            loseAll(takeWaiting());
        }

        /** Sends one request on the open connection; delivered in order behind everything sent before it. */
        private void send(Segment seg) {
            seg.gen = generation;
            seg.next = null;
            if (inFlightTail == null) {
                inFlightHead = seg;
            } else {
                inFlightTail.next = seg;
            }
            inFlightTail = seg;
            transmit(owner.from.node(), peer, peer, RTO_MIN_NANOS, 0, seg);
        }

        /** {@code seg}, sent in generation {@code gen}, has arrived at the peer. */
        void arrived(long gen, Segment seg) {
            if (gen != generation) {
                return;
            }
            seg.arrived = true;
            if (address.listener != peer || peer.isClosed()) {
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
                first.next = null;
                first.delivered();
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
            Segment waited = takeWaiting();
            loseAll(lost);
            loseAll(waited);
        }

        private void loseAll(Segment first) {
            for (Segment seg = first; seg != null; ) {
                Segment after = seg.next;
                seg.next = null;
                seg.lost();
                seg = after;
            }
        }
    }

    /**
     * A request on a connection, delivered when it and everything before it have arrived. As an
     * event action it is its own arrival at the peer.
     */
    private abstract class Segment implements Runnable {
        Connection connection;
        /** The connection's generation it was sent in. */
        long gen;
        boolean arrived;
        /** The next request waiting on, or in flight on, the same connection. */
        Segment next;

        /** It and everything sent before it on the connection have arrived. */
        abstract void delivered();

        /** The connection could not be made or was reset before it was delivered. */
        abstract void lost();

        @Override
        public void run() {
            connection.arrived(gen, this);
        }

        /** Its retransmissions ran out: the connection it was sent on is dead. */
        void gaveUp() {
            if (gen == connection.generation) {
                connection.reset();
            }
        }
    }
}
