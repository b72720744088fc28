package io.fleetlab.simulator.run;

import io.fleetlab.simulator.engine.Simulation;
import io.fleetlab.simulator.node.SimNode;
import io.fleetlab.simulator.scenario.Action;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Turns a scenario's actions into events of the run. */
final class Timeline {
    private final ScenarioRun run;
    private final Simulation simulation;

    Timeline(ScenarioRun run) {
        this.run = run;
        this.simulation = run.simulation();
    }

    void schedule(List<Action> actions) {
        for (Action a : actions) {
            simulation.at(a.at().toNanos(), () -> apply(a));
        }
    }

    private static long nanos(Duration d, Duration fallback) {
        return (d == null ? fallback : d).toNanos();
    }

    private void apply(Action a) {
        RunMetrics m = run.metrics();
        if (a instanceof Action.Join j) {
            int count = j.count() == null ? 1 : j.count();
            long interval = nanos(j.interval(), Duration.ZERO);
            for (int k = 0; k < count; k++) {
                String name = run.nextName();
                simulation.after(k * interval, () -> run.start(name, "join"));
            }
        } else if (a instanceof Action.Leave l) {
            run.leave(l.node(), "leave", () -> { });
        } else if (a instanceof Action.Crash c) {
            run.crash(c.node(), "crash");
        } else if (a instanceof Action.Restart r) {
            restart(r.node(), nanos(r.downtime(), Duration.ZERO), r.graceful() == null || r.graceful());
        } else if (a instanceof Action.RollingRestart r) {
            long interval = nanos(r.interval(), Duration.ofSeconds(30));
            long downtime = nanos(r.downtime(), Duration.ZERO);
            boolean graceful = r.graceful() == null || r.graceful();
            List<SimNode> order = run.upNodes();
            m.action("rolling-restart", "", order.size() + " nodes, every " + interval / 1e9 + "s");
            for (int k = 0; k < order.size(); k++) {
                String name = order.get(k).name();
                simulation.after(k * interval, () -> restart(name, downtime, graceful));
            }
        } else if (a instanceof Action.ScaleTo s) {
            scaleTo(s.size(), nanos(s.interval(), Duration.ZERO));
        } else if (a instanceof Action.Partition p) {
            if (p.groups() != null) {
                List<List<String>> groups = new ArrayList<>();
                Set<String> listed = new HashSet<>();
                for (List<String> g : p.groups()) {
                    groups.add(new ArrayList<>(g));
                    listed.addAll(g);
                }
                for (SimNode n : run.upNodes()) {
                    if (!listed.contains(n.name())) {
                        groups.get(0).add(n.name()); // unlisted nodes stay with the first group
                    }
                }
                run.network().partitions().split(groups);
                m.action("partition", "", "groups " + p.groups());
            } else {
                run.network().partitions().cutOneWay(p.from(), p.to());
                m.action("partition", "", "one-way " + p.from() + " -> " + p.to());
            }
        } else if (a instanceof Action.Heal) {
            run.network().partitions().heal();
            m.action("heal", "", "");
        } else if (a instanceof Action.Pause p) {
            SimNode n = run.node(p.node());
            n.scheduler().pause(p.duration().toNanos());
            m.action("pause", p.node(), "for " + p.duration().toMillis() / 1000.0 + "s");
        } else if (a instanceof Action.SetLoss s) {
            run.network().setConditions(run.conditionsWithLoss(s.loss()));
            m.action("set-loss", "", String.valueOf(s.loss()));
        } else if (a instanceof Action.Slow s) {
            run.network().setSlow(s.node(), Math.round(s.extraMs() * 1e6));
            m.action("slow", s.node(), "+" + s.extraMs() + " ms per message");
        } else if (a instanceof Action.ClockSkew c) {
            run.node(c.node()).scheduler().setSkew(Math.round(c.skewMs() * 1e6));
            m.action("clock-skew", c.node(), c.skewMs() + " ms");
        }
    }

    private void restart(String name, long downtime, boolean graceful) {
        SimNode node = run.node(name);
        Runnable comeBack = () -> simulation.after(downtime, () -> run.start(name, "restart"));
        if (!node.up()) {
            comeBack.run();
        } else if (graceful) {
            run.leave(name, "restart", comeBack);
        } else {
            run.crash(name, "restart");
            comeBack.run();
        }
    }

    private void scaleTo(int size, long interval) {
        List<SimNode> up = new ArrayList<>();
        for (SimNode n : run.upNodes()) {
            if (n.status() == SimNode.Status.UP) {
                up.add(n);
            }
        }
        if (size > up.size()) {
            for (int k = 0; k < size - up.size(); k++) {
                String name = run.nextName();
                simulation.after(k * interval, () -> run.start(name, "join"));
            }
        } else {
            for (int k = 0; k < up.size() - size; k++) {
                String name = up.get(up.size() - 1 - k).name(); // the newest leave first, like a StatefulSet
                simulation.after(k * interval, () -> run.leave(name, "leave", () -> { }));
            }
        }
    }
}
