package io.fleetlab.simulator.run;

import io.fleetlab.core.membership.Membership;
import io.fleetlab.core.membership.NodeEvent;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.simulator.engine.EventLoop;
import io.fleetlab.simulator.engine.RunRandom;
import io.fleetlab.simulator.engine.SimScheduler;
import io.fleetlab.simulator.metrics.ConvergenceTracker;
import io.fleetlab.simulator.metrics.EpidemicModel;
import io.fleetlab.simulator.metrics.OwnershipLedger;
import io.fleetlab.simulator.metrics.RunRecorder;
import io.fleetlab.simulator.network.SimNetwork;
import io.fleetlab.simulator.network.SimTransport;
import io.fleetlab.simulator.node.NodeRegistry;
import io.fleetlab.simulator.node.OwnershipCache;
import io.fleetlab.simulator.node.SimNode;
import io.fleetlab.simulator.result.NodeInfo;
import io.fleetlab.simulator.result.Redistribution;
import io.fleetlab.simulator.scenario.ScenarioConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The nodes of a run and their lives: start (join), graceful leave, crash, restart. In gossip mode
 * each node runs the core's {@link Membership} and its rebalancer follows the coalesced peer-set
 * notifications; in oracle mode every up node gets the ideal view at the instant it changes.
 * Either way the ideal fleet (who should be a member) is tracked to measure redistribution.
 */
final class Fleet {
    static final int PORT = 7946;

    private final ScenarioConfig cfg;
    private final EventLoop loop;
    private final SimNetwork network;
    private final RunRandom random;
    private final NodeRegistry registry;
    private final OwnershipCache cache;
    private final OwnershipLedger ledger;
    private final RunRecorder recorder;
    private final ConvergenceTracker convergence;
    private final RedistributionMeter redistribution;
    private final Map<String, SimNode> nodes = new LinkedHashMap<>();
    private final List<NodeInfo> everNodes = new ArrayList<>();
    private final TreeSet<String> ideal = new TreeSet<>();
    private final List<String> startOrder = new ArrayList<>();
    private final Map<String, List<Peer>> pendingViews = new LinkedHashMap<>();
    private final java.util.Set<SimNode> joined = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private int nextIndex;
    private boolean measuring;
    private int upCount;
    private long upSince;
    private double upNodeNanos;

    Fleet(ScenarioConfig cfg, EventLoop loop, SimNetwork network, RunRandom random, NodeRegistry registry,
            OwnershipCache cache, OwnershipLedger ledger, RunRecorder recorder, ConvergenceTracker convergence,
            RedistributionMeter redistribution) {
        this.cfg = cfg;
        this.loop = loop;
        this.network = network;
        this.random = random;
        this.registry = registry;
        this.cache = cache;
        this.ledger = ledger;
        this.recorder = recorder;
        this.convergence = convergence;
        this.redistribution = redistribution;
        this.nextIndex = cfg.fleetSize();
    }

    double time() {
        return (loop.now() - cfg.warmupNanos()) / 1e9;
    }

    /** The initial fleet is the ideal fleet from the start, without measuring N one-node joins. */
    void seedIdeal(List<String> names) {
        ideal.addAll(names);
        redistribution.change(idealView(), names.get(0), "join", 0);
    }

    /** End of warm-up: nodes take their latest view and measuring starts. */
    void startMeasuring() {
        for (SimNode n : upNodes()) {
            List<Peer> view = cfg.gossip() ? pendingViews.get(n.name()) : idealView();
            if (view != null) {
                recorder.view(time(), n.name(), view);
                n.applyView(view, loop.now());
            }
        }
        pendingViews.clear();
        measuring = true;
        upSince = loop.now();
        upNodeNanos = 0;
    }

    double upNodeSeconds() {
        accountUp();
        return upNodeNanos / 1e9;
    }

    private void accountUp() {
        long now = loop.now();
        if (measuring) {
            upNodeNanos += (double) upCount * (now - upSince);
        }
        upSince = now;
    }

    Map<String, SimNode> nodes() {
        return nodes;
    }

    List<NodeInfo> everNodes() {
        return everNodes;
    }

    SimNode node(String name) {
        return nodes.get(name);
    }

    /** Up nodes (running or leaving, paused or not) in start order. */
    List<SimNode> upNodes() {
        List<SimNode> out = new ArrayList<>();
        for (String n : startOrder) {
            SimNode s = nodes.get(n);
            if (s != null && s.up()) {
                out.add(s);
            }
        }
        return out;
    }

    String nextName() {
        String n;
        do {
            n = cfg.nodeName(nextIndex++);
        } while (nodes.containsKey(n));
        return n;
    }

    static String addressOf(String name) {
        return name + ":" + PORT;
    }

    /** Starts a (new life of a) node now; {@code seeds} are addresses to join through. */
    void start(String name, List<String> seeds, String kind) {
        SimNode old = nodes.get(name);
        if (old != null && old.up()) {
            stopNode(old, SimNode.Status.CRASHED);
        }
        int id = registry.idOf(name);
        if (old == null && !startOrder.contains(name)) {
            everNodes.add(new NodeInfo(name, addressOf(name)));
        }
        startOrder.remove(name);
        startOrder.add(name);
        SimScheduler scheduler = new SimScheduler(loop);
        SimNode node = new SimNode(name, id, addressOf(name), scheduler, cache, ledger, loop.now());
        nodes.put(name, node);
        accountUp();
        upCount++;
        List<String> observers = observersExcept(name);
        if (cfg.gossip()) {
            SimTransport transport = network.attach(addressOf(name), scheduler);
            Membership m = new Membership(name, cfg.gossipConfig(), scheduler, transport, random.splitGenerator());
            node.setMembership(m);
            m.addEventListener(e -> onNodeEvent(node, e));
            m.addPeerSetListener(peers -> {
                if (nodes.get(name) == node && node.up()) {
                    if (peers.size() > 1) {
                        joined.add(node);
                    }
                    if (!joined.contains(node)) {
                        return; // like Alloy, components hear the cluster only once the join went through
                    }
                    if (!measuring) {
                        // while the fleet forms, only the latest view matters: computed at the end of warm-up
                        pendingViews.put(name, peers);
                        return;
                    }
                    recorder.view(time(), name, peers);
                    node.applyView(peers, loop.now());
                }
            });
            scheduler.execute(0, () -> {
                m.join(seeds);
                m.setState(PeerState.PARTICIPANT);
            });
            // no seed answered within the join timeout: the node runs as a cluster of one
            scheduler.execute(cfg.gossipConfig().joinTimeout().toNanos(), () -> {
                if (nodes.get(name) == node && node.up() && joined.add(node)) {
                    List<Peer> peers = m.peers();
                    if (!measuring) {
                        pendingViews.put(name, peers);
                    } else {
                        recorder.view(time(), name, peers);
                        node.applyView(peers, loop.now());
                    }
                }
            });
            if (measuring) {
                convergence.begin(time(), loop.now(), kind, name, ConvergenceTracker.Signal.JOINED, observers,
                        model(observers.size() + 1));
            }
        } else {
            network.attach(addressOf(name), scheduler);
            if (measuring) {
                convergence.instant(time(), kind, name, observers.size(), model(observers.size() + 1));
            }
        }
        idealChange(name, true, kind);
    }

    /** Graceful leave: terminating, then left, then gone. */
    void leave(String name) {
        SimNode node = nodes.get(name);
        if (node == null || !node.up()) {
            return;
        }
        List<String> observers = observersExcept(name);
        if (cfg.gossip()) {
            node.markLeaving();
            if (measuring) {
                convergence.begin(time(), loop.now(), "leave", name, ConvergenceTracker.Signal.LEFT, observers,
                        model(observers.size() + 1));
            }
            node.scheduler().execute(0, () -> node.membership().leave(() -> {
                if (nodes.get(name) == node && node.up()) {
                    stopNode(node, SimNode.Status.LEFT);
                }
            }));
        } else {
            if (measuring) {
                convergence.instant(time(), "leave", name, observers.size(), model(observers.size() + 1));
            }
            stopNode(node, SimNode.Status.LEFT);
        }
        idealChange(name, false, "leave");
    }

    /** Stops at once, telling nobody. */
    void crash(String name) {
        SimNode node = nodes.get(name);
        if (node == null || !node.up()) {
            return;
        }
        List<String> observers = observersExcept(name);
        if (measuring) {
            if (cfg.gossip()) {
                convergence.begin(time(), loop.now(), "crash", name, ConvergenceTracker.Signal.DEAD, observers,
                        model(observers.size() + 1));
            } else {
                convergence.instant(time(), "crash", name, observers.size(), model(observers.size() + 1));
            }
        }
        stopNode(node, SimNode.Status.CRASHED);
        idealChange(name, false, "crash");
    }

    private void stopNode(SimNode node, SimNode.Status how) {
        if (node.membership() != null && how == SimNode.Status.CRASHED) {
            node.membership().shutdown();
        }
        accountUp();
        upCount--;
        node.stop(how, loop.now());
        if (measuring) {
            recorder.nodeDown(time(), node.name());
        }
        convergence.observerGone(node.name());
    }

    private List<String> observersExcept(String name) {
        List<String> out = new ArrayList<>();
        for (SimNode n : upNodes()) {
            if (!n.name().equals(name) && n.status() == SimNode.Status.RUNNING) {
                out.add(n.name());
            }
        }
        return out;
    }

    private double model(int n) {
        return EpidemicModel.p90Seconds(n, cfg.gossipConfig().gossipNodes(), network.conditions().loss(),
                cfg.gossipConfig().gossipInterval().toNanos() / 1e9);
    }

    /** The ideal membership changed: measure redistribution, and in oracle mode tell every node. */
    private void idealChange(String name, boolean joined, String kind) {
        boolean changed = joined ? ideal.add(name) : ideal.remove(name);
        if (!changed) {
            return;
        }
        List<Peer> view = idealView();
        Redistribution r = redistribution.change(view, name, joined ? "join" : kind.equals("crash") ? "crash" : "leave",
                time());
        if (measuring && r != null) {
            redistribution.record(r);
        }
        if (!cfg.gossip() && measuring) {
            for (SimNode n : upNodes()) {
                if (measuring) {
                    recorder.view(time(), n.name(), view);
                }
                n.applyView(view, loop.now());
            }
        }
    }

    private List<Peer> idealView() {
        List<Peer> view = new ArrayList<>(ideal.size());
        for (String n : ideal) {
            view.add(new Peer(n, addressOf(n), PeerState.PARTICIPANT, false));
        }
        return view;
    }

    /** Seeds a joining node contacts: up to three up nodes, oldest first (like a static join list). */
    List<String> seedsFor(String name) {
        List<String> seeds = new ArrayList<>();
        for (SimNode n : upNodes()) {
            if (!n.name().equals(name) && n.status() == SimNode.Status.RUNNING) {
                seeds.add(n.address());
                if (seeds.size() == 3) {
                    break;
                }
            }
        }
        return seeds;
    }

    private void onNodeEvent(SimNode observer, NodeEvent e) {
        if (nodes.get(observer.name()) != observer) {
            return;
        }
        long now = loop.now();
        SimNode subject = nodes.get(e.node());
        boolean subjectUp = subject != null && subject.up();
        if (e instanceof NodeEvent.Joined) {
            convergence.heard(observer.name(), ConvergenceTracker.Signal.JOINED, e.node(), now);
        } else if (e instanceof NodeEvent.Left) {
            convergence.heard(observer.name(), ConvergenceTracker.Signal.LEFT, e.node(), now);
        } else if (e instanceof NodeEvent.Dead d) {
            convergence.heard(observer.name(), ConvergenceTracker.Signal.DEAD, e.node(), now);
            if (measuring) {
                recorder.event(time(), "dead", e.node(), observer.name(), subjectUp ? "false: node was up" : "");
                if (subjectUp && subject.status() == SimNode.Status.RUNNING) {
                    recorder.falseDeath();
                }
            }
        } else if (e instanceof NodeEvent.Suspected s) {
            if (measuring) {
                recorder.event(time(), "suspect", e.node(), observer.name(), "raised by " + s.by());
                if (subjectUp) {
                    recorder.falseSuspicion();
                }
            }
        } else if (e instanceof NodeEvent.Alive) {
            if (measuring) {
                recorder.event(time(), "alive", e.node(), observer.name(), "suspicion refuted");
            }
        }
    }
}
