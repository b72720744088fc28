package io.fleetlab.core.membership;

import io.fleetlab.core.membership.swim.Awareness;
import io.fleetlab.core.membership.swim.BroadcastQueue;
import io.fleetlab.core.membership.swim.BroadcastQueue.Topic;
import io.fleetlab.core.membership.swim.RandomPicks;
import io.fleetlab.core.membership.swim.Suspicion;
import io.fleetlab.core.membership.swim.SwimMath;
import io.fleetlab.core.membership.wire.Message.Alive;
import io.fleetlab.core.membership.wire.Message.Dead;
import io.fleetlab.core.membership.wire.Message.NodeRecord;
import io.fleetlab.core.membership.wire.Message.Suspect;
import io.fleetlab.core.membership.wire.NodeStatus;
import io.fleetlab.core.membership.wire.PacketCodec;
import io.fleetlab.core.time.Scheduler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The local node's member table and memberlist's state-merging rules: alive, suspect and dead news
 * are applied only when they beat what is held (incarnation numbers), the local node refutes
 * accusations, suspects get a Lifeguard suspicion timer, and every accepted change is re-gossiped.
 */
final class MemberTable {
    private static final System.Logger LOG = System.getLogger(MemberTable.class.getName());
    /**
     * How far liveness news (alive, suspect, dead) about a member we hold, ourselves included, may
     * be ahead of the incarnation held for it; news further ahead is dropped. A member's
     * incarnation grows by one per refutation, so a real gap of 65,536 would mean that many
     * refutations missed while its record was kept (or, for our own, an earlier life of this name
     * that refuted that often), which does not happen. Without the bound one forged accusation at
     * 2^63-1 pins the member at an incarnation no refutation can beat. memberlist has no such bound
     * (state.go compares uint32 incarnations that wrap to 0 in refute's skipIncarnation).
     */
    static final long MAX_INCARNATION_STEP = 1L << 16;

    private final String name;
    private final String address;
    private final GossipConfig config;
    private final Scheduler scheduler;
    private final RandomGenerator random;
    private final PacketCodec codec;
    private final BroadcastQueue broadcasts;
    private final Awareness awareness;
    private final EventBus events;
    private final Runnable viewChanged;
    private final long probeIntervalNanos;
    private final Map<String, Member> members = new HashMap<>();
    /** Members in probe order; shuffled at every wrap-around. */
    private final List<Member> order = new ArrayList<>();
    /** Reaped members, so a replay of an old life cannot bring one back. */
    private final Tombstones tombstones = new Tombstones(Tombstones.DEFAULT_MAX_ENTRIES,
            Tombstones.DEFAULT_MAX_AGE_NANOS);
    private Member self;
    private boolean leaving;

    MemberTable(String name, String address, GossipConfig config, Scheduler scheduler, RandomGenerator random,
            PacketCodec codec, BroadcastQueue broadcasts, Awareness awareness, EventBus events, Runnable viewChanged) {
        this.name = name;
        this.address = address;
        this.config = config;
        this.scheduler = scheduler;
        this.random = random;
        this.codec = codec;
        this.broadcasts = broadcasts;
        this.awareness = awareness;
        this.events = events;
        this.viewChanged = viewChanged;
        this.probeIntervalNanos = config.probeInterval().toNanos();
    }

    /** Puts the local node in the table, alive at incarnation 0. */
    void addSelf() {
        alive(new Alive(0, name, address), true);
    }

    /**
     * Puts {@code member} in the table as alive without news or events, as a long steady state
     * leaves it (a warm start); a member already known is left as it is.
     */
    void assumeAlive(String member, String memberAddress, long incarnation) {
        if (members.containsKey(member)) {
            return;
        }
        Member m = new Member(member, memberAddress, incarnation, NodeStatus.ALIVE, scheduler.nowNanos());
        members.put(member, m);
        RandomPicks.insertAtRandom(order, m, random);
    }

    Member self() {
        return self;
    }

    Member get(String member) {
        return members.get(member);
    }

    /** Members known, the local node and unreaped dead ones included (memberlist's estimate of N). */
    int size() {
        return members.size();
    }

    /** Members in probe order (do not modify). */
    List<Member> order() {
        return order;
    }

    /** From now on news of our own death is not refuted and news of our life is ignored. */
    void markLeaving() {
        leaving = true;
    }

    /** Our own entry becomes LEFT; the caller gossips the matching dead message. */
    Dead leave() {
        self.status = NodeStatus.LEFT;
        self.statusSinceNanos = scheduler.nowNanos();
        Dead d = new Dead(self.incarnation, name, name);
        broadcasts.add(Topic.LIVENESS, name, codec.encode(d));
        return d;
    }

    /**
     * Picks up to {@code k} distinct gossip targets at random, as memberlist's kRandomNodes does:
     * at most 3 x members random probes, so a tick costs O(k) rather than a pass over the whole
     * table (which at a thousand members, five ticks a second, dominated a node's work).
     */
    void randomGossipTargets(int k, java.util.random.RandomGenerator random, List<Member> out) {
        int n = order.size();
        long now = scheduler.nowNanos();
        long window = config.gossipToTheDeadTime().toNanos();
        for (int tries = 0; tries < 3 * n && out.size() < k; tries++) {
            Member m = order.get(random.nextInt(n));
            if (m == self || m.status == NodeStatus.LEFT
                    || (m.status == NodeStatus.DEAD && now - m.statusSinceNanos > window) || out.contains(m)) {
                continue;
            }
            out.add(m);
        }
    }

    /** Adds every member other than us, alive or suspect or dead within the gossip window, to {@code out}. */
    void gossipTargets(List<Member> out) {
        long now = scheduler.nowNanos();
        long window = config.gossipToTheDeadTime().toNanos();
        for (int i = 0; i < order.size(); i++) {
            Member m = order.get(i);
            if (m == self || m.status == NodeStatus.LEFT
                    || (m.status == NodeStatus.DEAD && now - m.statusSinceNanos > window)) {
                continue;
            }
            out.add(m);
        }
    }

    /** Adds every alive member other than us and {@code except} (may be null) to {@code out}. */
    void aliveOthers(Member except, List<Member> out) {
        for (int i = 0; i < order.size(); i++) {
            Member m = order.get(i);
            if (m != self && m != except && m.status == NodeStatus.ALIVE) {
                out.add(m);
            }
        }
    }

    /** Visits every member other than us that is alive or suspect. */
    void forEachLive(Consumer<Member> visitor) {
        for (int i = 0; i < order.size(); i++) {
            Member m = order.get(i);
            if (m != self && !m.status.gone()) {
                visitor.accept(m);
            }
        }
    }

    /** Whether anyone else is alive or suspect. */
    boolean anyoneLive() {
        for (int i = 0; i < order.size(); i++) {
            Member m = order.get(i);
            if (m != self && !m.status.gone()) {
                return true;
            }
        }
        return false;
    }

    /** The whole table, as sent in a push-pull. */
    List<NodeRecord> records() {
        List<NodeRecord> out = new ArrayList<>(order.size());
        for (Member m : order) {
            out.add(new NodeRecord(m.name, m.address, m.incarnation, m.status));
        }
        return out;
    }

    /**
     * Drops members dead or left for longer than the gossip-to-the-dead time, then reshuffles.
     *
     * @param reaped receives each dropped member's name
     */
    void reapAndShuffle(Consumer<String> reaped) {
        long now = scheduler.nowNanos();
        long keep = config.gossipToTheDeadTime().toNanos();
        order.removeIf(m -> {
            if (m != self && m.status.gone() && now - m.statusSinceNanos > keep) {
                members.remove(m.name);
                tombstones.bury(m, now);
                reaped.accept(m.name);
                return true;
            }
            return false;
        });
        RandomPicks.shuffle(order, random);
    }

    /**
     * The tombstone of a member we no longer hold, as a record to answer a push-pull with, when
     * the sender believes {@code r} (alive or suspect) at an incarnation we buried: told that it
     * is dead or left, the member itself refutes with a higher incarnation, which we accept. This
     * is how a genuine restart, or the other side of a healed partition, gets back in once a
     * replay of the same incarnation no longer can. Null if nothing needs to be said.
     */
    NodeRecord tombstoneContradicting(NodeRecord r) {
        if (r.status() != NodeStatus.ALIVE && r.status() != NodeStatus.SUSPECT || members.containsKey(r.name())) {
            return null;
        }
        Tombstones.Tombstone t = tombstones.get(r.name(), scheduler.nowNanos());
        if (t == null || !buriedHides(t, r.incarnation(), r.address())) {
            return null;
        }
        return new NodeRecord(t.name(), t.address(), t.incarnation(), t.status());
    }

    /** Tombstones held (for tests and tools). */
    int tombstoneCount() {
        return tombstones.size();
    }

    /**
     * Whether an alive at {@code incarnation} from {@code fromAddress} is an old life of a buried
     * member: memberlist's aliveNode rule for a record it still holds ("Bail if the incarnation
     * number is older"), where a left name at a new address is a new node at any incarnation.
     */
    private static boolean buriedHides(Tombstones.Tombstone t, long incarnation, String fromAddress) {
        boolean movedAfterLeaving = t.status() == NodeStatus.LEFT && !t.address().equals(fromAddress);
        return incarnation <= t.incarnation() && !movedAfterLeaving;
    }

    /** Whether news at {@code incarnation} is implausibly far ahead of {@code held} (see MAX_INCARNATION_STEP). */
    private static boolean tooFarAhead(long incarnation, long held) {
        long limit = held > Long.MAX_VALUE - MAX_INCARNATION_STEP ? Long.MAX_VALUE : held + MAX_INCARNATION_STEP;
        return incarnation > limit;
    }

    /** Stops every suspicion timer. */
    void stop() {
        for (Member m : order) {
            clearSuspicion(m);
        }
    }

    /** Memberlist's {@code aliveNode}. */
    void alive(Alive a, boolean bootstrap) {
        if (leaving && !bootstrap && a.node().equals(name)) {
            return;
        }
        Member m = members.get(a.node());
        boolean isNew = m == null;
        if (isNew && !bootstrap) {
            Tombstones.Tombstone t = tombstones.get(a.node(), scheduler.nowNanos());
            if (t != null && buriedHides(t, a.incarnation(), a.address())) {
                return;
            }
        }
        if (!isNew && tooFarAhead(a.incarnation(), m.incarnation)) {
            return;
        }
        if (isNew) {
            tombstones.remove(a.node());
            m = new Member(a.node(), a.address(), a.incarnation(), NodeStatus.DEAD, scheduler.nowNanos());
            members.put(m.name, m);
            RandomPicks.insertAtRandom(order, m, random);
            if (a.node().equals(name)) {
                self = m;
            }
        }
        boolean isSelf = m == self;
        boolean addressChanged = !m.address.equals(a.address());
        // memberlist state.go aliveNode (DeadNodeReclaimTime unset, as ckit leaves it): a name may
        // move to a new address only after it left; a dead or live name at a new address is refused.
        if (addressChanged && m.status != NodeStatus.LEFT) {
            LOG.log(System.Logger.Level.WARNING, "{0}: conflicting address for {1}: {2} vs {3}",
                    name, a.node(), m.address, a.address());
            return;
        }
        if (!isNew && !isSelf && a.incarnation() <= m.incarnation && !addressChanged) {
            return;
        }
        if (!isNew && isSelf && a.incarnation() < m.incarnation) {
            return;
        }
        clearSuspicion(m);
        if (isSelf && !bootstrap) {
            if (a.incarnation() != m.incarnation || !a.address().equals(address)) {
                refute(a.incarnation());
            }
            return;
        }
        NodeStatus old = m.status;
        // memberlist state.go aliveNode: everyone's alive is re-broadcast, and so is our own at
        // bootstrap, so a joiner gossips its own alive message (memberlist's setAlive on Create).
        if (!isSelf || bootstrap) {
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
            events.emit(new NodeEvent.Joined(m.name, m.address, m.incarnation, now));
            viewChanged.run();
        } else if (old == NodeStatus.SUSPECT) {
            events.emit(new NodeEvent.Alive(m.name, m.incarnation, now));
        }
    }

    /** Memberlist's {@code suspectNode}: a new suspicion starts a timer, a repeated one confirms it. */
    void suspect(Suspect s) {
        Member m = members.get(s.node());
        if (m == null || tooFarAhead(s.incarnation(), m.incarnation)) {
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
        int n = members.size();
        int k = config.suspicionMult() - 2;
        if (n - 2 < k) {
            k = 0;
        }
        long min = SwimMath.suspicionTimeoutNanos(config.suspicionMult(), n, probeIntervalNanos);
        long max = config.suspicionMaxTimeoutMult() * min;
        Member suspect = m;
        m.suspicion = new Suspicion(scheduler, s.from(), k, min, max, () -> {
            if (suspect.status == NodeStatus.SUSPECT && suspect.statusSinceNanos == changedAt
                    && members.get(suspect.name) == suspect) {
                suspect.suspicion = null;
                dead(new Dead(suspect.incarnation, suspect.name, name));
            }
        });
        events.emit(new NodeEvent.Suspected(m.name, m.incarnation, s.from(), changedAt));
    }

    /** Memberlist's {@code deadNode}; a death announced by the node itself means it left. */
    void dead(Dead d) {
        Member m = members.get(d.node());
        if (m == null || d.incarnation() < m.incarnation || tooFarAhead(d.incarnation(), m.incarnation)) {
            return;
        }
        clearSuspicion(m);
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
            events.emit(new NodeEvent.Left(m.name, m.incarnation, now));
        } else {
            events.emit(new NodeEvent.Dead(m.name, m.incarnation, d.from(), now));
        }
        viewChanged.run();
    }

    /** Applies one entry of a remote member table (memberlist's {@code mergeState}). */
    void merge(NodeRecord r) {
        switch (r.status()) {
            case ALIVE -> alive(new Alive(r.incarnation(), r.name(), r.address()), false);
            case LEFT -> dead(new Dead(r.incarnation(), r.name(), r.name()));
            // Someone else's verdict of death is only a reason to suspect: we check for ourselves.
            case DEAD, SUSPECT -> suspect(new Suspect(r.incarnation(), r.name(), name));
        }
    }

    /**
     * Beats an accusation with a higher incarnation and gossips that we are alive. Accusations
     * more than {@link #MAX_INCARNATION_STEP} ahead never get here; the incarnation still
     * saturates at {@link Long#MAX_VALUE} (memberlist's uint32 would wrap to 0), so however it is
     * walked up our record stays encodable.
     */
    private void refute(long accused) {
        long highest = Math.max(self.incarnation, accused);
        long inc = highest == Long.MAX_VALUE ? highest : highest + 1;
        self.incarnation = inc;
        awareness.apply(1);
        broadcasts.add(Topic.LIVENESS, name, codec.encode(new Alive(inc, name, address)));
    }

    private static void clearSuspicion(Member m) {
        if (m.suspicion != null) {
            m.suspicion.cancel();
            m.suspicion = null;
        }
    }
}
