package io.fleetlab.core.membership;

import io.fleetlab.core.membership.swim.Awareness;
import io.fleetlab.core.membership.swim.BroadcastQueue;
import io.fleetlab.core.membership.swim.BroadcastQueue.Topic;
import io.fleetlab.core.membership.swim.Member;
import io.fleetlab.core.membership.swim.Suspicion;
import io.fleetlab.core.membership.swim.SwimMath;
import io.fleetlab.core.membership.wire.MalformedMessageException;
import io.fleetlab.core.membership.wire.Message;
import io.fleetlab.core.membership.wire.Message.Ack;
import io.fleetlab.core.membership.wire.Message.Alive;
import io.fleetlab.core.membership.wire.Message.Dead;
import io.fleetlab.core.membership.wire.Message.IndirectPing;
import io.fleetlab.core.membership.wire.Message.Nack;
import io.fleetlab.core.membership.wire.Message.NodeRecord;
import io.fleetlab.core.membership.wire.Message.PeerStateUpdate;
import io.fleetlab.core.membership.wire.Message.Ping;
import io.fleetlab.core.membership.wire.Message.PushPull;
import io.fleetlab.core.membership.wire.Message.Suspect;
import io.fleetlab.core.membership.wire.MessageCodec;
import io.fleetlab.core.membership.wire.NodeStatus;
import io.fleetlab.core.membership.wire.PacketCodec;
import io.fleetlab.core.peer.LamportClock;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.peer.StateMessage;
import io.fleetlab.core.time.Cancellable;
import io.fleetlab.core.time.Scheduler;
import io.fleetlab.core.transport.Transport;
import io.fleetlab.core.transport.TransportHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Gossip membership of one node: SWIM failure detection with Lifeguard's refinements, the way
 * memberlist implements them, plus Alloy's Lamport-clocked peer states.
 *
 * <ul>
 *   <li>Every probe interval (stretched by the local health score) one member, taken round-robin
 *       from a shuffled list, is pinged; without an ack within the probe timeout, {@code k}
 *       helpers ping it indirectly and answer with an ack or a nack; still no ack by the end of
 *       the interval and the member becomes suspect.</li>
 *   <li>A suspect becomes dead when its suspicion timer runs out; the timer shrinks with
 *       independent confirmations. A member refutes a suspicion about itself with a higher
 *       incarnation. A member that leaves announces its own death, which others record as left.</li>
 *   <li>Liveness and peer-state news ride on every packet (and on a gossip round to a few random
 *       members every gossip interval); a full state exchange with one random member runs every
 *       push-pull interval.</li>
 * </ul>
 *
 * <p>Time comes only from the {@link Scheduler}, network only from the {@link Transport} and
 * chance only from the injected {@link RandomGenerator}; there are no threads and no locks. All
 * methods must be called on the scheduler's thread.
 */
public final class Membership {
    private static final System.Logger LOG = System.getLogger(Membership.class.getName());

    private final String name;
    private final GossipConfig config;
    private final Scheduler scheduler;
    private final Transport transport;
    private final RandomGenerator random;
    private final String address;
    private final PacketCodec codec;
    private final TrafficCounters traffic = new TrafficCounters();
    private final List<MembershipEventListener> eventListeners = new ArrayList<>();
    private final PeerSetNotifier notifier;
    private final Map<String, Member> members = new HashMap<>();
    private final List<Member> probeOrder = new ArrayList<>();
    private final Map<String, StateMessage> states = new HashMap<>();
    private final LamportClock clock = new LamportClock();
    private final BroadcastQueue broadcasts = new BroadcastQueue();
    private final Awareness awareness;
    private final Map<Integer, AckHandler> pendingAcks = new HashMap<>();
    private final List<Message> inbox = new ArrayList<>();
    private final List<byte[]> outgoing = new ArrayList<>();
    private final List<Member> candidates = new ArrayList<>();

    private final long probeIntervalNanos;
    private final long probeTimeoutNanos;
    private final long gossipIntervalNanos;

    private Member self;
    private StateMessage selfState;
    private int probeIndex;
    private int nextSeq;
    private boolean started;
    private boolean running;
    private boolean leaving;
    private List<String> seeds = List.of();
    private int joinAttempt;
    private boolean joinAnswered;
    private Cancellable probeTimer;
    private Cancellable gossipTimer;
    private Cancellable pushPullTimer;
    private Cancellable rejoinTimer;

    /**
     * @param name      this node's unique, stable name (1..255 UTF-8 bytes)
     * @param transport bound by this constructor; its {@link Transport#localAddress()} is the
     *                  address announced to others
     * @param random    the only source of chance (pass a seeded one for reproducible runs, a
     *                  {@link java.security.SecureRandom} when encryption is on)
     */
    public Membership(String name, GossipConfig config, Scheduler scheduler, Transport transport,
            RandomGenerator random) {
        this.name = Objects.requireNonNull(name, "name");
        this.config = Objects.requireNonNull(config, "config");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.random = Objects.requireNonNull(random, "random");
        int nameBytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (nameBytes == 0 || nameBytes > MessageCodec.MAX_STRING_BYTES) {
            throw new IllegalArgumentException("node name must be 1.." + MessageCodec.MAX_STRING_BYTES
                    + " UTF-8 bytes: '" + name + "'");
        }
        this.address = transport.localAddress();
        this.codec = new PacketCodec(config.keyring(), random);
        this.awareness = new Awareness(config.awarenessMaxMultiplier());
        this.probeIntervalNanos = config.probeInterval().toNanos();
        this.probeTimeoutNanos = config.probeTimeout().toNanos();
        this.gossipIntervalNanos = config.gossipInterval().toNanos();
        this.notifier = new PeerSetNotifier(scheduler, config.notifyInterval().toNanos(), this::peers);
        this.selfState = new StateMessage(name, PeerState.VIEWER, clock.tick());
        states.put(name, selfState);
        transport.bind(new TransportHandler() {
            @Override
            public void onPacket(String fromAddress, byte[] packet) {
                receivePacket(fromAddress, packet);
            }

            @Override
            public void onReliable(String fromAddress, byte[] message) {
                receiveReliable(fromAddress, message);
            }
        });
    }

    // ---------------------------------------------------------------- public API

    /**
     * Starts the protocol and joins through {@code seedAddresses}: a full-state exchange with at
     * most {@link GossipConfig#maxJoinPeers()} of them, chosen at random. When none answers within
     * the join timeout the node carries on as a cluster of one; with a rejoin interval it keeps
     * contacting the seeds.
     */
    public void join(List<String> seedAddresses) {
        Objects.requireNonNull(seedAddresses, "seedAddresses");
        if (started) {
            throw new IllegalStateException("join may be called once");
        }
        started = true;
        running = true;
        List<String> others = new ArrayList<>();
        for (String s : seedAddresses) {
            if (!s.equals(address) && !others.contains(s)) {
                others.add(s);
            }
        }
        seeds = List.copyOf(others);
        aliveNode(new Alive(0, name, address), true);
        probeTimer = scheduler.schedule(stagger(probeIntervalNanos), this::probeTick);
        gossipTimer = scheduler.schedule(stagger(gossipIntervalNanos), this::gossipTick);
        if (!config.pushPullInterval().isZero()) {
            pushPullTimer = scheduler.schedule(stagger(config.pushPullInterval().toNanos()), this::pushPullTick);
        }
        contactSeeds();
        if (!config.rejoinInterval().isZero() && !seeds.isEmpty()) {
            rejoinTimer = scheduler.schedule(config.rejoinInterval().toNanos(), this::rejoinTick);
        }
        notifier.changed();
    }

    /**
     * Announces a new Alloy peer state with a fresh Lamport time; it is gossiped and merged on
     * push-pull. Setting the current state again does nothing.
     *
     * @throws IllegalStateException for a transition Alloy forbids (only viewer -> participant ->
     *                               terminating are allowed)
     */
    public void setState(PeerState next) {
        Objects.requireNonNull(next, "next");
        PeerState current = selfState.state();
        if (next == current) {
            return;
        }
        if (!current.canTransitionTo(next)) {
            throw new IllegalStateException("illegal peer state transition " + current + " -> " + next);
        }
        announceState(next);
        emit(new NodeEvent.StateChanged(name, current, next, selfState.lamportTime(), scheduler.nowNanos()));
    }

    /**
     * Leaves gracefully: a participant first announces {@code TERMINATING}; once that news is out
     * (or after a short bound) the node announces it left, waits for that to go out too, shuts
     * down, then runs {@code whenDone} on the scheduler's thread.
     */
    public void leave(Runnable whenDone) {
        Objects.requireNonNull(whenDone, "whenDone");
        if (!running || leaving) {
            scheduler.schedule(0, whenDone);
            return;
        }
        leaving = true;
        if (selfState.state() == PeerState.PARTICIPANT) {
            setState(PeerState.TERMINATING);
        }
        long deadline = scheduler.nowNanos() + 10 * gossipIntervalNanos;
        whenSent(Topic.PEER_STATE, deadline, () -> {
            self.status = NodeStatus.LEFT;
            self.statusSinceNanos = scheduler.nowNanos();
            broadcasts.add(Topic.LIVENESS, name, codec.encode(new Dead(self.incarnation, name, name)));
            whenSent(Topic.LIVENESS, scheduler.nowNanos() + 10 * gossipIntervalNanos, () -> {
                shutdown();
                whenDone.run();
            });
        });
    }

    /** Stops at once: cancels every timer, sends nothing more and closes the transport (a crash). */
    public void shutdown() {
        if (!running && started) {
            return;
        }
        running = false;
        started = true;
        cancel(probeTimer);
        cancel(gossipTimer);
        cancel(pushPullTimer);
        cancel(rejoinTimer);
        for (Member m : members.values()) {
            if (m.suspicion != null) {
                m.suspicion.cancel();
                m.suspicion = null;
            }
        }
        for (AckHandler h : pendingAcks.values()) {
            h.cancel();
        }
        pendingAcks.clear();
        notifier.stop();
        transport.close();
    }

    /** The current view: the local node and every member alive or suspect, sorted by name. */
    public List<Peer> peers() {
        List<Peer> out = new ArrayList<>(members.size() + 1);
        out.add(new Peer(name, address, selfState.state(), true));
        for (Member m : members.values()) {
            if (m != self && !m.status.gone()) {
                StateMessage s = states.get(m.name);
                out.add(new Peer(m.name, m.address, s == null ? PeerState.VIEWER : s.state(), false));
            }
        }
        out.sort(Comparator.comparing(Peer::name));
        return List.copyOf(out);
    }

    /** Hears the peer set, coalesced to at most one call per notify interval. */
    public void addPeerSetListener(PeerSetListener listener) {
        notifier.add(Objects.requireNonNull(listener, "listener"));
        if (started) {
            notifier.changed();
        }
    }

    /** Hears every membership event as it happens. */
    public void addEventListener(MembershipEventListener listener) {
        eventListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** What this node sent, received and rejected so far. */
    public TrafficCounters traffic() {
        return traffic;
    }

    public String name() {
        return name;
    }

    /** The address announced to others. */
    public String address() {
        return address;
    }

    public GossipConfig config() {
        return config;
    }

    /** Whether the protocol runs (joined and neither left nor shut down). */
    public boolean running() {
        return running;
    }

    /** The member's liveness as this node sees it, or null if unknown (or reaped). */
    public NodeStatus statusOf(String member) {
        Member m = members.get(member);
        return m == null ? null : m.status;
    }

    /** This node's incarnation number (raised each time it refutes a suspicion). */
    public long incarnation() {
        return self == null ? 0 : self.incarnation;
    }

    /** Lifeguard's current local health score (0 = healthy). */
    public int healthScore() {
        return awareness.score();
    }

    /** The Lamport-clocked state message held for {@code member}, or null. */
    public StateMessage stateOf(String member) {
        return states.get(member);
    }

    /** Members in the table, including the local node, dead and left ones not yet reaped. */
    public int memberCount() {
        return members.size();
    }

    // ---------------------------------------------------------------- receive path

    private void receivePacket(String from, byte[] packet) {
        if (!running) {
            return;
        }
        traffic.packetReceived(packet.length);
        inbox.clear();
        try {
            codec.decodePacket(packet, inbox);
        } catch (MalformedMessageException e) {
            reject(e.reason(), from, e.getMessage());
            return;
        } catch (RuntimeException e) {
            reject(RejectReason.BAD_FIELD, from, e.toString());
            return;
        }
        for (int i = 0; i < inbox.size(); i++) {
            Message m = inbox.get(i);
            traffic.messageReceived();
            try {
                if (m instanceof PushPull) {
                    reject(RejectReason.UNEXPECTED, from, "push-pull in a datagram");
                } else {
                    handle(m);
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "failed to handle " + m + " from " + from, e);
            }
        }
        inbox.clear();
    }

    private void receiveReliable(String from, byte[] data) {
        if (!running) {
            return;
        }
        traffic.reliableReceived(data.length);
        Message m;
        try {
            m = codec.decodeStream(data);
        } catch (MalformedMessageException e) {
            reject(e.reason(), from, e.getMessage());
            return;
        } catch (RuntimeException e) {
            reject(RejectReason.BAD_FIELD, from, e.toString());
            return;
        }
        traffic.messageReceived();
        try {
            if (m instanceof PushPull p) {
                handlePushPull(p);
            } else {
                handle(m);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "failed to handle " + m + " from " + from, e);
        }
    }

    private void reject(RejectReason reason, String from, String detail) {
        traffic.countRejected(reason);
        LOG.log(System.Logger.Level.WARNING, "{0}: rejected input from {1}: {2}", name, from, detail);
    }

    private void handle(Message m) {
        if (m instanceof Ping p) {
            handlePing(p);
        } else if (m instanceof IndirectPing p) {
            handleIndirectPing(p);
        } else if (m instanceof Ack a) {
            AckHandler h = pendingAcks.get(a.seqNo());
            if (h != null) {
                h.ack();
            }
        } else if (m instanceof Nack n) {
            AckHandler h = pendingAcks.get(n.seqNo());
            if (h != null) {
                h.nack();
            }
        } else if (m instanceof Alive a) {
            aliveNode(a, false);
        } else if (m instanceof Suspect s) {
            suspectNode(s);
        } else if (m instanceof Dead d) {
            deadNode(d);
        } else if (m instanceof PeerStateUpdate u) {
            mergeState(u.state());
        } else if (m instanceof PushPull p) {
            handlePushPull(p);
        }
    }

    private void handlePing(Ping p) {
        if (!p.target().equals(name)) {
            reject(RejectReason.UNEXPECTED, p.sourceAddress(), "ping for " + p.target() + " reached " + name);
            return;
        }
        send(p.sourceAddress(), codec.encode(new Ack(p.seqNo())));
    }

    private void handleIndirectPing(IndirectPing req) {
        int seq = nextSeq++;
        Relay relay = new Relay(seq, req);
        pendingAcks.put(seq, relay);
        send(req.targetAddress(), codec.encode(new Ping(seq, req.target(), name, address)));
        relay.timeout = scheduler.schedule(probeTimeoutNanos, relay::expire);
    }

    // ---------------------------------------------------------------- failure detection

    private void probeTick() {
        if (!running) {
            return;
        }
        probe();
        probeTimer = scheduler.schedule(awareness.scale(probeIntervalNanos), this::probeTick);
    }

    /** Picks the next member round-robin (reshuffling and reaping on wrap-around) and probes it. */
    private void probe() {
        int checked = 0;
        while (checked < probeOrder.size()) {
            if (probeIndex >= probeOrder.size()) {
                resetProbeOrder();
                probeIndex = 0;
                checked++;
                continue;
            }
            Member m = probeOrder.get(probeIndex++);
            if (m == self || m.status.gone()) {
                checked++;
                continue;
            }
            probeNode(m);
            return;
        }
    }

    private void probeNode(Member target) {
        int seq = nextSeq++;
        Probe probe = new Probe(seq, target);
        pendingAcks.put(seq, probe);
        outgoing.clear();
        outgoing.add(codec.encode(new Ping(seq, target.name, name, address)));
        if (target.status == NodeStatus.SUSPECT) {
            // Buddy system: tell the suspect directly so it can refute at once.
            outgoing.add(codec.encode(new Suspect(target.incarnation, target.name, name)));
        }
        sendPiggybacked(target.address, outgoing);
        probe.timeout = scheduler.schedule(awareness.scale(probeTimeoutNanos), probe::timedOut);
        probe.deadline = scheduler.schedule(awareness.scale(probeIntervalNanos), probe::deadlinePassed);
    }

    /** Drops members dead or left for longer than the gossip-to-the-dead time, then reshuffles. */
    private void resetProbeOrder() {
        long now = scheduler.nowNanos();
        long keep = config.gossipToTheDeadTime().toNanos();
        probeOrder.removeIf(m -> {
            if (m != self && m.status.gone() && now - m.statusSinceNanos > keep) {
                members.remove(m.name);
                states.remove(m.name);
                return true;
            }
            return false;
        });
        shuffle(probeOrder);
    }

    /** Memberlist's {@code suspectNode}. */
    private void suspectNode(Suspect s) {
        Member m = members.get(s.node());
        if (m == null) {
            return;
        }
        if (m.suspicion != null) {
            if (m.suspicion.confirm(s.from())) {
                broadcasts.add(Topic.LIVENESS, s.node(), codec.encode(s));
            }
            return;
        }
        if (s.incarnation() < m.incarnation || m.status != NodeStatus.ALIVE) {
            return;
        }
        if (m == self) {
            refute(s.incarnation());
            return;
        }
        broadcasts.add(Topic.LIVENESS, s.node(), codec.encode(s));
        m.incarnation = s.incarnation();
        m.status = NodeStatus.SUSPECT;
        long changedAt = scheduler.nowNanos();
        m.statusSinceNanos = changedAt;
        // Aim to hit the nominal timeout two probe intervals early, given enough members to confirm.
        int k = config.suspicionMult() - 2;
        int n = members.size();
        if (n - 2 < k) {
            k = 0;
        }
        long min = SwimMath.suspicionTimeoutNanos(config.suspicionMult(), n, probeIntervalNanos);
        long max = config.suspicionMaxTimeoutMult() * min;
        m.suspicion = new Suspicion(scheduler, s.from(), k, min, max, () -> {
            if (running && m.status == NodeStatus.SUSPECT && m.statusSinceNanos == changedAt
                    && members.get(m.name) == m) {
                m.suspicion = null;
                deadNode(new Dead(m.incarnation, m.name, name));
            }
        });
        emit(new NodeEvent.Suspected(m.name, m.incarnation, s.from(), changedAt));
    }

    /** Memberlist's {@code aliveNode}. */
    private void aliveNode(Alive a, boolean bootstrap) {
        if (leaving && a.node().equals(name) && !bootstrap) {
            return;
        }
        Member m = members.get(a.node());
        boolean isNew = m == null;
        if (isNew) {
            m = new Member(a.node(), a.address(), a.incarnation(), NodeStatus.DEAD, scheduler.nowNanos());
            members.put(m.name, m);
            int n = probeOrder.size();
            probeOrder.add(m);
            int offset = random.nextInt(n + 1);
            probeOrder.set(n, probeOrder.get(offset));
            probeOrder.set(offset, m);
            if (a.node().equals(name)) {
                self = m;
            }
        }
        boolean addressChanged = !m.address.equals(a.address());
        if (addressChanged && !isNew) {
            if (m.status != NodeStatus.LEFT && m.status != NodeStatus.DEAD) {
                LOG.log(System.Logger.Level.WARNING, "{0}: conflicting address for {1}: {2} vs {3}",
                        name, a.node(), m.address, a.address());
                return;
            }
        }
        boolean isSelf = m == self;
        if (!isNew && !isSelf && a.incarnation() <= m.incarnation && !addressChanged) {
            return;
        }
        if (isSelf && !isNew && a.incarnation() < m.incarnation) {
            return;
        }
        if (m.suspicion != null) {
            m.suspicion.cancel();
            m.suspicion = null;
        }
        NodeStatus old = m.status;
        if (isSelf && !bootstrap) {
            if (a.incarnation() == m.incarnation && a.address().equals(address)) {
                return;
            }
            refute(a.incarnation());
            return;
        }
        if (!isSelf) {
            broadcasts.add(Topic.LIVENESS, a.node(), codec.encode(a));
        }
        m.incarnation = a.incarnation();
        m.address = a.address();
        long now = scheduler.nowNanos();
        if (m.status != NodeStatus.ALIVE) {
            m.status = NodeStatus.ALIVE;
            m.statusSinceNanos = now;
        }
        if (isSelf) {
            return;
        }
        if (old.gone()) {
            emit(new NodeEvent.Joined(m.name, m.address, m.incarnation, now));
            notifier.changed();
        } else if (old == NodeStatus.SUSPECT) {
            emit(new NodeEvent.Alive(m.name, m.incarnation, now));
        } else if (addressChanged) {
            notifier.changed();
        }
    }

    /** Memberlist's {@code deadNode}; a death announced by the node itself means it left. */
    private void deadNode(Dead d) {
        Member m = members.get(d.node());
        if (m == null || d.incarnation() < m.incarnation) {
            return;
        }
        if (m.suspicion != null) {
            m.suspicion.cancel();
            m.suspicion = null;
        }
        if (m.status.gone()) {
            return;
        }
        if (m == self) {
            if (!leaving) {
                refute(d.incarnation());
            }
            return;
        }
        broadcasts.add(Topic.LIVENESS, d.node(), codec.encode(d));
        m.incarnation = d.incarnation();
        m.status = d.isLeave() ? NodeStatus.LEFT : NodeStatus.DEAD;
        long now = scheduler.nowNanos();
        m.statusSinceNanos = now;
        if (d.isLeave()) {
            emit(new NodeEvent.Left(m.name, m.incarnation, now));
        } else {
            emit(new NodeEvent.Dead(m.name, m.incarnation, d.from(), now));
        }
        notifier.changed();
    }

    /** Beats an accusation with a higher incarnation and gossips that we are alive. */
    private void refute(long accused) {
        long inc = self.incarnation + 1;
        if (accused >= inc) {
            inc = accused + 1;
        }
        self.incarnation = inc;
        awareness.apply(1);
        broadcasts.add(Topic.LIVENESS, name, codec.encode(new Alive(inc, name, address)));
    }

    // ---------------------------------------------------------------- dissemination

    private void gossipTick() {
        if (!running) {
            return;
        }
        gossip();
        gossipTimer = scheduler.schedule(gossipIntervalNanos, this::gossipTick);
    }

    /** Sends queued news to fan-out random members (recently dead ones included). */
    private void gossip() {
        long now = scheduler.nowNanos();
        long deadWindow = config.gossipToTheDeadTime().toNanos();
        candidates.clear();
        for (Member m : probeOrder) {
            if (m == self || m.status == NodeStatus.LEFT) {
                continue;
            }
            if (m.status == NodeStatus.DEAD && now - m.statusSinceNanos > deadWindow) {
                continue;
            }
            candidates.add(m);
        }
        int picks = pickRandom(candidates, config.gossipNodes());
        for (int i = 0; i < picks; i++) {
            outgoing.clear();
            broadcasts.take(piggybackBudget(0), PacketCodec.COMPOUND_PER_MESSAGE, 255, retransmitLimit(), outgoing);
            if (outgoing.isEmpty()) {
                return;
            }
            sendFrame(candidates.get(i).address, outgoing);
        }
    }

    private void pushPullTick() {
        if (!running) {
            return;
        }
        candidates.clear();
        for (Member m : probeOrder) {
            if (m != self && m.status == NodeStatus.ALIVE) {
                candidates.add(m);
            }
        }
        if (pickRandom(candidates, 1) == 1) {
            sendReliable(candidates.get(0).address, fullState(false, false), null);
        }
        long next = SwimMath.pushPullScaleNanos(config.pushPullInterval().toNanos(), members.size());
        pushPullTimer = scheduler.schedule(next, this::pushPullTick);
    }

    private PushPull fullState(boolean join, boolean reply) {
        List<NodeRecord> nodes = new ArrayList<>(members.size());
        for (Member m : probeOrder) {
            nodes.add(new NodeRecord(m.name, m.address, m.incarnation, m.status));
        }
        return new PushPull(join, reply, name, address, nodes, new ArrayList<>(states.values()));
    }

    private void handlePushPull(PushPull p) {
        if (!p.reply()) {
            sendReliable(p.senderAddress(), fullState(p.join(), true), null);
        } else if (p.join()) {
            joinAnswered = true;
        }
        for (NodeRecord r : p.nodes()) {
            switch (r.status()) {
                case ALIVE -> aliveNode(new Alive(r.incarnation(), r.name(), r.address()), false);
                case LEFT -> deadNode(new Dead(r.incarnation(), r.name(), r.name()));
                // Someone else's verdict of death is only a reason to suspect: we check for ourselves.
                case DEAD, SUSPECT -> suspectNode(new Suspect(r.incarnation(), r.name(), name));
            }
        }
        for (StateMessage s : p.states()) {
            mergeState(s);
        }
    }

    // ---------------------------------------------------------------- Alloy peer states

    private void announceState(PeerState next) {
        selfState = new StateMessage(name, next, clock.tick());
        states.put(name, selfState);
        broadcasts.add(Topic.PEER_STATE, name, codec.encode(new PeerStateUpdate(selfState)));
        notifier.changed();
    }

    /** Keeps a state message only if it is newer than the one held for its node. */
    private void mergeState(StateMessage s) {
        clock.observe(s.lamportTime());
        if (s.nodeName().equals(name)) {
            if (s.lamportTime() >= selfState.lamportTime() && !s.equals(selfState)) {
                // News of ourselves from an earlier life: restate the current state with a newer time.
                announceState(selfState.state());
            }
            return;
        }
        StateMessage held = states.get(s.nodeName());
        if (!s.supersedes(held)) {
            return;
        }
        states.put(s.nodeName(), s);
        broadcasts.add(Topic.PEER_STATE, s.nodeName(), codec.encode(new PeerStateUpdate(s)));
        PeerState previous = held == null ? PeerState.VIEWER : held.state();
        if (previous != s.state()) {
            emit(new NodeEvent.StateChanged(s.nodeName(), previous, s.state(), s.lamportTime(), scheduler.nowNanos()));
            Member m = members.get(s.nodeName());
            if (m != null && !m.status.gone()) {
                notifier.changed();
            }
        }
    }

    // ---------------------------------------------------------------- joining

    private void contactSeeds() {
        int attempt = ++joinAttempt;
        joinAnswered = false;
        List<String> chosen = new ArrayList<>(seeds);
        shuffle(chosen);
        if (chosen.size() > config.maxJoinPeers()) {
            chosen = chosen.subList(0, config.maxJoinPeers());
        }
        if (chosen.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "{0}: no seeds, bootstrapping a new cluster", name);
            return;
        }
        int[] failures = {0};
        int asked = chosen.size();
        for (String seed : chosen) {
            sendReliable(seed, fullState(true, false), () -> {
                if (++failures[0] == asked && attempt == joinAttempt && !joinAnswered) {
                    LOG.log(System.Logger.Level.INFO, "{0}: no seed reachable, running alone", name);
                }
            });
        }
        scheduler.schedule(config.joinTimeout().toNanos(), () -> {
            if (attempt == joinAttempt && !joinAnswered && running) {
                LOG.log(System.Logger.Level.INFO, "{0}: no seed answered within {1}, running alone",
                        name, config.joinTimeout());
            }
        });
    }

    private void rejoinTick() {
        if (!running) {
            return;
        }
        contactSeeds();
        rejoinTimer = scheduler.schedule(config.rejoinInterval().toNanos(), this::rejoinTick);
    }

    // ---------------------------------------------------------------- sending

    /** Sends {@code body} with as much queued news as fits. */
    private void send(String to, byte[] body) {
        outgoing.clear();
        outgoing.add(body);
        sendPiggybacked(to, outgoing);
    }

    private void sendPiggybacked(String to, List<byte[]> bodies) {
        int used = 0;
        for (byte[] b : bodies) {
            used += b.length + PacketCodec.COMPOUND_PER_MESSAGE;
        }
        broadcasts.take(piggybackBudget(used), PacketCodec.COMPOUND_PER_MESSAGE, 255 - bodies.size(),
                retransmitLimit(), bodies);
        sendFrame(to, bodies);
    }

    private void sendFrame(String to, List<byte[]> bodies) {
        if (!running) {
            return;
        }
        byte[] packet = codec.frame(bodies);
        traffic.packetSent(packet.length, bodies.size());
        transport.sendPacket(to, packet);
    }

    private void sendReliable(String to, Message m, Runnable onFailure) {
        if (!running) {
            return;
        }
        byte[] data = codec.frame(m);
        traffic.reliableSent(data.length);
        transport.sendReliable(to, data, () -> {
            LOG.log(System.Logger.Level.DEBUG, "{0}: reliable send to {1} failed", name, to);
            if (onFailure != null) {
                onFailure.run();
            }
        });
    }

    private int piggybackBudget(int used) {
        return config.maxPacketSize() - codec.frameOverhead() - PacketCodec.COMPOUND_HEADER - used;
    }

    private int retransmitLimit() {
        return SwimMath.retransmitLimit(config.retransmitMult(), members.size());
    }

    /** Runs {@code then} once no news on {@code topic} about us is queued, or at {@code deadline}. */
    private void whenSent(Topic topic, long deadline, Runnable then) {
        if (!running) {
            return;
        }
        boolean anyoneToTell = false;
        for (Member m : members.values()) {
            if (m != self && !m.status.gone()) {
                anyoneToTell = true;
                break;
            }
        }
        if (!anyoneToTell || !broadcasts.pending(topic, name) || scheduler.nowNanos() >= deadline) {
            then.run();
        } else {
            scheduler.schedule(gossipIntervalNanos, () -> whenSent(topic, deadline, then));
        }
    }

    // ---------------------------------------------------------------- helpers

    private void emit(NodeEvent e) {
        for (MembershipEventListener l : eventListeners) {
            try {
                l.onEvent(e);
            } catch (RuntimeException ex) {
                LOG.log(System.Logger.Level.WARNING, "membership event listener failed", ex);
            }
        }
    }

    private long stagger(long interval) {
        return interval <= 1 ? interval : 1 + random.nextLong(interval);
    }

    private <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }

    /** Moves up to {@code k} random elements to the front of {@code list}; returns how many. */
    private <T> int pickRandom(List<T> list, int k) {
        int n = Math.min(k, list.size());
        for (int i = 0; i < n; i++) {
            int j = i + random.nextInt(list.size() - i);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
        return n;
    }

    private static void cancel(Cancellable c) {
        if (c != null) {
            c.cancel();
        }
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
        final Member target;
        Cancellable timeout;
        Cancellable deadline;
        boolean acked;
        boolean indirect;
        int expectedNacks;
        int nacks;

        Probe(int seq, Member target) {
            this.seq = seq;
            this.target = target;
        }

        @Override
        void ack() {
            if (acked) {
                return;
            }
            acked = true;
            if (!indirect) {
                awareness.apply(-1);
            }
            cancel();
            pendingAcks.remove(seq);
        }

        @Override
        void nack() {
            nacks++;
        }

        @Override
        void cancel() {
            Membership.cancel(timeout);
            Membership.cancel(deadline);
        }

        /** No direct ack in time: ask helpers to try. */
        void timedOut() {
            if (acked || !running) {
                return;
            }
            indirect = true;
            candidates.clear();
            for (Member m : probeOrder) {
                if (m != self && m != target && m.status == NodeStatus.ALIVE) {
                    candidates.add(m);
                }
            }
            int helpers = pickRandom(candidates, config.indirectChecks());
            expectedNacks = helpers;
            IndirectPing req = new IndirectPing(seq, target.name, target.address, true, name, address);
            byte[] body = codec.encode(req);
            for (int i = 0; i < helpers; i++) {
                send(candidates.get(i).address, body);
            }
        }

        /** The interval is over without an ack: adjust our health and suspect the target. */
        void deadlinePassed() {
            pendingAcks.remove(seq);
            Membership.cancel(timeout);
            if (acked || !running) {
                return;
            }
            awareness.apply(expectedNacks > 0 ? Math.max(0, expectedNacks - nacks) : 1);
            if (members.get(target.name) == target && !target.status.gone()) {
                suspectNode(new Suspect(target.incarnation, target.name, name));
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
            pendingAcks.remove(seq);
            send(request.sourceAddress(), codec.encode(new Ack(request.seqNo())));
        }

        @Override
        void nack() {
            // Helpers of helpers do not exist: a nack here is stray and ignored.
        }

        @Override
        void cancel() {
            Membership.cancel(timeout);
        }

        void expire() {
            if (pendingAcks.remove(seq) == this && running && request.wantNack()) {
                send(request.sourceAddress(), codec.encode(new Nack(request.seqNo())));
            }
        }
    }
}
