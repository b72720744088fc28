package io.fleetlab.simulator.run;

import io.fleetlab.core.membership.NodeEvent;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.rebalance.OwnershipChange;
import io.fleetlab.simulator.engine.Simulation;
import io.fleetlab.simulator.metrics.ConvergenceTracker;
import io.fleetlab.simulator.metrics.OwnershipLedger;
import io.fleetlab.simulator.node.NodeListener;
import io.fleetlab.simulator.node.SimNode;
import io.fleetlab.simulator.result.AgreementSample;
import io.fleetlab.simulator.result.MembershipEvent;
import io.fleetlab.simulator.result.PeerTableLog;
import io.fleetlab.simulator.result.Redistribution;
import io.fleetlab.simulator.result.ViewSample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Everything a run records while it runs; {@link ResultAssembler} turns it into a result file. */
final class RunMetrics implements NodeListener {
    /** Views are sampled for at most this many nodes, so large fleets keep result files small. */
    static final int MAX_VIEW_SAMPLED_NODES = 50;

    final Simulation simulation;
    final OwnershipLedger ledger;
    final ConvergenceTracker convergence = new ConvergenceTracker();
    final List<MembershipEvent> events = new ArrayList<>();
    final List<Redistribution> redistribution = new ArrayList<>();
    final List<AgreementSample> agreement = new ArrayList<>();
    final List<ViewSample> views = new ArrayList<>();
    final List<PeerTableLog.Entry> peerChanges = new ArrayList<>();
    final Set<String> everDown = new HashSet<>();
    final Map<String, SimNode> nodes;
    String observer;
    private Map<String, Peer> observerTable = new LinkedHashMap<>();
    long falseSuspicions;
    long falseDeaths;
    double nodeSeconds;

    RunMetrics(Simulation simulation, int targets, Map<String, SimNode> nodes) {
        this.simulation = simulation;
        this.ledger = new OwnershipLedger(targets);
        this.nodes = nodes;
    }

    double now() {
        return simulation.now() / 1e9;
    }

    void action(String kind, String node, String detail) {
        events.add(new MembershipEvent(now(), kind, node, "scenario", detail));
    }

    @Override
    public void ownershipChanged(SimNode node, OwnershipChange change) {
        ledger.apply(simulation.now(), change);
    }

    @Override
    public void membershipEvent(SimNode node, NodeEvent event) {
        String kind;
        String by = null;
        if (event instanceof NodeEvent.Joined) {
            kind = "joined";
        } else if (event instanceof NodeEvent.Suspected s) {
            kind = "suspect";
            by = s.by();
            if (isUp(event.node())) {
                falseSuspicions++;
            }
        } else if (event instanceof NodeEvent.Alive) {
            kind = "alive";
        } else if (event instanceof NodeEvent.Dead d) {
            kind = "dead";
            by = d.by();
            if (isUp(event.node())) {
                falseDeaths++;
            }
        } else if (event instanceof NodeEvent.Left) {
            kind = "left";
        } else if (event instanceof NodeEvent.StateChanged sc) {
            kind = "state";
            if (node.name().equals(observer) && !event.node().equals(observer)) {
                events.add(new MembershipEvent(now(), kind, event.node(), node.name(), sc.previous() + " -> " + sc.state()));
            }
            return;
        } else {
            return;
        }
        convergence.learned(simulation.now(), node.name(), kind, event.node());
        if (node.name().equals(observer) && !event.node().equals(observer)) {
            events.add(new MembershipEvent(now(), kind, event.node(), by == null ? node.name() : by, "seen by " + node.name()));
        }
    }

    private boolean isUp(String name) {
        SimNode n = nodes.get(name);
        return n != null && n.up();
    }

    @Override
    public void viewChanged(SimNode node, List<Peer> peers) {
        if (!node.name().equals(observer)) {
            return;
        }
        Map<String, Peer> next = new LinkedHashMap<>();
        for (Peer p : peers) {
            next.put(p.name(), p);
        }
        Map<String, Peer> before = observerTable;
        for (Peer p : peers) {
            Peer old = before.get(p.name());
            if (old == null || old.state() != p.state() || !old.address().equals(p.address())) {
                peerChanges.add(new PeerTableLog.Entry(now(), p.name(), p.address(), p.state().name().toLowerCase(),
                        p.self(), true));
            }
        }
        for (Peer old : before.values()) {
            if (!next.containsKey(old.name())) {
                peerChanges.add(new PeerTableLog.Entry(now(), old.name(), old.address(), old.state().name().toLowerCase(),
                        old.self(), false));
            }
        }
        observerTable = next;
    }

    /** Samples agreement and view sizes at the current instant. */
    void sample(double intervalSeconds) {
        OwnershipLedger.Interval window = ledger.closeInterval(simulation.now());
        int live = 0;
        int sampled = 0;
        for (SimNode n : nodes.values()) {
            if (n.up()) {
                live++;
            }
            if (sampled < MAX_VIEW_SAMPLED_NODES) {
                sampled++;
                views.add(new ViewSample(now(), n.name(), n.up() ? Math.max(n.viewSize(), 1) : 0));
            }
        }
        nodeSeconds += live * intervalSeconds;
        agreement.add(new AgreementSample(now(), live, window.unowned(), window.doubleOwned(), window.maxUnowned(),
                window.maxDoubleOwned(), window.unownedTargetSeconds(), window.doubleOwnedTargetSeconds()));
    }
}
