package io.fleetlab.simulator.metrics;

import io.fleetlab.core.peer.Peer;
import io.fleetlab.simulator.result.MembershipEvent;
import io.fleetlab.simulator.result.PeerTableLog;
import io.fleetlab.simulator.result.ViewSample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The timeline of a run as the result file tells it: actions and protocol conclusions, view sizes
 * per node, the observer's peer table, and false suspicions/deaths.
 */
public final class RunRecorder {
    private final String observer;
    private final List<MembershipEvent> events = new ArrayList<>();
    private final List<ViewSample> views = new ArrayList<>();
    private final List<PeerTableLog.Entry> table = new ArrayList<>();
    private final Map<String, Integer> lastViewSize = new HashMap<>();
    private Map<String, Peer> observerTable = new HashMap<>();
    private long falseSuspicions;
    private long falseDeaths;

    public RunRecorder(String observer) {
        this.observer = observer;
    }

    public void event(double time, String kind, String node, String by, String detail) {
        events.add(new MembershipEvent(time, kind, node, by, detail));
    }

    public void falseSuspicion() {
        falseSuspicions++;
    }

    public void falseDeath() {
        falseDeaths++;
    }

    /** A node's rebalancer heard a view: a size sample when it changed, and the observer's table. */
    public void view(double time, String node, List<Peer> peers) {
        Integer last = lastViewSize.put(node, peers.size());
        if (last == null || last != peers.size()) {
            views.add(new ViewSample(time, node, peers.size()));
        }
        if (!node.equals(observer)) {
            return;
        }
        Map<String, Peer> next = new HashMap<>();
        for (Peer p : peers) {
            next.put(p.name(), p);
            Peer before = observerTable.get(p.name());
            if (before == null || before.state() != p.state() || !before.address().equals(p.address())) {
                table.add(new PeerTableLog.Entry(time, p.name(), p.address(), p.state().name().toLowerCase(Locale.ROOT),
                        p.name().equals(observer), true));
            }
        }
        List<String> gone = new ArrayList<>();
        for (Peer p : observerTable.values()) {
            if (!next.containsKey(p.name())) {
                gone.add(p.name());
            }
        }
        gone.sort(null);
        for (String g : gone) {
            Peer p = observerTable.get(g);
            table.add(new PeerTableLog.Entry(time, p.name(), p.address(), p.state().name().toLowerCase(Locale.ROOT),
                    p.name().equals(observer), false));
        }
        observerTable = next;
    }

    /** The observer's own table is emptied when it goes down. */
    public void nodeDown(double time, String node) {
        lastViewSize.remove(node);
        if (node.equals(observer)) {
            view(time, node, List.of());
            lastViewSize.remove(node);
        }
    }

    public List<MembershipEvent> events() {
        List<MembershipEvent> sorted = new ArrayList<>(events);
        sorted.sort((a, b) -> Double.compare(a.time(), b.time())); // stable: same-time order kept
        return sorted;
    }

    public List<ViewSample> views() {
        return views;
    }

    public PeerTableLog peerTable() {
        return new PeerTableLog(observer, table);
    }

    public long falseSuspicions() {
        return falseSuspicions;
    }

    public long falseDeaths() {
        return falseDeaths;
    }
}
