package io.fleetlab.core.membership;

import io.fleetlab.core.membership.swim.BroadcastQueue;
import io.fleetlab.core.membership.swim.BroadcastQueue.Topic;
import io.fleetlab.core.membership.wire.IndexedEntries;
import io.fleetlab.core.membership.wire.Message.PeerStateUpdate;
import io.fleetlab.core.membership.wire.PacketCodec;
import io.fleetlab.core.membership.wire.SizedMessage;
import io.fleetlab.core.peer.LamportClock;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.peer.StateMessage;
import io.fleetlab.core.time.Scheduler;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * Alloy's peer states: the local node's Lamport-clocked announcements and, per member, the newest
 * announcement seen. Older or equally old messages are ignored; newer ones are kept and re-gossiped.
 *
 * <p>The held messages are shared values ({@link NodeRegistry}) addressed by the member's
 * registry index. A push-pull lists them in the order a {@code java.util.HashMap} keyed by name
 * gave ({@link HashOrder}), the order the simulator's published results were computed with.
 */
final class PeerStates {
    private final String name;
    private final Scheduler scheduler;
    private final BroadcastQueue<SizedMessage> broadcasts;
    private final EventBus events;
    private final IntPredicate inView;
    private final Consumer<String> viewChanged;
    private final NodeRegistry registry;
    private final LamportClock clock = new LamportClock();
    /** The held message at each registry index, or null. */
    private StateMessage[] held = new StateMessage[0];
    /** Whether {@link #all(long)} handed out {@link #held}: then it is copied before its next change. */
    private boolean heldShared;
    /** The held indices in the order push-pulls list them. */
    private final HashOrder order = new HashOrder(i -> held[i].nodeName());
    /** The summed length of the held messages' encodings as push-pull entries, kept as they change ... */
    private long heldBytes;
    /** ... and the held messages that cannot be encoded (then a full state's size is computed entry by entry). */
    private int unencodable;
    /** The registry's agreed version at which {@link #holdsAgreed} was last answered (-1: a held message changed since) ... */
    private long agreedCheckedAt = -1;
    /** ... and its answer then. */
    private boolean agreed;
    private StateMessage own;
    /** Our own registry index (held for the life of this table). */
    private final int ownIndex;

    /**
     * @param inView whether the member at a registry index currently counts in the peer view (so a
     *               change must be notified)
     */
    PeerStates(String name, Scheduler scheduler, BroadcastQueue<SizedMessage> broadcasts, EventBus events,
            IntPredicate inView, Consumer<String> viewChanged, NodeRegistry registry) {
        this.name = name;
        this.scheduler = scheduler;
        this.broadcasts = broadcasts;
        this.events = events;
        this.inView = inView;
        this.viewChanged = viewChanged;
        this.registry = registry;
        own = new StateMessage(name, PeerState.VIEWER, clock.tick());
        put(own);
        ownIndex = registry.find(name).index;
    }

    PeerState ownState() {
        return own.state();
    }

    /** The held message about {@code member}, or null. */
    StateMessage get(String member) {
        NodeRegistry.Entry e = registry.find(member);
        return e == null ? null : at(e.index);
    }

    /** The held message at registry index {@code i}, or null. */
    StateMessage at(int i) {
        return i < held.length ? held[i] : null;
    }

    /** {@code member}'s state, {@code VIEWER} until a message arrives. */
    PeerState stateOf(String member) {
        StateMessage s = get(member);
        return s == null ? PeerState.VIEWER : s.state();
    }

    /** The state of the member at registry index {@code i}, {@code VIEWER} until a message arrives. */
    PeerState stateAt(int i) {
        StateMessage s = at(i);
        return s == null ? PeerState.VIEWER : s.state();
    }

    /**
     * Every held message, as sent in a push-pull, with its registry index and the summed encoded
     * length: a view of the held messages and their order, both copied before their next change.
     */
    IndexedEntries<StateMessage> all() {
        return all(-1);
    }

    /**
     * As {@link #all()}; when {@code agreedVersion} is not -1, every held message is the registry's
     * agreed one at that version ({@link #holdsAgreed}), and the list is a view of the registry's
     * agreed messages in our order (the same entries, told to be agreed). Either way the order is
     * written out once per change of it ({@link HashOrder#snapshot}).
     */
    IndexedEntries<StateMessage> all(long agreedVersion) {
        long bytes = unencodable > 0 ? -1 : heldBytes;
        if (agreedVersion >= 0) {
            return IndexedEntries.agreed(registry.shareAgreedStates(), order.snapshot(), order.size(), registry, bytes,
                    agreedVersion);
        }
        heldShared = true;
        return IndexedEntries.view(held, order.snapshot(), order.size(), registry, bytes);
    }

    /** Copies {@link #held} if a full state still shows it: what was sent stays what it was. */
    private void ownHeld() {
        if (heldShared) {
            held = held.clone();
            heldShared = false;
        }
    }

    void forget(String member) {
        NodeRegistry.Entry e = registry.find(member);
        if (e == null || at(e.index) == null) {
            return;
        }
        order.remove(e.index, e.name);
        count(e, held[e.index], -1);
        ownHeld();
        held[e.index] = null;
        agreedCheckedAt = -1;
        broadcasts.release(Topic.PEER_STATE, e.index); // its news, if still queued, is now found by name
        registry.release(e);
    }

    /** Moves the local node to {@code next}, a legal transition (Alloy's), and gossips it. */
    void set(PeerState next) {
        PeerState current = own.state();
        if (next == current) {
            return;
        }
        if (!current.canTransitionTo(next)) {
            throw new IllegalStateException("illegal peer state transition " + current + " -> " + next);
        }
        announce(next);
        events.emit(new NodeEvent.StateChanged(name, current, next, own.lamportTime(), scheduler.nowNanos()));
    }

    /** Holds {@code s} (if newer) without news or events, as a long steady state leaves it (a warm start). */
    void assume(StateMessage s) {
        assume(s, null);
    }

    /** As {@link #assume(StateMessage)}; {@code known} is the node's registry entry if one is held, else null. */
    void assume(StateMessage s, NodeRegistry.Entry known) {
        StateMessage current = known != null ? at(known.index) : get(s.nodeName());
        if (s.nodeName().equals(name) || !s.supersedes(current)) {
            return;
        }
        clock.observe(s.lamportTime());
        if (known != null && current != null) {
            replace(known, s);
        } else if (known != null) {
            registry.hold(known);
            append(known, s);
        } else {
            put(s);
        }
    }

    /**
     * As {@link #merge(StateMessage)}, with {@code row} the message's registry index as the sender
     * listed or queued it (-1 if unknown). Holding that very message at that row (not our own)
     * proves it is not newer, and its time was observed when it was taken: nothing to do, no name
     * looked up. Otherwise the row is tried first for the name's entry ({@link NodeRegistry#find(String, int)}).
     */
    void merge(StateMessage s, int row) {
        merge(s, row, null);
    }

    /** As {@link #merge(StateMessage, int)}; {@code received} is the sized news {@code s} arrived in, or null. */
    void merge(StateMessage s, int row, SizedMessage received) {
        if (row >= 0 && row < held.length && held[row] == s && row != ownIndex) {
            return;
        }
        mergeNews(s, row, received);
    }

    /**
     * Whether every held message is its node's agreed one ({@link NodeRegistry}: the last one
     * shared) and one is held for every agreed message. Two peer-state tables that both do at one
     * registry version hold the same messages: merging either's full state into the other changes
     * nothing but the clock, which observes our own message's time ({@link #observeOwnHeld}).
     */
    boolean holdsAgreed() {
        long v = registry.agreedVersion();
        if (agreedCheckedAt != v) {
            agreed = registry.agreedStates(held, order.size());
            agreedCheckedAt = v;
        }
        return agreed;
    }

    /**
     * What merging a full state that holds exactly what we hold does: every entry but our own is
     * held as it is; our own message is observed by the clock and, being the one we hold, not restated.
     */
    void observeOwnHeld() {
        clock.observe(held[ownIndex].lamportTime());
    }

    /** Keeps {@code s} only if it is newer than the message held for its node. */
    void merge(StateMessage s) {
        mergeNews(s, -1, null);
    }

    /** {@link #merge(StateMessage)}, the name's entry looked for at {@code hint} first. */
    private void mergeNews(StateMessage s, int hint, SizedMessage received) {
        clock.observe(s.lamportTime());
        if (s.nodeName().equals(name)) {
            if (s.lamportTime() >= own.lamportTime() && !s.equals(own)) {
                // News of ourselves from an earlier life: restate the current state with a newer time.
                announce(own.state());
            }
            return;
        }
        NodeRegistry.Entry e = registry.find(s.nodeName(), hint);
        StateMessage previous = e == null ? null : at(e.index);
        if (!s.supersedes(previous)) {
            return;
        }
        if (previous != null) {
            replace(e, s);
        } else if (e != null) {
            registry.hold(e); // held by another table of the process: ours now too
            append(e, s);
        } else {
            e = registry.acquire(s.nodeName());
            append(e, s);
        }
        // the shared message (equal to s) goes out with our row: a receiver of this process holding
        // it settles the news by identity, and finds the name's entry at the row
        int i = e.index;
        SizedMessage news = received != null && received.message() instanceof PeerStateUpdate u && u.state() == held[i]
                ? PacketCodec.sized(u, i, received) : PacketCodec.sized(new PeerStateUpdate(held[i]), i);
        broadcasts.add(Topic.PEER_STATE, s.nodeName(), i, news);
        PeerState was = previous == null ? PeerState.VIEWER : previous.state();
        if (was != s.state()) {
            events.emit(new NodeEvent.StateChanged(s.nodeName(), was, s.state(), s.lamportTime(), scheduler.nowNanos()));
            if (inView.test(i)) {
                viewChanged.accept(s.nodeName());
            }
        }
    }

    private void announce(PeerState state) {
        own = new StateMessage(name, state, clock.tick());
        put(own);
        broadcasts.add(Topic.PEER_STATE, name, ownIndex, PacketCodec.sized(new PeerStateUpdate(own), ownIndex));
        viewChanged.accept(name);
    }

    /** Holds {@code s} (shared) for its node: in place when one is held, else appended to the order. */
    private void put(StateMessage s) {
        NodeRegistry.Entry e = registry.find(s.nodeName());
        if (e != null && at(e.index) != null) {
            replace(e, s);
            return;
        }
        append(registry.acquire(s.nodeName()), s);
    }

    /** Holds {@code s} (shared) in place of the message held for its node ({@code e}: its entry). */
    private void replace(NodeRegistry.Entry e, StateMessage s) {
        count(e, held[e.index], -1); // before the registry's size of it may be replaced
        ownHeld();
        held[e.index] = registry.state(e, s);
        agreedCheckedAt = -1;
        count(e, held[e.index], 1);
    }

    /** Holds {@code s} for its node, of which none is held yet ({@code e}: its entry, a hold taken for us). */
    private void append(NodeRegistry.Entry e, StateMessage s) {
        int i = e.index;
        if (i >= held.length) {
            int n = registry.columnLength(i, held.length);
            held = Arrays.copyOf(held, n);
            heldShared = false;
            order.ensure(n);
        }
        ownHeld();
        held[i] = registry.state(e, s);
        agreedCheckedAt = -1;
        count(e, held[i], 1);
        order.add(i, e.name);
    }

    /** Adds ({@code sign} 1) or removes (-1) a held message in the push-pull size it counts towards. */
    private void count(NodeRegistry.Entry e, StateMessage s, int sign) {
        int size = registry.stateSize(e, s);
        if (size < 0) {
            unencodable += sign;
        } else {
            heldBytes += sign * (long) size;
        }
    }
}
