package io.fleetlab.simulator.run;

import io.fleetlab.simulator.engine.EventLoop;
import io.fleetlab.simulator.fault.FaultInjector;
import io.fleetlab.simulator.metrics.RunRecorder;
import io.fleetlab.simulator.node.SimNode;
import io.fleetlab.simulator.scenario.Action;
import io.fleetlab.simulator.scenario.ScenarioConfig;
import java.util.ArrayList;
import java.util.List;

/** Puts a scenario's actions on the event queue, after the warm-up, and records each as it happens. */
final class Timeline {
    private final ScenarioConfig cfg;
    private final EventLoop loop;
    private final Fleet fleet;
    private final FaultInjector faults;
    private final RunRecorder recorder;

    Timeline(ScenarioConfig cfg, EventLoop loop, Fleet fleet, FaultInjector faults, RunRecorder recorder) {
        this.cfg = cfg;
        this.loop = loop;
        this.fleet = fleet;
        this.faults = faults;
        this.recorder = recorder;
    }

    void schedule() {
        for (Action a : cfg.timeline()) {
            loop.at(cfg.warmupNanos() + a.at().nanos(), () -> apply(a));
        }
    }

    private void note(String kind, String node, String detail) {
        recorder.event(fleet.time(), kind, node, "", detail);
    }

    private void join(String name, String kind) {
        note(kind, name, "");
        fleet.start(name, fleet.seedsFor(name), kind);
    }

    private void leave(String name) {
        note("leave", name, "graceful");
        fleet.leave(name);
    }

    private void apply(Action action) {
        if (action instanceof Action.Join j) {
            if (j.node() != null) {
                join(j.node(), "join");
            } else {
                for (int i = 0; i < (j.count() == null ? 1 : j.count()); i++) {
                    join(fleet.nextName(), "join");
                }
            }
        } else if (action instanceof Action.Leave l) {
            if (l.node() != null) {
                leave(l.node());
            } else {
                List<SimNode> up = running();
                int count = l.count() == null ? 1 : l.count();
                for (int i = 0; i < count && !up.isEmpty(); i++) {
                    leave(up.remove(up.size() - 1).name());
                }
            }
        } else if (action instanceof Action.Crash c) {
            note("crash", c.node(), "");
            fleet.crash(c.node());
        } else if (action instanceof Action.Restart r) {
            SimNode n = fleet.node(r.node());
            if (n != null && n.up()) {
                note("crash", r.node(), "restart: stopped");
                fleet.crash(r.node());
            }
            long downtime = r.downtime() == null ? 0 : r.downtime().nanos();
            loop.after(downtime, () -> join(r.node(), "restart"));
        } else if (action instanceof Action.RollingRestart rr) {
            long downtime = rr.downtime() == null ? 0 : rr.downtime().nanos();
            List<SimNode> up = running();
            up.sort((a, b) -> a.name().compareTo(b.name()));
            for (int i = 0; i < up.size(); i++) {
                String name = up.get(i).name();
                long at = i * rr.interval().nanos();
                loop.after(at, () -> leave(name));
                loop.after(at + downtime, () -> join(name, "restart"));
            }
        } else if (action instanceof Action.ScaleTo st) {
            long interval = st.interval() == null ? 0 : st.interval().nanos();
            List<SimNode> up = running();
            int diff = st.size() - up.size();
            for (int i = 0; i < Math.abs(diff); i++) {
                if (diff > 0) {
                    loop.after(i * interval, () -> join(fleet.nextName(), "join"));
                } else {
                    String name = up.get(up.size() - 1 - i).name();
                    loop.after(i * interval, () -> leave(name));
                }
            }
        } else if (action instanceof Action.Partition p) {
            List<List<String>> sides = new ArrayList<>();
            for (List<String> side : p.sides()) {
                List<String> addrs = new ArrayList<>();
                for (String n : side) {
                    addrs.add(Fleet.addressOf(n));
                }
                sides.add(addrs);
            }
            boolean oneWay = Boolean.TRUE.equals(p.oneWay());
            note("partition", "", (oneWay ? "one-way " : "") + p.sides());
            faults.partition(sides, oneWay);
        } else if (action instanceof Action.Heal) {
            note("heal", "", "");
            faults.heal();
        } else if (action instanceof Action.Pause p) {
            SimNode n = fleet.node(p.node());
            if (n != null && n.up()) {
                note("pause", p.node(), "for " + p.duration());
                faults.pause(n, p.duration().nanos(), () -> note("resume", p.node(), ""));
            }
        } else if (action instanceof Action.Slow s) {
            SimNode n = fleet.node(s.node());
            if (n != null && n.up()) {
                note("slow", s.node(), "+" + s.delay() + " per task for " + s.duration());
                faults.slow(n, s.delay().nanos(), s.duration().nanos());
            }
        } else if (action instanceof Action.Skew s) {
            SimNode n = fleet.node(s.node());
            if (n != null && n.up()) {
                note("skew", s.node(), "clock offset " + s.offset());
                faults.skew(n, s.offset().nanos());
            }
        } else if (action instanceof Action.SetLoss s) {
            note("set-loss", "", "loss " + s.loss());
            faults.setLoss(s.loss());
        }
    }

    private List<SimNode> running() {
        List<SimNode> out = new ArrayList<>();
        for (SimNode n : fleet.upNodes()) {
            if (n.status() == SimNode.Status.RUNNING) {
                out.add(n);
            }
        }
        return out;
    }
}
