package io.fleetlab.simulator.run;

import io.fleetlab.core.membership.NodeEvent;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.simulator.fleet.Fleet;
import io.fleetlab.simulator.fleet.FleetObserver;
import io.fleetlab.simulator.result.EventKind;
import io.fleetlab.simulator.result.MembershipEvent;
import io.fleetlab.simulator.result.PeerTableLog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's story as one node saw it: every scenario action, what the observing node's
 * membership concluded and how its peer table changed; and, over all nodes, the suspicions and
 * deaths of nodes that were in fact up.
 */
final class EventLog implements FleetObserver {
    private final Fleet fleet;
    private final String observer;
    private final List<MembershipEvent> events = new ArrayList<>();
    private final List<PeerTableLog.Entry> peerChanges = new ArrayList<>();
    private Map<String, Peer> observerTable = new LinkedHashMap<>();
    private long falseSuspicions;
    private long falseDeaths;

    /** @param observer the node whose conclusions and peer table are logged */
    EventLog(Fleet fleet, String observer) {
        this.fleet = fleet;
        this.observer = observer;
    }

    @Override
    public void action(long nanos, EventKind kind, String node, String detail) {
        events.add(new MembershipEvent(nanos / 1e9, kind, node, "scenario", detail));
    }

    @Override
    public void membershipEvent(long nanos, String node, NodeEvent event) {
        EventKind kind;
        String by = null;
        if (event instanceof NodeEvent.Joined) {
            kind = EventKind.JOINED;
        } else if (event instanceof NodeEvent.Suspected s) {
            kind = EventKind.SUSPECT;
            by = s.by();
            if (fleet.isUp(event.node())) {
                falseSuspicions++;
            }
        } else if (event instanceof NodeEvent.Alive) {
            kind = EventKind.ALIVE;
        } else if (event instanceof NodeEvent.Dead d) {
            kind = EventKind.DEAD;
            by = d.by();
            if (fleet.isUp(event.node())) {
                falseDeaths++;
            }
        } else if (event instanceof NodeEvent.Left) {
            kind = EventKind.LEFT;
        } else if (event instanceof NodeEvent.StateChanged sc) {
            if (node.equals(observer) && !event.node().equals(observer)) {
                events.add(new MembershipEvent(nanos / 1e9, EventKind.STATE, event.node(), node,
                        sc.previous() + " -> " + sc.state()));
            }
            return;
        } else {
            return;
        }
        if (node.equals(observer) && !event.node().equals(observer)) {
            events.add(new MembershipEvent(nanos / 1e9, kind, event.node(), by == null ? node : by,
                    "seen by " + node));
        }
    }

    @Override
    public void viewChanged(long nanos, String node, List<Peer> peers) {
        if (!node.equals(observer)) {
            return;
        }
        double now = nanos / 1e9;
        Map<String, Peer> next = new LinkedHashMap<>();
        for (Peer p : peers) {
            next.put(p.name(), p);
        }
        Map<String, Peer> before = observerTable;
        for (Peer p : peers) {
            Peer old = before.get(p.name());
            if (old == null || old.state() != p.state() || !old.address().equals(p.address())) {
                peerChanges.add(new PeerTableLog.Entry(now, p.name(), p.address(), p.state().name().toLowerCase(),
                        p.self(), true));
            }
        }
        for (Peer old : before.values()) {
            if (!next.containsKey(old.name())) {
                peerChanges.add(new PeerTableLog.Entry(now, old.name(), old.address(), old.state().name().toLowerCase(),
                        old.self(), false));
            }
        }
        observerTable = next;
    }

    List<MembershipEvent> events() {
        return List.copyOf(events);
    }

    PeerTableLog peerTable() {
        return new PeerTableLog(observer, List.copyOf(peerChanges));
    }

    long falseSuspicions() {
        return falseSuspicions;
    }

    long falseDeaths() {
        return falseDeaths;
    }
}
