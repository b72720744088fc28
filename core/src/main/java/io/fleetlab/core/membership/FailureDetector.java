package io.fleetlab.core.membership;

import io.fleetlab.core.membership.swim.Awareness;
import io.fleetlab.core.membership.wire.Message.Ack;
import io.fleetlab.core.membership.wire.Message.IndirectPing;
import io.fleetlab.core.membership.wire.Message.Nack;
import io.fleetlab.core.membership.wire.Message.NodeRecord;
import io.fleetlab.core.membership.wire.Message.Ping;
import io.fleetlab.core.membership.wire.Message.Suspect;
import io.fleetlab.core.membership.wire.NodeStatus;
import io.fleetlab.core.membership.wire.PacketCodec;
import io.fleetlab.core.membership.wire.SizedMessage;
import io.fleetlab.core.time.Cancellable;
import io.fleetlab.core.time.Scheduler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * SWIM's failure detector with Lifeguard's tweaks: one probe per (health-stretched) interval,
 * round-robin; a direct ping, then indirect pings through helpers who answer with acks or nacks;
 * no ack by the end of the interval makes the target suspect. Also answers other nodes' pings and
 * relays their indirect pings.
 */
final class FailureDetector {
    private final String name;
    private final String address;
    private final GossipConfig config;
    private final Scheduler scheduler;
    private final RandomGenerator random;
    private final Outbox outbox;
    private final MemberTable table;
    private final Awareness awareness;
    private final Runnable onProbe;
    private final Runnable onWrapAround;
    private final long probeIntervalNanos;
    private final long probeTimeoutNanos;
    private final Map<Integer, AckHandler> pending = new HashMap<>();
    private final IndexList helpers = new IndexList();
    private int probeIndex;
    private int nextSeq;
    private boolean running;
    private Cancellable timer;

    /** @param onWrapAround runs when the probe list wraps around (the time to reap and reshuffle) */
    FailureDetector(String name, String address, GossipConfig config, Scheduler scheduler, RandomGenerator random,
            Outbox outbox, MemberTable table, Awareness awareness, Runnable onWrapAround,
            Runnable onProbe) {
        this.onProbe = onProbe;
        this.name = name;
        this.address = address;
        this.config = config;
        this.scheduler = scheduler;
        this.random = random;
        this.outbox = outbox;
        this.table = table;
        this.awareness = awareness;
        this.onWrapAround = onWrapAround;
        this.probeIntervalNanos = config.probeInterval().toNanos();
        this.probeTimeoutNanos = config.probeTimeout().toNanos();
    }

    /** Starts probing after {@code firstDelayNanos}. */
    void start(long firstDelayNanos) {
        running = true;
        timer = scheduler.schedule(firstDelayNanos, this::tick);
    }

    /** Stops probing and forgets outstanding probes. */
    void stop() {
        running = false;
        if (timer != null) {
            timer.cancel();
        }
        for (AckHandler h : pending.values()) {
            h.cancel();
        }
        pending.clear();
    }

    void onPing(Ping p, RejectSink reject) {
        if (!p.target().equals(name)) {
            reject.reject(RejectReason.UNEXPECTED, p.sourceAddress(), "ping for " + p.target() + " reached " + name);
            return;
        }
        outbox.send(p.sourceAddress(), PacketCodec.sized(new Ack(p.seqNo())));
    }

    void onIndirectPing(IndirectPing req) {
        int seq = nextSeq++;
        Relay relay = new Relay(seq, req);
        pending.put(seq, relay);
        outbox.send(req.targetAddress(), PacketCodec.sized(new Ping(seq, req.target(), name, address)));
        relay.timeout = scheduler.schedule(probeTimeoutNanos, relay::expire);
    }

    void onAck(Ack a) {
        AckHandler h = pending.get(a.seqNo());
        if (h != null) {
            h.ack();
        }
    }

    void onNack(Nack n) {
        AckHandler h = pending.get(n.seqNo());
        if (h != null) {
            h.nack();
        }
    }

    private void tick() {
        if (!running) {
            return;
        }
        // rescheduled in finally: a failure in one probe must not end probing for good
        try {
            probeNext();
        } finally {
            timer = scheduler.schedule(awareness.scale(probeIntervalNanos), this::tick);
        }
    }

    /** Picks the next live member round-robin, wrapping (and reaping) at the end, and probes it. */
    private void probeNext() {
        IndexList order = table.order();
        int checked = 0;
        while (checked < order.size()) {
            if (probeIndex >= order.size()) {
                onWrapAround.run();
                probeIndex = 0;
                checked++;
                continue;
            }
            int m = order.get(probeIndex++);
            if (m == table.self() || table.status(m).gone()) {
                checked++;
                continue;
            }
            probe(m);
            return;
        }
    }

    private void probe(int target) {
        onProbe.run();
        int seq = nextSeq++;
        Probe probe = new Probe(seq, target, table.generation(target), table.record(target));
        pending.put(seq, probe);
        String targetName = table.name(target);
        SizedMessage ping = PacketCodec.sized(new Ping(seq, targetName, name, address));
        if (table.status(target) == NodeStatus.SUSPECT) {
            // Buddy system: tell the suspect directly so it can refute at once.
            outbox.send(table.address(target), ping,
                    PacketCodec.sized(new Suspect(table.incarnation(target), targetName, name), target));
        } else {
            outbox.send(table.address(target), ping);
        }
        // memberlist state.go probeNode: Lifeguard's health stretches the probe's deadline (the
        // interval), never the direct-ack timeout: waiting longer does not get a datagram through.
        probe.timeout = scheduler.schedule(probeTimeoutNanos, probe::timedOut);
        probe.deadline = scheduler.schedule(awareness.scale(probeIntervalNanos), probe::deadlinePassed);
    }

    /** Where the detector reports input it refuses. */
    @FunctionalInterface
    interface RejectSink {
        void reject(RejectReason reason, String from, String detail);
    }

    /** Something waiting for an ack or nack with a given sequence number. */
    private abstract static class AckHandler {
        abstract void ack();

        abstract void nack();

        abstract void cancel();
    }

    /** One probe of one member, from the direct ping to the verdict at the end of the interval. */
    private final class Probe extends AckHandler {
        final int seq;
        /** The target's row and its generation (a row reaped and made again is another member). */
        final int target;
        final int row;
        /** The target as probed, for when its row is gone. */
        final NodeRecord probed;
        Cancellable timeout;
        Cancellable deadline;
        boolean acked;
        boolean indirect;
        int expectedNacks;
        int nacks;

        Probe(int seq, int target, int row, NodeRecord probed) {
            this.seq = seq;
            this.target = target;
            this.row = row;
            this.probed = probed;
        }

        /** Whether the target's row is still the one probed. */
        private boolean sameRow() {
            return table.has(target) && table.generation(target) == row;
        }

        @Override
        void ack() {
            if (acked) {
                return;
            }
            acked = true;
            // memberlist state.go probeNode (awarenessDelta = -1 once the ping is sent): any
            // successful probe, direct or through helpers, improves our health.
            awareness.apply(-1);
            cancel();
            pending.remove(seq);
        }

        @Override
        void nack() {
            nacks++;
        }

        @Override
        void cancel() {
            if (timeout != null) {
                timeout.cancel();
            }
            if (deadline != null) {
                deadline.cancel();
            }
        }

        /** No direct ack in time: ask helpers to try. */
        void timedOut() {
            if (acked || !running) {
                return;
            }
            indirect = true;
            helpers.clear();
            boolean same = sameRow();
            NodeRecord now = same ? table.record(target) : probed;
            int k = table.randomAliveOthers(same ? target : -1, config.indirectChecks(), random, helpers);
            expectedNacks = k;
            SizedMessage req = PacketCodec.sized(new IndirectPing(seq, now.name(), now.address(), true, name, address));
            for (int i = 0; i < k; i++) {
                outbox.send(table.address(helpers.get(i)), req);
            }
        }

        /** The interval is over without an ack: adjust our health and suspect the target. */
        void deadlinePassed() {
            pending.remove(seq);
            if (timeout != null) {
                timeout.cancel();
            }
            if (acked || !running) {
                return;
            }
            // Lifeguard: missing nacks mean our own link may be the problem.
            awareness.apply(expectedNacks > 0 ? Math.max(0, expectedNacks - nacks) : 1);
            if (sameRow() && !table.status(target).gone()) {
                table.suspect(new Suspect(table.incarnation(target), table.name(target), name));
            }
        }
    }

    /** An indirect ping this node relays for another prober. */
    private final class Relay extends AckHandler {
        final int seq;
        final IndirectPing request;
        Cancellable timeout;

        Relay(int seq, IndirectPing request) {
            this.seq = seq;
            this.request = request;
        }

        @Override
        void ack() {
            cancel();
            pending.remove(seq);
            outbox.send(request.sourceAddress(), PacketCodec.sized(new Ack(request.seqNo())));
        }

        @Override
        void nack() {
            // only probers count nacks; a stray one here is ignored
        }

        @Override
        void cancel() {
            if (timeout != null) {
                timeout.cancel();
            }
        }

        void expire() {
            if (pending.remove(seq) == this && running && request.wantNack()) {
                outbox.send(request.sourceAddress(), PacketCodec.sized(new Nack(request.seqNo())));
            }
        }
    }
}
