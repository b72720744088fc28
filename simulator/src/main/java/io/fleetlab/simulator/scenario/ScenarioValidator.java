package io.fleetlab.simulator.scenario;

import io.fleetlab.core.cluster.Component;
import io.fleetlab.core.ring.Sharders;
import io.fleetlab.simulator.network.LatencyModel;
import io.fleetlab.simulator.network.TransportKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a parsed scenario and fills in defaults. Walks the timeline in order, tracking which
 * nodes exist, so that an action naming a node that is not there (never was, already left, or is
 * down) is caught before the run starts.
 */
final class ScenarioValidator {
    /** One mistake, by field path. */
    record Problem(String path, String message) {}

    static final List<String> SHAPES = List.of("kubernetes-pods", "node-exporters", "strings");
    static final List<String> PRESETS = List.of("alloy", "lan", "wan");
    static final List<String> MEMBERSHIP = List.of("gossip", "oracle");
    static final List<String> STARTS = List.of("cold", "converged");
    static final List<String> TARGET_FORMATS = List.of("auto", "json", "prometheus", "text");

    private final List<Problem> problems;

    private ScenarioValidator(List<Problem> problems) {
        this.problems = problems;
    }

    static Scenario check(Scenario s, String defaultName, List<Problem> problems) {
        return new ScenarioValidator(problems).resolve(s, defaultName);
    }

    private void problem(String path, String message) {
        problems.add(new Problem(path, message));
    }

    private Duration positive(String path, Duration d, Duration fallback) {
        if (d == null) {
            if (fallback == null) {
                problem(path, "missing; expected a duration such as \"10m\"");
            }
            return fallback;
        }
        if (d.isNegative() || d.isZero()) {
            problem(path, "must be positive, got " + Durations.format(d));
        }
        return d;
    }

    private Duration nonNegative(String path, Duration d, Duration fallback) {
        if (d == null) {
            return fallback;
        }
        if (d.isNegative()) {
            problem(path, "must not be negative, got " + Durations.format(d));
        }
        return d;
    }

    private double probability(String path, Double p, double fallback) {
        if (p == null) {
            return fallback;
        }
        if (!(p >= 0 && p < 1)) {
            problem(path, "must be a probability in [0, 1), got " + p);
        }
        return p;
    }

    private String oneOf(String path, String value, List<String> allowed, String fallback) {
        if (value == null) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            problem(path, "unknown value '" + value + "'; expected one of " + String.join(", ", allowed));
        }
        return value;
    }

    private Scenario resolve(Scenario s, String defaultName) {
        if (s.version() == null) {
            problem("version", "missing; expected " + Scenario.VERSION);
        } else if (s.version() != Scenario.VERSION) {
            problem("version", "unsupported version " + s.version() + "; this build reads version " + Scenario.VERSION);
        }
        String name = s.name() == null || s.name().isBlank() ? defaultName : s.name();
        Duration duration = positive("duration", s.duration(), null);
        Duration sample = positive("sampleInterval", s.sampleInterval(), Duration.ofSeconds(1));
        Scenario.Fleet fleet = fleet(s.fleet());
        Scenario.Targets targets = targets(s.targets());
        Scenario.Hashing hashing = hashing(s.hashing());
        Scenario.Network network = network(s.network(), fleet);
        List<Action> timeline = s.timeline() == null ? List.of() : s.timeline();
        if (duration != null && fleet != null) {
            timeline(timeline, duration, fleet);
        }
        return new Scenario(Scenario.VERSION, name, s.description() == null ? "" : s.description(),
                s.seed() == null ? 1L : s.seed(), duration, sample, fleet, targets, hashing, network, timeline);
    }

    private Scenario.Fleet fleet(Scenario.Fleet f) {
        if (f == null) {
            problem("fleet", "missing; expected an object with at least \"size\"");
            return null;
        }
        int size = 0;
        if (f.size() == null) {
            problem("fleet.size", "missing; expected the number of nodes at the start");
        } else if (f.size() < 1) {
            problem("fleet.size", "must be at least 1, got " + f.size());
        } else {
            size = f.size();
        }
        String pattern = f.namePattern() == null ? "alloy-%d" : f.namePattern();
        if (pattern.indexOf("%d") < 0 || pattern.indexOf("%d") != pattern.lastIndexOf("%d") || pattern.replace("%d", "").contains("%")) {
            problem("fleet.namePattern", "must contain %d exactly once and no other %, got '" + pattern + "'");
        }
        String membership = oneOf("fleet.membership", f.membership(), MEMBERSHIP, "gossip");
        int minSize = f.minClusterSize() == null ? 0 : f.minClusterSize();
        if (minSize < 0) {
            problem("fleet.minClusterSize", "must not be negative, got " + minSize);
        }
        Duration spread = nonNegative("fleet.joinSpread", f.joinSpread(), Duration.ofSeconds(2));
        String start = oneOf("fleet.start", f.start(), STARTS, "cold");
        Scenario.Gossip g = f.gossip() == null ? new Scenario.Gossip(null, null, null, null, null, null, null, null, null, null) : f.gossip();
        String preset = oneOf("fleet.gossip.preset", g.preset(), PRESETS, "alloy");
        positiveIfSet("fleet.gossip.probeInterval", g.probeInterval());
        positiveIfSet("fleet.gossip.probeTimeout", g.probeTimeout());
        positiveIfSet("fleet.gossip.gossipInterval", g.gossipInterval());
        nonNegative("fleet.gossip.pushPullInterval", g.pushPullInterval(), null);
        nonNegative("fleet.gossip.notifyInterval", g.notifyInterval(), null);
        atLeast("fleet.gossip.gossipNodes", g.gossipNodes(), 1);
        atLeast("fleet.gossip.indirectChecks", g.indirectChecks(), 0);
        atLeast("fleet.gossip.suspicionMult", g.suspicionMult(), 1);
        atLeast("fleet.gossip.retransmitMult", g.retransmitMult(), 1);
        Scenario.Gossip gossip = new Scenario.Gossip(preset, g.probeInterval(), g.probeTimeout(), g.gossipInterval(),
                g.gossipNodes(), g.indirectChecks(), g.suspicionMult(), g.retransmitMult(), g.pushPullInterval(), g.notifyInterval());
        Duration sizeTimeout = nonNegative("fleet.minClusterSizeTimeout", f.minClusterSizeTimeout(), Duration.ZERO);
        Duration reload = nonNegative("fleet.scrapeReloadInterval", f.scrapeReloadInterval(),
                Component.PROMETHEUS_RELOAD_INTERVAL);
        return new Scenario.Fleet(size, pattern, membership, gossip, minSize, spread, sizeTimeout, reload, start);
    }

    private void positiveIfSet(String path, Duration d) {
        if (d != null) {
            positive(path, d, d);
        }
    }

    private void atLeast(String path, Integer v, int min) {
        if (v != null && v < min) {
            problem(path, "must be at least " + min + ", got " + v);
        }
    }

    private Scenario.Targets targets(Scenario.Targets t) {
        Scenario.Targets given = t == null ? new Scenario.Targets(null, null) : t;
        if (given.file() != null) {
            if (given.file().isBlank()) {
                problem("targets.file", "must name a file");
            }
            if (given.shape() != null) {
                problem("targets.shape", "give a shape or a file, not both");
            }
            if (given.count() != null) {
                problem("targets.count", "the file decides how many targets there are; leave count out");
            }
            return new Scenario.Targets(null, null, given.file(), oneOf("targets.format", given.format(), TARGET_FORMATS, "auto"));
        }
        if (given.format() != null) {
            problem("targets.format", "applies to targets.file only");
        }
        int count = given.count() == null ? 10_000 : given.count();
        if (count < 0) {
            problem("targets.count", "must not be negative, got " + count);
        }
        return new Scenario.Targets(count, oneOf("targets.shape", given.shape(), SHAPES, "kubernetes-pods"));
    }

    private Scenario.Hashing hashing(Scenario.Hashing h) {
        Scenario.Hashing given = h == null ? new Scenario.Hashing(null, null, null) : h;
        String algorithm = oneOf("hashing.algorithm", given.algorithm(), Sharders.algorithms(), "alloy-ring");
        int tokens = given.tokensPerNode() == null ? 512 : given.tokensPerNode();
        if (tokens < 1) {
            problem("hashing.tokensPerNode", "must be at least 1, got " + tokens);
        }
        List<String> compare = given.compare() == null ? List.of() : given.compare();
        for (int i = 0; i < compare.size(); i++) {
            oneOf("hashing.compare[" + i + "]", compare.get(i), Sharders.algorithms(), null);
        }
        return new Scenario.Hashing(algorithm, tokens, compare);
    }

    private Scenario.Network network(Scenario.Network n, Scenario.Fleet fleet) {
        Scenario.Network given = n == null ? new Scenario.Network(null, null, null, null, null, null) : n;
        boolean alloy = fleet == null || fleet.gossip() == null || "alloy".equals(fleet.gossip().preset());
        String transport = oneOf("network.transport", given.transport(), TransportKind.NAMES,
                alloy ? TransportKind.CKIT_HTTP2.id() : TransportKind.MEMBERLIST_UDP.id());
        // ckit sets memberlist's TCPTimeout to 2 s (NewNode); memberlist's LAN and WAN defaults are 10 s and 30 s.
        Duration defaultStreamTimeout = alloy ? Duration.ofSeconds(2)
                : "wan".equals(fleet.gossip().preset()) ? Duration.ofSeconds(30) : Duration.ofSeconds(10);
        Scenario.Latency l = given.latency() == null ? new Scenario.Latency(null, null, null, null, null) : given.latency();
        String dist = oneOf("network.latency.distribution", l.distribution(), LatencyModel.KINDS, "log-normal");
        double mean = l.meanMs() == null ? 2.0 : l.meanMs();
        if (!(mean > 0)) {
            problem("network.latency.meanMs", "must be positive, got " + mean);
        }
        double spread = l.spreadMs() == null ? mean / 4 : l.spreadMs();
        if (spread < 0 || (dist.equals("uniform") && spread > mean)) {
            problem("network.latency.spreadMs", "must be in [0, meanMs] , got " + spread);
        }
        double sigma = l.sigma() == null ? 0.5 : l.sigma();
        if (!(sigma > 0)) {
            problem("network.latency.sigma", "must be positive, got " + sigma);
        }
        double min = l.minMs() == null ? 0.05 : l.minMs();
        if (min < 0) {
            problem("network.latency.minMs", "must not be negative, got " + min);
        }
        return new Scenario.Network(new Scenario.Latency(dist, mean, spread, sigma, min),
                probability("network.loss", given.loss(), 0), probability("network.duplication", given.duplication(), 0),
                probability("network.reorder", given.reorder(), 0),
                positive("network.streamTimeout", given.streamTimeout(), defaultStreamTimeout), transport);
    }

    private void timeline(List<Action> timeline, Duration duration, Scenario.Fleet fleet) {
        Set<String> up = new LinkedHashSet<>();
        Set<String> down = new TreeSet<>();
        int nextOrdinal = fleet.size();
        for (int i = 0; i < fleet.size(); i++) {
            up.add(String.format(fleet.namePattern(), i));
        }
        Duration previous = Duration.ZERO;
        for (int i = 0; i < timeline.size(); i++) {
            Action a = timeline.get(i);
            String p = "timeline[" + i + "]";
            if (a == null) {
                problem(p, "expected an action object");
                continue;
            }
            if (a.at() == null) {
                problem(p + ".at", "missing; expected when the action happens, e.g. \"30s\"");
                continue;
            }
            if (a.at().isNegative()) {
                problem(p + ".at", "must not be negative, got " + Durations.format(a.at()));
                continue;
            }
            if (a.at().compareTo(duration) > 0) {
                problem(p + ".at", "is after the end of the run (" + Durations.format(duration) + ")");
            }
            if (a.at().compareTo(previous) < 0) {
                problem(p + ".at", "action out of order: " + Durations.format(a.at()) + " comes after an action at "
                        + Durations.format(previous) + "; list actions in time order");
            }
            previous = a.at();
            if (a instanceof Action.Join j) {
                int count = j.count() == null ? 1 : j.count();
                if (count < 1) {
                    problem(p + ".count", "must be at least 1, got " + count);
                }
                nonNegative(p + ".interval", j.interval(), null);
                for (int k = 0; k < count; k++) {
                    up.add(String.format(fleet.namePattern(), nextOrdinal++));
                }
            } else if (a instanceof Action.Leave l) {
                requireUp(p + ".node", l.node(), up, down, true);
            } else if (a instanceof Action.Crash c) {
                if (requireUp(p + ".node", c.node(), up, down, false)) {
                    up.remove(c.node());
                    down.add(c.node());
                }
            } else if (a instanceof Action.Restart r) {
                nonNegative(p + ".downtime", r.downtime(), null);
                if (r.node() == null) {
                    problem(p + ".node", "missing; expected a node name");
                } else if (down.remove(r.node())) {
                    up.add(r.node());
                } else if (!up.contains(r.node())) {
                    problem(p + ".node", unknown(r.node(), up));
                }
            } else if (a instanceof Action.RollingRestart r) {
                positive(p + ".interval", r.interval(), Duration.ofSeconds(30));
                nonNegative(p + ".downtime", r.downtime(), null);
            } else if (a instanceof Action.ScaleTo st) {
                if (st.size() == null || st.size() < 1) {
                    problem(p + ".size", st.size() == null ? "missing; expected the target fleet size" : "must be at least 1, got " + st.size());
                } else {
                    while (up.size() < st.size()) {
                        up.add(String.format(fleet.namePattern(), nextOrdinal++));
                    }
                    List<String> order = new ArrayList<>(up);
                    for (int k = order.size() - 1; k >= 0 && up.size() > st.size(); k--) {
                        up.remove(order.get(k));
                    }
                }
                nonNegative(p + ".interval", st.interval(), null);
            } else if (a instanceof Action.Partition pa) {
                partition(p, pa, up, down);
            } else if (a instanceof Action.Pause pause) {
                requireUp(p + ".node", pause.node(), up, down, false);
                positive(p + ".duration", pause.duration(), null);
            } else if (a instanceof Action.SetLoss sl) {
                if (sl.loss() == null) {
                    problem(p + ".loss", "missing; expected a probability in [0, 1)");
                } else {
                    probability(p + ".loss", sl.loss(), 0);
                }
            } else if (a instanceof Action.Slow sl) {
                requireUp(p + ".node", sl.node(), up, down, false);
                if (sl.extraMs() == null || sl.extraMs() < 0) {
                    problem(p + ".extraMs", "expected a non-negative number of milliseconds");
                }
            } else if (a instanceof Action.ClockSkew cs) {
                requireUp(p + ".node", cs.node(), up, down, false);
                if (cs.skewMs() == null) {
                    problem(p + ".skewMs", "missing; expected milliseconds (negative: behind)");
                }
            }
        }
    }

    private void partition(String p, Action.Partition pa, Set<String> up, Set<String> down) {
        boolean groups = pa.groups() != null;
        boolean oneWay = pa.from() != null || pa.to() != null;
        if (groups == oneWay) {
            problem(p, "expected either \"groups\" (two-way) or \"from\" and \"to\" (one-way)");
            return;
        }
        if (groups) {
            if (pa.groups().size() < 2) {
                problem(p + ".groups", "expected at least two groups");
            }
            for (int g = 0; g < pa.groups().size(); g++) {
                List<String> group = pa.groups().get(g);
                for (int k = 0; k < group.size(); k++) {
                    known(p + ".groups[" + g + "][" + k + "]", group.get(k), up, down);
                }
            }
        } else {
            if (pa.from() == null || pa.to() == null) {
                problem(p + (pa.from() == null ? ".from" : ".to"), "missing; a one-way partition needs both \"from\" and \"to\"");
                return;
            }
            for (int k = 0; k < pa.from().size(); k++) {
                known(p + ".from[" + k + "]", pa.from().get(k), up, down);
            }
            for (int k = 0; k < pa.to().size(); k++) {
                known(p + ".to[" + k + "]", pa.to().get(k), up, down);
            }
        }
    }

    private void known(String path, String node, Set<String> up, Set<String> down) {
        if (node == null || (!up.contains(node) && !down.contains(node))) {
            problem(path, unknown(node, up));
        }
    }

    private boolean requireUp(String path, String node, Set<String> up, Set<String> down, boolean removes) {
        if (node == null) {
            problem(path, "missing; expected a node name");
            return false;
        }
        if (down.contains(node)) {
            problem(path, "node '" + node + "' is down (crashed) at this point; restart it first");
            return false;
        }
        if (!up.contains(node)) {
            problem(path, unknown(node, up));
            return false;
        }
        if (removes) {
            up.remove(node);
        }
        return true;
    }

    private static String unknown(String node, Set<String> up) {
        List<String> names = new ArrayList<>(up);
        String sample = names.size() <= 4 ? String.join(", ", names)
                : names.get(0) + ", " + names.get(1) + " ... " + names.get(names.size() - 1);
        return "unknown node '" + node + "'; expected a node running at this point (" + sample + ")";
    }
}
