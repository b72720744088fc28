package io.fleetlab.core.membership;

import io.fleetlab.core.membership.swim.BroadcastQueue;
import io.fleetlab.core.membership.swim.BroadcastQueue.Topic;
import io.fleetlab.core.membership.wire.Message.PeerStateUpdate;
import io.fleetlab.core.membership.wire.PacketCodec;
import io.fleetlab.core.membership.wire.SizedMessage;
import io.fleetlab.core.peer.LamportClock;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.peer.StateMessage;
import io.fleetlab.core.time.Scheduler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Alloy's peer states: the local node's Lamport-clocked announcements and, per member, the newest
 * announcement seen. Older or equally old messages are ignored; newer ones are kept and re-gossiped.
 */
final class PeerStates {
    private final String name;
    private final Scheduler scheduler;
    private final BroadcastQueue<SizedMessage> broadcasts;
    private final EventBus events;
    private final Predicate<String> inView;
    private final Consumer<String> viewChanged;
    private final LamportClock clock = new LamportClock();
    private final Map<String, StateMessage> held = new HashMap<>();
    private StateMessage own;

    /** @param inView whether a member currently counts in the peer view (so a change must be notified) */
    PeerStates(String name, Scheduler scheduler, BroadcastQueue<SizedMessage> broadcasts, EventBus events,
            Predicate<String> inView, Consumer<String> viewChanged) {
        this.name = name;
        this.scheduler = scheduler;
        this.broadcasts = broadcasts;
        this.events = events;
        this.inView = inView;
        this.viewChanged = viewChanged;
        own = new StateMessage(name, PeerState.VIEWER, clock.tick());
        held.put(name, own);
    }

    PeerState ownState() {
        return own.state();
    }

    /** The held message about {@code member}, or null. */
    StateMessage get(String member) {
        return held.get(member);
    }

    /** {@code member}'s state, {@code VIEWER} until a message arrives. */
    PeerState stateOf(String member) {
        StateMessage s = held.get(member);
        return s == null ? PeerState.VIEWER : s.state();
    }

    /** Every held message, as sent in a push-pull. */
    List<StateMessage> all() {
        return new ArrayList<>(held.values());
    }

    void forget(String member) {
        held.remove(member);
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
        if (s.nodeName().equals(name) || !s.supersedes(held.get(s.nodeName()))) {
            return;
        }
        clock.observe(s.lamportTime());
        held.put(s.nodeName(), s);
    }

    /** Keeps {@code s} only if it is newer than the message held for its node. */
    void merge(StateMessage s) {
        clock.observe(s.lamportTime());
        if (s.nodeName().equals(name)) {
            if (s.lamportTime() >= own.lamportTime() && !s.equals(own)) {
                // News of ourselves from an earlier life: restate the current state with a newer time.
                announce(own.state());
            }
            return;
        }
        StateMessage previous = held.get(s.nodeName());
        if (!s.supersedes(previous)) {
            return;
        }
        held.put(s.nodeName(), s);
        broadcasts.add(Topic.PEER_STATE, s.nodeName(), PacketCodec.sized(new PeerStateUpdate(s)));
        PeerState was = previous == null ? PeerState.VIEWER : previous.state();
        if (was != s.state()) {
            events.emit(new NodeEvent.StateChanged(s.nodeName(), was, s.state(), s.lamportTime(), scheduler.nowNanos()));
            if (inView.test(s.nodeName())) {
                viewChanged.accept(s.nodeName());
            }
        }
    }

    private void announce(PeerState state) {
        own = new StateMessage(name, state, clock.tick());
        held.put(name, own);
        broadcasts.add(Topic.PEER_STATE, name, PacketCodec.sized(new PeerStateUpdate(own)));
        viewChanged.accept(name);
    }
}
