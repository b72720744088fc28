package io.fleetlab.simulator.run;

import io.fleetlab.simulator.engine.Simulation;
import io.fleetlab.simulator.fleet.Fleet;
import io.fleetlab.simulator.network.NetworkConditions;
import io.fleetlab.simulator.network.SimNetwork;
import io.fleetlab.simulator.node.SimNode;
import io.fleetlab.simulator.result.ChangeKind;
import io.fleetlab.simulator.result.EventKind;
import io.fleetlab.simulator.scenario.Action;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleFunction;

/**
 * Turns a scenario's actions into events of the run: changes of the fleet and of the network. The
 * actions come resolved ({@link io.fleetlab.simulator.scenario.Defaults} filled in by the loader).
 */
final class Timeline {
    private final Simulation simulation;
    private final Fleet fleet;
    private final SimNetwork network;
    private final DoubleFunction<NetworkConditions> withLoss;

    /** @param withLoss the network's conditions with another loss probability */
    Timeline(Simulation simulation, Fleet fleet, SimNetwork network, DoubleFunction<NetworkConditions> withLoss) {
        this.simulation = simulation;
        this.fleet = fleet;
        this.network = network;
        this.withLoss = withLoss;
    }

    void schedule(List<Action> actions) {
        for (Action a : actions) {
            simulation.at(a.at().toNanos(), () -> apply(a));
        }
    }

    private void apply(Action a) {
        if (a instanceof Action.Join j) {
            long interval = j.interval().toNanos();
            for (int k = 0; k < j.count(); k++) {
                String name = fleet.nextName();
                simulation.after(k * interval, () -> fleet.start(name, ChangeKind.JOIN));
            }
        } else if (a instanceof Action.Leave l) {
            fleet.leave(l.node(), EventKind.LEAVE, () -> { });
        } else if (a instanceof Action.Crash c) {
            fleet.crash(c.node(), EventKind.CRASH);
        } else if (a instanceof Action.Restart r) {
            restart(r.node(), r.downtime().toNanos(), r.graceful());
        } else if (a instanceof Action.RollingRestart r) {
            long interval = r.interval().toNanos();
            long downtime = r.downtime().toNanos();
            boolean graceful = r.graceful();
            List<SimNode> order = fleet.upNodes();
            fleet.action(EventKind.ROLLING_RESTART, "", order.size() + " nodes, every " + interval / 1e9 + "s");
            for (int k = 0; k < order.size(); k++) {
                String name = order.get(k).name();
                simulation.after(k * interval, () -> restart(name, downtime, graceful));
            }
        } else if (a instanceof Action.ScaleTo s) {
            scaleTo(s.size(), s.interval().toNanos());
        } else if (a instanceof Action.Partition p) {
            if (p.groups() != null) {
                List<List<String>> groups = new ArrayList<>();
                Set<String> listed = new HashSet<>();
                for (List<String> g : p.groups()) {
                    groups.add(new ArrayList<>(g));
                    listed.addAll(g);
                }
                for (SimNode n : fleet.upNodes()) {
                    if (!listed.contains(n.name())) {
                        groups.get(0).add(n.name()); // unlisted nodes stay with the first group
                    }
                }
                network.partitions().split(groups);
                fleet.action(EventKind.PARTITION, "", "groups " + p.groups());
            } else {
                network.partitions().cutOneWay(p.from(), p.to());
                fleet.action(EventKind.PARTITION, "", "one-way " + p.from() + " -> " + p.to());
            }
        } else if (a instanceof Action.Heal) {
            network.partitions().heal();
            fleet.action(EventKind.HEAL, "", "");
        } else if (a instanceof Action.Pause p) {
            SimNode n = fleet.node(p.node());
            n.scheduler().pause(p.duration().toNanos());
            fleet.action(EventKind.PAUSE, p.node(), "for " + p.duration().toMillis() / 1000.0 + "s");
        } else if (a instanceof Action.SetLoss s) {
            network.setConditions(withLoss.apply(s.loss()));
            fleet.action(EventKind.SET_LOSS, "", String.valueOf(s.loss()));
        } else if (a instanceof Action.Slow s) {
            network.setSlow(s.node(), Math.round(s.extraMs() * 1e6));
            fleet.action(EventKind.SLOW, s.node(), "+" + s.extraMs() + " ms per message");
        } else if (a instanceof Action.ClockSkew c) {
            fleet.node(c.node()).scheduler().setSkew(Math.round(c.skewMs() * 1e6));
            fleet.action(EventKind.CLOCK_SKEW, c.node(), c.skewMs() + " ms");
        }
    }

    private void restart(String name, long downtime, boolean graceful) {
        SimNode node = fleet.node(name);
        Runnable comeBack = () -> simulation.after(downtime, () -> fleet.start(name, ChangeKind.RESTART));
        if (!node.up()) {
            comeBack.run();
        } else if (graceful) {
            fleet.leave(name, EventKind.RESTART, comeBack);
        } else {
            fleet.crash(name, EventKind.RESTART);
            comeBack.run();
        }
    }

    private void scaleTo(int size, long interval) {
        List<SimNode> up = new ArrayList<>();
        for (SimNode n : fleet.upNodes()) {
            if (n.status() == SimNode.Status.UP) {
                up.add(n);
            }
        }
        if (size > up.size()) {
            for (int k = 0; k < size - up.size(); k++) {
                String name = fleet.nextName();
                simulation.after(k * interval, () -> fleet.start(name, ChangeKind.JOIN));
            }
        } else {
            for (int k = 0; k < up.size() - size; k++) {
                String name = up.get(up.size() - 1 - k).name(); // the newest leave first, like a StatefulSet
                simulation.after(k * interval, () -> fleet.leave(name, EventKind.LEAVE, () -> { }));
            }
        }
    }
}
