package io.fleetlab.core.membership;

import io.fleetlab.core.membership.swim.Awareness;
import io.fleetlab.core.membership.swim.BroadcastQueue;
import io.fleetlab.core.membership.swim.BroadcastQueue.Topic;
import io.fleetlab.core.membership.swim.RandomPicks;
import io.fleetlab.core.membership.swim.Suspicion;
import io.fleetlab.core.membership.swim.SwimMath;
import io.fleetlab.core.membership.wire.IndexedEntries;
import io.fleetlab.core.membership.wire.Message.Alive;
import io.fleetlab.core.membership.wire.Message.Dead;
import io.fleetlab.core.membership.wire.Message.NodeRecord;
import io.fleetlab.core.membership.wire.Message.Suspect;
import io.fleetlab.core.membership.wire.NodeStatus;
import io.fleetlab.core.membership.wire.PacketCodec;
import io.fleetlab.core.membership.wire.SizedMessage;
import io.fleetlab.core.time.Scheduler;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.random.RandomGenerator;

/**
 * The local node's member table and memberlist's state-merging rules: alive, suspect and dead news
 * are applied only when they beat what is held (incarnation numbers), the local node refutes
 * accusations, suspects get a Lifeguard suspicion timer, and every accepted change is re-gossiped.
 *
 * <p>Rows are addressed by the {@link NodeRegistry} index of the member's name and kept in
 * columns: the member's record (name, address, incarnation, status; an immutable value shared
 * with every other table holding the same one), the time of its last status change and a row
 * generation. Per member that is 16 bytes and two shared references, instead of an object and
 * a hash-map entry (memberlist's {@code nodeState} and {@code nodeMap}).
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
    /** Picks {@link #randomAliveOthers} replays on positions; more go through a list. */
    private static final int SPARSE_PICKS = 8;
    /** Gossip picks {@link #drawGossipTargets} tells apart in locals. */
    private static final int SKIPPED_PICKS = 4;

    private final String name;
    private final String address;
    private final GossipConfig config;
    private final Scheduler scheduler;
    private final RandomGenerator random;
    private final BroadcastQueue<SizedMessage> broadcasts;
    private final Awareness awareness;
    private final EventBus events;
    private final Consumer<String> viewChanged;
    private final NodeRegistry registry;
    private final long probeIntervalNanos;
    /** The member at each registry index, null where this table has no row. */
    private NodeRecord[] records = new NodeRecord[0];
    /** Whether {@link #records(long)} handed out {@link #records}: then it is copied before its next change. */
    private boolean recordsShared;
    /** Scheduler time of each row's last status change. */
    private long[] since = new long[0];
    /** Tells a row from a later one at the same index (a member reaped and met again). */
    private int[] generations = new int[0];
    private int generation;
    private int count;
    /** Rows dead or left: while there are none, a gossip-target pick need not read any row. */
    private int goneRows;
    /** Where our own row sits in {@link #order}, kept exact as the order changes; -1 without a row. */
    private int selfPosition = -1;
    /** The summed length of the rows' encodings as push-pull entries, kept as rows change ... */
    private long rowBytes;
    /** ... and the rows that cannot be encoded (then a full state's size is computed entry by entry). */
    private int unencodableRows;
    /** The registry's agreed version at which {@link #holdsAgreed} was last answered (-1: a row changed since) ... */
    private long agreedCheckedAt = -1;
    /** ... and its answer then. */
    private boolean agreed;
    /** The running suspicion timers, by index (few at a time). */
    private final Map<Integer, Suspicion> suspicions = new HashMap<>();
    /** Members in probe order; shuffled at every wrap-around. */
    private final IndexList order = new IndexList();
    /** Reaped members, so a replay of an old life cannot bring one back. */
    private final Tombstones tombstones = new Tombstones(Tombstones.DEFAULT_MAX_ENTRIES,
            Tombstones.DEFAULT_MAX_AGE_NANOS);
    private int self = -1;
    private boolean leaving;
    private final int[] pickedPositions = new int[SPARSE_PICKS];
    private final int[] pickedMembers = new int[SPARSE_PICKS];
    private final int[] movedFrom = new int[2 * SPARSE_PICKS];
    private final int[] movedTo = new int[2 * SPARSE_PICKS];
    private int moved;
    private final IndexList scratch = new IndexList();

    MemberTable(String name, String address, GossipConfig config, Scheduler scheduler, RandomGenerator random,
            BroadcastQueue<SizedMessage> broadcasts, Awareness awareness, EventBus events, Consumer<String> viewChanged,
            NodeRegistry registry) {
        this.name = name;
        this.address = address;
        this.config = config;
        this.scheduler = scheduler;
        this.random = random;
        this.broadcasts = broadcasts;
        this.awareness = awareness;
        this.events = events;
        this.viewChanged = viewChanged;
        this.registry = registry;
        this.probeIntervalNanos = config.probeInterval().toNanos();
    }

    // ---------------------------------------------------------------- rows

    /** The row of {@code member}, or -1. */
    int indexOf(String member) {
        NodeRegistry.Entry e = registry.find(member);
        if (e == null) {
            return -1;
        }
        int i = e.index;
        return i < records.length && records[i] != null ? i : -1;
    }

    /**
     * As {@link #indexOf(String)}, trying {@code hint} first (a sender's row, -1 for none): a row
     * whose record names the very string {@code member} is that member's, without a lookup.
     */
    private int indexOf(String member, int hint) {
        if (hint >= 0 && hint < records.length) {
            NodeRecord r = records[hint];
            if (r != null && r.name() == member) {
                return hint;
            }
        }
        // a member other tables of the process hold is found by the hint too
        NodeRegistry.Entry e = registry.find(member, hint);
        if (e == null) {
            return -1;
        }
        int i = e.index;
        return i < records.length && records[i] != null ? i : -1;
    }

    /** Whether row {@code i} exists. */
    boolean has(int i) {
        return i >= 0 && i < records.length && records[i] != null;
    }

    NodeRecord record(int i) {
        return records[i];
    }

    String name(int i) {
        return records[i].name();
    }

    String address(int i) {
        return records[i].address();
    }

    long incarnation(int i) {
        return records[i].incarnation();
    }

    NodeStatus status(int i) {
        return records[i].status();
    }

    long statusSince(int i) {
        return since[i];
    }

    int generation(int i) {
        return generations[i];
    }

    /** Our own row, or -1 before {@link #addSelf}. */
    int self() {
        return self;
    }

    /** Members known, the local node and unreaped dead ones included (memberlist's estimate of N). */
    int size() {
        return count;
    }

    /** Members in probe order (do not modify). */
    IndexList order() {
        return order;
    }

    /** A new row holding {@code r} (shared when {@code share}; a row about to change need not be). */
    private int newRow(NodeRecord r, boolean share, long nowNanos) {
        return newRow(registry.acquire(r.name()), r, share, nowNanos);
    }

    /** As {@link #newRow(NodeRecord, boolean, long)}, for {@code r}'s entry, on which a hold was taken. */
    private int newRow(NodeRegistry.Entry e, NodeRecord r, boolean share, long nowNanos) {
        int i = e.index;
        if (i >= records.length) {
            int n = registry.columnLength(i, records.length);
            records = Arrays.copyOf(records, n);
            recordsShared = false;
            since = Arrays.copyOf(since, n);
            generations = Arrays.copyOf(generations, n);
        }
        ownRecords();
        records[i] = share ? registry.record(e, r) : r;
        countGone(records[i], 1);
        agreedCheckedAt = -1;
        count(e, records[i], 1);
        since[i] = nowNanos;
        generations[i] = ++generation;
        count++;
        return i;
    }

    private void dropRow(int i) {
        NodeRegistry.Entry e = registry.at(i);
        count(e, records[i], -1);
        countGone(records[i], -1);
        ownRecords();
        records[i] = null;
        agreedCheckedAt = -1;
        count--;
        broadcasts.release(Topic.LIVENESS, i); // its news, if still queued, is now found by name
        registry.release(e);
    }

    /** Copies {@link #records} if a full state still shows it: what was sent stays what it was. */
    private void ownRecords() {
        if (recordsShared) {
            records = records.clone();
            recordsShared = false;
        }
    }

    private void set(int i, String memberAddress, long incarnation, NodeStatus status) {
        NodeRegistry.Entry e = registry.at(i);
        count(e, records[i], -1); // before the registry's size of it may be replaced
        countGone(records[i], -1);
        ownRecords();
        records[i] = registry.record(e, memberAddress, incarnation, status);
        countGone(records[i], 1);
        agreedCheckedAt = -1;
        count(e, records[i], 1);
    }

    private void countGone(NodeRecord r, int sign) {
        if (r.status().gone()) {
            goneRows += sign;
        }
    }

    /**
     * Whether every row holds its member's agreed record ({@link NodeRegistry}: the last alive
     * record shared) and there is a row for every agreed record. Two tables that both do at one
     * registry version hold the same records, all alive: merging either's full state into the
     * other changes nothing (each entry is held as it is: {@link #merge(NodeRecord, int)}'s
     * first case, or, for our own row, {@link #alive}'s no-op for the incarnation and address we
     * hold). Answered from a pass over the rows once per registry version and row change.
     */
    boolean holdsAgreed() {
        long v = registry.agreedVersion();
        if (agreedCheckedAt != v) {
            agreed = registry.agreedRecords(records, count);
            agreedCheckedAt = v;
        }
        return agreed;
    }

    /** Adds ({@code sign} 1) or removes (-1) a row's record in the push-pull size it counts towards. */
    private void count(NodeRegistry.Entry e, NodeRecord r, int sign) {
        int size = registry.recordSize(e, r);
        if (size < 0) {
            unencodableRows += sign;
        } else {
            rowBytes += sign * (long) size;
        }
    }

    // ---------------------------------------------------------------- bulk

    /** Puts the local node in the table, alive at incarnation 0. */
    void addSelf() {
        alive(new Alive(0, name, address), true);
    }

    /**
     * Puts {@code member} in the table as alive without news or events, as a long steady state
     * leaves it (a warm start); a member already known is left as it is.
     */
    void assumeAlive(NodeRecord member) {
        assumeAlive(member, null);
    }

    /** As {@link #assumeAlive(NodeRecord)}; {@code known} is the member's registry entry if one is held, else null. */
    void assumeAlive(NodeRecord member, NodeRegistry.Entry known) {
        if (known != null ? has(known.index) : indexOf(member.name()) >= 0) {
            return;
        }
        NodeRecord alive = member.status() == NodeStatus.ALIVE ? member
                : new NodeRecord(member.name(), member.address(), member.incarnation(), NodeStatus.ALIVE);
        int i;
        if (known != null) {
            registry.hold(known);
            i = newRow(known, alive, true, scheduler.nowNanos());
        } else {
            i = newRow(alive, true, scheduler.nowNanos());
        }
        insertIntoOrder(i);
    }

    /** Inserts row {@code m} at a random position of {@link #order}; returns that position. */
    private int insertIntoOrder(int m) {
        int at = order.insertAtRandom(m, random);
        if (selfPosition == at) {
            selfPosition = order.size() - 1; // the entry that sat there went to the end
        }
        return at;
    }

    /** From now on news of our own death is not refuted and news of our life is ignored. */
    void markLeaving() {
        leaving = true;
    }

    /** Our own entry becomes LEFT; the caller gossips the matching dead message. */
    Dead leave() {
        long inc = incarnation(self);
        set(self, address, inc, NodeStatus.LEFT);
        since[self] = scheduler.nowNanos();
        Dead d = new Dead(inc, name, name);
        broadcasts.add(Topic.LIVENESS, name, self, PacketCodec.sized(d, self));
        return d;
    }

    /**
     * Picks up to {@code k} distinct gossip targets at random, as memberlist's kRandomNodes does
     * (state.go {@code gossip}): at most 3 x members random tries, skipping ourselves, left members,
     * members dead longer than the gossip-to-the-dead time and members picked already, so a tick
     * costs O(k) rather than a pass over the whole table. While no row is dead or left no row is
     * read: a try reads only its entry of {@link #order} (which it must, to name the target) and
     * {@code out}. Ours and repeats are told by member, as kRandomNodes does; {@link #order}
     * holds each member once.
     */
    void randomGossipTargets(int k, RandomGenerator random, IndexList out) {
        IndexList order = this.order;
        int n = order.size();
        int self = this.self;
        boolean anyGone = goneRows != 0;
        long now = anyGone ? scheduler.nowNanos() : 0;
        long window = anyGone ? config.gossipToTheDeadTime().toNanos() : 0;
        for (int tries = 0; tries < 3 * n && out.size() < k; tries++) {
            int m = order.get(random.nextInt(n));
            if (m == self || out.contains(m) || (anyGone && goneFromGossip(m, now, window))) {
                continue;
            }
            out.add(m);
        }
    }

    /**
     * Draws what {@link #randomGossipTargets} draws, for a round that sends nothing: while no row
     * is dead or left and {@code k} is at most {@value #SKIPPED_PICKS}, the tries are told by
     * their positions (ours is kept exact, and {@link #order} holds each member once), so neither
     * the order nor any row is read. Otherwise the targets are picked into {@code spare}.
     */
    void drawGossipTargets(int k, RandomGenerator random, IndexList spare) {
        if (goneRows != 0 || k > SKIPPED_PICKS) {
            randomGossipTargets(k, random, spare);
            return;
        }
        int n = order.size();
        int selfAt = selfPosition;
        int p0 = -1;
        int p1 = -1;
        int p2 = -1;
        int p3 = -1;
        int picked = 0;
        for (int tries = 0; tries < 3 * n && picked < k; tries++) {
            int p = random.nextInt(n);
            if (p == selfAt || p == p0 || p == p1 || p == p2 || p == p3) {
                continue;
            }
            switch (picked++) {
                case 0 -> p0 = p;
                case 1 -> p1 = p;
                case 2 -> p2 = p;
                default -> p3 = p;
            }
        }
    }

    /** Whether gossip skips member {@code m}: left, or dead for longer than {@code window}. */
    private boolean goneFromGossip(int m, long now, long window) {
        NodeStatus st = status(m);
        return st == NodeStatus.LEFT || (st == NodeStatus.DEAD && now - since[m] > window);
    }

    /** Adds every member other than us, alive or suspect or dead within the gossip window, to {@code out}. */
    void gossipTargets(IndexList out) {
        long now = scheduler.nowNanos();
        long window = config.gossipToTheDeadTime().toNanos();
        for (int k = 0; k < order.size(); k++) {
            int m = order.get(k);
            NodeStatus st = status(m);
            if (m == self || st == NodeStatus.LEFT || (st == NodeStatus.DEAD && now - since[m] > window)) {
                continue;
            }
            out.add(m);
        }
    }

    /** Adds every alive member other than us and {@code except} (-1 for none) to {@code out}. */
    void aliveOthers(int except, IndexList out) {
        for (int k = 0; k < order.size(); k++) {
            int m = order.get(k);
            if (m != self && m != except && status(m) == NodeStatus.ALIVE) {
                out.add(m);
            }
        }
    }

    /**
     * Appends up to {@code k} distinct alive members other than us and {@code except} (-1 for none),
     * picked at random: the ones {@link IndexList#pickToFront} would move to the front of the list
     * {@link #aliveOthers} builds, with the same draws and in the same order, found without building
     * that list (at 10,000 members it was 40 KB kept by every node). The partial shuffle is
     * replayed on positions, remembering only the few it moved.
     *
     * @return how many were appended
     */
    int randomAliveOthers(int except, int k, RandomGenerator random, IndexList out) {
        int n = 0;
        for (int q = 0; q < order.size(); q++) {
            int m = order.get(q);
            if (m != self && m != except && status(m) == NodeStatus.ALIVE) {
                n++;
            }
        }
        int picks = Math.min(k, n);
        if (picks > SPARSE_PICKS) {
            // a configuration asking for many: the list itself is as cheap
            scratch.clear();
            aliveOthers(except, scratch);
            scratch.pickToFront(picks, random);
            for (int i = 0; i < picks; i++) {
                out.add(scratch.get(i));
            }
            return picks;
        }
        moved = 0;
        for (int i = 0; i < picks; i++) {
            int j = i + random.nextInt(n - i);
            int atI = positionAt(i);
            int atJ = positionAt(j);
            move(i, atJ);
            move(j, atI);
            pickedPositions[i] = atJ;
        }
        int found = 0;
        int position = 0;
        for (int q = 0; q < order.size() && found < picks; q++) {
            int m = order.get(q);
            if (m != self && m != except && status(m) == NodeStatus.ALIVE) {
                for (int i = 0; i < picks; i++) {
                    if (pickedPositions[i] == position) {
                        pickedMembers[i] = m;
                        found++;
                    }
                }
                position++;
            }
        }
        for (int i = 0; i < picks; i++) {
            out.add(pickedMembers[i]);
        }
        return picks;
    }

    /** What the replayed shuffle holds at {@code position}: itself unless moved. */
    private int positionAt(int position) {
        for (int t = 0; t < moved; t++) {
            if (movedFrom[t] == position) {
                return movedTo[t];
            }
        }
        return position;
    }

    private void move(int position, int value) {
        for (int t = 0; t < moved; t++) {
            if (movedFrom[t] == position) {
                movedTo[t] = value;
                return;
            }
        }
        movedFrom[moved] = position;
        movedTo[moved++] = value;
    }

    /** Visits every member other than us that is alive or suspect. */
    void forEachLive(IntConsumer visitor) {
        for (int k = 0; k < order.size(); k++) {
            int m = order.get(k);
            if (m != self && !status(m).gone()) {
                visitor.accept(m);
            }
        }
    }

    /** Whether anyone else is alive or suspect. */
    boolean anyoneLive() {
        for (int k = 0; k < order.size(); k++) {
            int m = order.get(k);
            if (m != self && !status(m).gone()) {
                return true;
            }
        }
        return false;
    }

    /** Whether row {@code i} is a member other than us that is alive or suspect. */
    boolean live(int i) {
        return i != self && has(i) && !records[i].status().gone();
    }

    /**
     * The whole table, as sent in a push-pull (the shared records themselves, in probe order), with
     * each row's registry index and the entries' summed encoded length (every row is in the order):
     * a view of the rows and the order, both copied before their next change, so a node whose
     * table did not change since its last full state builds the next one without a pass.
     */
    IndexedEntries<NodeRecord> records() {
        return records(-1);
    }

    /**
     * As {@link #records()}; when {@code agreedVersion} is not -1, every row holds the registry's
     * agreed record at that version ({@link #holdsAgreed}), and the list is a view of the registry's
     * agreed records in our order (the same entries, told to be agreed).
     */
    IndexedEntries<NodeRecord> records(long agreedVersion) {
        int[] rows = order.share();
        long bytes = unencodableRows > 0 ? -1 : rowBytes;
        if (agreedVersion >= 0) {
            return IndexedEntries.agreed(registry.shareAgreedRecords(), () -> rows, order.size(), registry, bytes,
                    agreedVersion);
        }
        recordsShared = true;
        return IndexedEntries.view(records, () -> rows, order.size(), registry, bytes);
    }

    /** Whether any reaped member's tombstone is kept (none: no push-pull entry can contradict one). */
    boolean anyTombstones() {
        return tombstones.size() > 0;
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
            if (m != self && status(m).gone() && now - since[m] > keep) {
                NodeRecord gone = records[m];
                dropRow(m);
                tombstones.bury(gone, now);
                reaped.accept(gone.name());
                return true;
            }
            return false;
        });
        order.shuffle(random);
        selfPosition = -1;
        for (int q = 0; q < order.size() && self >= 0; q++) {
            if (order.get(q) == self) {
                selfPosition = q;
                break;
            }
        }
    }

    /**
     * The tombstone of a member we no longer hold, as a record to answer a push-pull with, when
     * the sender believes {@code r} (alive or suspect) at an incarnation we buried: told that it
     * is dead or left, the member itself refutes with a higher incarnation, which we accept. This
     * is how a genuine restart, or the other side of a healed partition, gets back in once a
     * replay of the same incarnation no longer can. Null if nothing needs to be said.
     */
    NodeRecord tombstoneContradicting(NodeRecord r) {
        if (r.status() != NodeStatus.ALIVE && r.status() != NodeStatus.SUSPECT || indexOf(r.name()) >= 0) {
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
        for (int k = 0; k < order.size(); k++) {
            clearSuspicion(order.get(k));
        }
    }

    // ---------------------------------------------------------------- memberlist's rules

    /** Memberlist's {@code aliveNode}. */
    void alive(Alive a, boolean bootstrap) {
        alive(a, bootstrap, -1);
    }

    /** As {@link #alive(Alive, boolean)}; {@code hint} is the sender's row of the member, or -1 ({@link #indexOf(String, int)}). */
    void alive(Alive a, boolean bootstrap, int hint) {
        alive(a, bootstrap, hint, null);
    }

    /** As {@link #alive(Alive, boolean, int)}; {@code received} is the sized message {@code a} arrived in, or null. */
    void alive(Alive a, boolean bootstrap, int hint, SizedMessage received) {
        if (leaving && !bootstrap && a.node().equals(name)) {
            return;
        }
        int m = indexOf(a.node(), hint);
        boolean isNew = m < 0;
        if (isNew && !bootstrap) {
            Tombstones.Tombstone t = tombstones.get(a.node(), scheduler.nowNanos());
            if (t != null && buriedHides(t, a.incarnation(), a.address())) {
                return;
            }
        }
        if (!isNew && tooFarAhead(a.incarnation(), incarnation(m))) {
            return;
        }
        if (isNew) {
            tombstones.remove(a.node());
            NodeRegistry.Entry e = registry.acquire(a.node(), hint);
            // a dead placeholder until the news is applied below, the registry's shared one: an
            // equal record, neither made nor measured again for each table that meets the member
            m = newRow(e, registry.record(e, a.address(), a.incarnation(), NodeStatus.DEAD), false,
                    scheduler.nowNanos());
            int at = insertIntoOrder(m);
            if (a.node().equals(name)) {
                self = m;
                selfPosition = at;
            }
        }
        boolean isSelf = m == self;
        NodeRecord held = records[m];
        boolean addressChanged = !held.address().equals(a.address());
        // memberlist state.go aliveNode (DeadNodeReclaimTime unset, as ckit leaves it): a name may
        // move to a new address only after it left; a dead or live name at a new address is refused.
        if (addressChanged && held.status() != NodeStatus.LEFT) {
            LOG.log(System.Logger.Level.WARNING, "{0}: conflicting address for {1}: {2} vs {3}",
                    name, a.node(), held.address(), a.address());
            return;
        }
        if (!isNew && !isSelf && a.incarnation() <= held.incarnation() && !addressChanged) {
            return;
        }
        if (!isNew && isSelf && a.incarnation() < held.incarnation()) {
            return;
        }
        clearSuspicion(m);
        if (isSelf && !bootstrap) {
            if (a.incarnation() != held.incarnation() || !a.address().equals(address)) {
                refute(a.incarnation());
            }
            return;
        }
        NodeStatus old = held.status();
        // memberlist state.go aliveNode: everyone's alive is re-broadcast, and so is our own at
        // bootstrap, so a joiner gossips its own alive message (memberlist's setAlive on Create).
        if (!isSelf || bootstrap) {
            broadcasts.add(Topic.LIVENESS, a.node(), m, PacketCodec.sized(a, m, received));
        }
        long now = scheduler.nowNanos();
        set(m, a.address(), a.incarnation(), NodeStatus.ALIVE);
        if (old != NodeStatus.ALIVE) {
            since[m] = now;
        }
        if (isSelf) {
            return;
        }
        if (old.gone()) {
            events.emit(new NodeEvent.Joined(name(m), address(m), incarnation(m), now));
            viewChanged.accept(name(m));
        } else if (old == NodeStatus.SUSPECT) {
            events.emit(new NodeEvent.Alive(name(m), incarnation(m), now));
        }
    }

    /** Memberlist's {@code suspectNode}: a new suspicion starts a timer, a repeated one confirms it. */
    void suspect(Suspect s) {
        suspect(s, -1);
    }

    /** As {@link #suspect(Suspect)}; {@code hint} as for {@link #alive(Alive, boolean, int)}. */
    void suspect(Suspect s, int hint) {
        int m = indexOf(s.node(), hint);
        if (m < 0 || tooFarAhead(s.incarnation(), incarnation(m))) {
            return;
        }
        Suspicion running = suspicions.get(m);
        if (running != null) {
            if (running.confirm(s.from())) {
                broadcasts.add(Topic.LIVENESS, s.node(), m, PacketCodec.sized(s, m));
            }
            return;
        }
        if (s.incarnation() < incarnation(m) || status(m) != NodeStatus.ALIVE) {
            return;
        }
        if (m == self) {
            refute(s.incarnation());
            return;
        }
        broadcasts.add(Topic.LIVENESS, s.node(), m, PacketCodec.sized(s, m));
        set(m, address(m), s.incarnation(), NodeStatus.SUSPECT);
        long changedAt = scheduler.nowNanos();
        since[m] = changedAt;
        // Aim to hit the nominal timeout two probe intervals early, given enough members to confirm.
        int n = count;
        int k = config.suspicionMult() - 2;
        if (n - 2 < k) {
            k = 0;
        }
        long min = SwimMath.suspicionTimeoutNanos(config.suspicionMult(), n, probeIntervalNanos);
        long max = config.suspicionMaxTimeoutMult() * min;
        int suspect = m;
        int row = generations[m];
        suspicions.put(m, new Suspicion(scheduler, s.from(), k, min, max, () -> {
            if (has(suspect) && generations[suspect] == row && status(suspect) == NodeStatus.SUSPECT
                    && since[suspect] == changedAt) {
                suspicions.remove(suspect);
                dead(new Dead(incarnation(suspect), name(suspect), name));
            }
        }));
        events.emit(new NodeEvent.Suspected(name(m), incarnation(m), s.from(), changedAt));
    }

    /** Memberlist's {@code deadNode}; a death announced by the node itself means it left. */
    void dead(Dead d) {
        dead(d, -1);
    }

    /** As {@link #dead(Dead)}; {@code hint} as for {@link #alive(Alive, boolean, int)}. */
    void dead(Dead d, int hint) {
        int m = indexOf(d.node(), hint);
        if (m < 0 || d.incarnation() < incarnation(m) || tooFarAhead(d.incarnation(), incarnation(m))) {
            return;
        }
        clearSuspicion(m);
        if (status(m).gone()) {
            return;
        }
        if (m == self) {
            if (!leaving) {
                refute(d.incarnation());
            }
            return;
        }
        broadcasts.add(Topic.LIVENESS, d.node(), m, PacketCodec.sized(d, m));
        set(m, address(m), d.incarnation(), d.isLeave() ? NodeStatus.LEFT : NodeStatus.DEAD);
        long now = scheduler.nowNanos();
        since[m] = now;
        if (d.isLeave()) {
            events.emit(new NodeEvent.Left(name(m), incarnation(m), now));
        } else {
            events.emit(new NodeEvent.Dead(name(m), incarnation(m), d.from(), now));
        }
        viewChanged.accept(name(m));
    }

    /**
     * As {@link #merge(NodeRecord)}, with {@code row} the entry's registry index as the sender
     * listed it (-1 if unknown). Holding that very record at that row proves the row is the
     * entry's member at the same incarnation and address: the common case of a push-pull between
     * nodes sharing a registry, settled without looking the name up.
     */
    void merge(NodeRecord r, int row) {
        if (row >= 0 && row < records.length && records[row] == r && row != self && !leaving
                && r.status() == NodeStatus.ALIVE) {
            return; // merge(r)'s first case: nothing newer than what we hold
        }
        mergeEntry(r, row);
    }

    /** Applies one entry of a remote member table (memberlist's {@code mergeState}). */
    void merge(NodeRecord r) {
        mergeEntry(r, -1);
    }

    /** {@link #merge(NodeRecord)} with {@code hint} as for {@link #alive(Alive, boolean, int)}. */
    private void mergeEntry(NodeRecord r, int hint) {
        switch (r.status()) {
            case ALIVE -> {
                // the common case of a push-pull: nothing newer than what we hold (no message built)
                int m = indexOf(r.name(), hint);
                if (m >= 0 && m != self && !leaving && records[m] != null && r.incarnation() <= incarnation(m)
                        && r.address().equals(address(m))) {
                    return;
                }
                alive(new Alive(r.incarnation(), r.name(), r.address()), false, hint);
            }
            case LEFT -> dead(new Dead(r.incarnation(), r.name(), r.name()), hint);
            // Someone else's verdict of death is only a reason to suspect: we check for ourselves.
            case DEAD, SUSPECT -> suspect(new Suspect(r.incarnation(), r.name(), name), hint);
        }
    }

    /**
     * Beats an accusation with a higher incarnation and gossips that we are alive. Accusations
     * more than {@link #MAX_INCARNATION_STEP} ahead never get here; the incarnation still
     * saturates at {@link Long#MAX_VALUE} (memberlist's uint32 would wrap to 0), so however it is
     * walked up our record stays encodable.
     */
    private void refute(long accused) {
        long highest = Math.max(incarnation(self), accused);
        long inc = highest == Long.MAX_VALUE ? highest : highest + 1;
        set(self, address(self), inc, status(self));
        awareness.apply(1);
        broadcasts.add(Topic.LIVENESS, name, self, PacketCodec.sized(new Alive(inc, name, address), self));
    }

    private void clearSuspicion(int m) {
        if (suspicions.isEmpty()) {
            return; // the usual case: no timer, and no boxed key made to find none
        }
        Suspicion s = suspicions.remove(m);
        if (s != null) {
            s.cancel();
        }
    }
}
