package io.fleetlab.simulator.scenario;

import io.fleetlab.core.membership.GossipConfig;
import io.fleetlab.core.membership.GossipPreset;
import io.fleetlab.core.ring.HashingAlgorithm;
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
    static final List<String> SHAPES = List.of("kubernetes-pods", "node-exporters", "strings");
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

    /** A finite number in [{@code min}, {@code max}], or a problem naming the range. */
    private double within(String path, Double v, double fallback, double min, double max, String unit) {
        if (v == null) {
            return fallback;
        }
        if (!Double.isFinite(v) || v < min || v > max) {
            problem(path, "must be a finite number in [" + plain(min) + ", " + plain(max) + "]" + unit + ", got " + v);
            return fallback;
        }
        return v;
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** A positive duration (if set) no shorter than {@code min}. */
    private void notBelow(String path, Duration d, Duration min) {
        if (d != null && !d.isNegative() && !d.isZero() && d.compareTo(min) < 0) {
            problem(path, "must be at least " + min.toMillis() + "ms, got " + d.toNanos() + "ns");
        }
    }

    /** A duration no longer than {@code max}. */
    private void atMost(String path, Duration d, Duration max) {
        if (d != null && d.compareTo(max) > 0) {
            problem(path, "must be at most " + Durations.format(max) + ", got " + Durations.format(d));
        }
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
        atMost("duration", duration, ScenarioLimits.MAX_DURATION);
        Duration sample = positive("sampleInterval", s.sampleInterval(), Defaults.SAMPLE_INTERVAL);
        notBelow("sampleInterval", sample, ScenarioLimits.MIN_SAMPLE_INTERVAL);
        Scenario.Fleet fleet = fleet(s.fleet());
        Scenario.Targets targets = targets(s.targets());
        Scenario.Hashing hashing = hashing(s.hashing());
        Scenario.Network network = network(s.network(), fleet);
        List<Action> given = s.timeline() == null ? List.of() : s.timeline();
        List<Action> timeline = new ArrayList<>(given);
        int peakNodes = fleet == null ? 0 : fleet.size();
        if (duration != null && fleet != null) {
            peakNodes = timeline(timeline, duration, fleet);
        }
        if (problems.isEmpty()) {
            ScenarioLimits.budget(duration, sample, peakNodes, problems);
        }
        return new Scenario(Scenario.VERSION, name, s.description() == null ? "" : s.description(),
                s.seed() == null ? Defaults.SEED : s.seed(), duration, sample, fleet, targets, hashing, network,
                java.util.Collections.unmodifiableList(timeline));
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
        } else if (f.size() > ScenarioLimits.MAX_NODES) {
            problem("fleet.size", "must be at most " + ScenarioLimits.MAX_NODES + ", got " + f.size());
        } else {
            size = f.size();
        }
        String pattern = f.namePattern() == null ? Defaults.NAME_PATTERN : f.namePattern();
        if (pattern.indexOf("%d") < 0 || pattern.indexOf("%d") != pattern.lastIndexOf("%d") || pattern.replace("%d", "").contains("%")) {
            problem("fleet.namePattern", "must contain %d exactly once and no other %, got '" + pattern + "'");
        } else if (ScenarioLimits.nameBytes(pattern, ScenarioLimits.MAX_NODES) > ScenarioLimits.MAX_NAME_BYTES) {
            // checked for the largest ordinal a run may reach, so no node name fails mid-run
            problem("fleet.namePattern", "node names must stay within " + ScenarioLimits.MAX_NAME_BYTES
                    + " UTF-8 bytes (the gossip limit); '" + pattern + "' gives "
                    + ScenarioLimits.nameBytes(pattern, ScenarioLimits.MAX_NODES) + " bytes for node "
                    + ScenarioLimits.MAX_NODES);
        }
        String membership = oneOf("fleet.membership", f.membership(), MEMBERSHIP, Defaults.MEMBERSHIP);
        int minSize = f.minClusterSize() == null ? Defaults.MIN_CLUSTER_SIZE : f.minClusterSize();
        if (minSize < 0) {
            problem("fleet.minClusterSize", "must not be negative, got " + minSize);
        }
        Duration spread = nonNegative("fleet.joinSpread", f.joinSpread(), Defaults.JOIN_SPREAD);
        atMost("fleet.joinSpread", spread, ScenarioLimits.MAX_DURATION);
        String start = oneOf("fleet.start", f.start(), STARTS, Defaults.START);
        Scenario.Gossip g = f.gossip() == null ? new Scenario.Gossip(null, null, null, null, null, null, null, null, null, null) : f.gossip();
        String preset = oneOf("fleet.gossip.preset", g.preset(), GossipPreset.ids(), Defaults.GOSSIP_PRESET);
        positiveIfSet("fleet.gossip.probeInterval", g.probeInterval());
        positiveIfSet("fleet.gossip.probeTimeout", g.probeTimeout());
        positiveIfSet("fleet.gossip.gossipInterval", g.gossipInterval());
        notBelow("fleet.gossip.probeInterval", g.probeInterval(), ScenarioLimits.MIN_PROTOCOL_INTERVAL);
        notBelow("fleet.gossip.probeTimeout", g.probeTimeout(), ScenarioLimits.MIN_PROTOCOL_INTERVAL);
        notBelow("fleet.gossip.gossipInterval", g.gossipInterval(), ScenarioLimits.MIN_PROTOCOL_INTERVAL);
        nonNegative("fleet.gossip.pushPullInterval", g.pushPullInterval(), null);
        nonNegative("fleet.gossip.notifyInterval", g.notifyInterval(), null);
        between("fleet.gossip.gossipNodes", g.gossipNodes(), 1, 64);
        between("fleet.gossip.indirectChecks", g.indirectChecks(), 0, 64);
        between("fleet.gossip.suspicionMult", g.suspicionMult(), 1, 1000);
        between("fleet.gossip.retransmitMult", g.retransmitMult(), 1, 1000);
        // a field left out takes the preset's value, so the resolved scenario names every setting it ran with
        GossipConfig p = Defaults.gossip(preset);
        Scenario.Gossip gossip = p == null ? g : new Scenario.Gossip(preset, or(g.probeInterval(), p.probeInterval()),
                or(g.probeTimeout(), p.probeTimeout()), or(g.gossipInterval(), p.gossipInterval()),
                or(g.gossipNodes(), p.gossipNodes()), or(g.indirectChecks(), p.indirectChecks()),
                or(g.suspicionMult(), p.suspicionMult()), or(g.retransmitMult(), p.retransmitMult()),
                or(g.pushPullInterval(), p.pushPullInterval()), or(g.notifyInterval(), p.notifyInterval()));
        Duration sizeTimeout = nonNegative("fleet.minClusterSizeTimeout", f.minClusterSizeTimeout(), Defaults.MIN_CLUSTER_SIZE_TIMEOUT);
        Duration reload = nonNegative("fleet.scrapeReloadInterval", f.scrapeReloadInterval(),
                Defaults.SCRAPE_RELOAD_INTERVAL);
        atMost("fleet.minClusterSizeTimeout", sizeTimeout, ScenarioLimits.MAX_DURATION);
        atMost("fleet.scrapeReloadInterval", reload, ScenarioLimits.MAX_DURATION);
        return new Scenario.Fleet(size, pattern, membership, gossip, minSize, spread, sizeTimeout, reload, start);
    }

    private void positiveIfSet(String path, Duration d) {
        if (d != null) {
            positive(path, d, d);
        }
    }

    private void between(String path, Integer v, int min, int max) {
        if (v != null && (v < min || v > max)) {
            problem(path, "must be in [" + min + ", " + max + "], got " + v);
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
            return new Scenario.Targets(null, null, given.file(), oneOf("targets.format", given.format(), TARGET_FORMATS, Defaults.TARGET_FORMAT));
        }
        if (given.format() != null) {
            problem("targets.format", "applies to targets.file only");
        }
        int count = given.count() == null ? Defaults.TARGET_COUNT : given.count();
        if (count < 0 || count > ScenarioLimits.MAX_TARGETS) {
            problem("targets.count", "must be in [0, " + ScenarioLimits.MAX_TARGETS + "], got " + count);
        }
        return new Scenario.Targets(count, oneOf("targets.shape", given.shape(), SHAPES, Defaults.TARGET_SHAPE));
    }

    private Scenario.Hashing hashing(Scenario.Hashing h) {
        Scenario.Hashing given = h == null ? new Scenario.Hashing(null, null, null) : h;
        String algorithm = oneOf("hashing.algorithm", given.algorithm(), HashingAlgorithm.ids(), Defaults.ALGORITHM);
        int tokens = given.tokensPerNode() == null ? Defaults.TOKENS_PER_NODE : given.tokensPerNode();
        if (tokens < 1 || tokens > ScenarioLimits.MAX_TOKENS) {
            problem("hashing.tokensPerNode", "must be in [1, " + ScenarioLimits.MAX_TOKENS + "], got " + tokens);
        }
        List<String> compare = given.compare() == null ? List.of() : given.compare();
        for (int i = 0; i < compare.size(); i++) {
            oneOf("hashing.compare[" + i + "]", compare.get(i), HashingAlgorithm.ids(), null);
        }
        return new Scenario.Hashing(algorithm, tokens, compare);
    }

    private Scenario.Network network(Scenario.Network n, Scenario.Fleet fleet) {
        Scenario.Network given = n == null ? new Scenario.Network(null, null, null, null, null, null) : n;
        // a gossip block without a preset runs the default preset, so it also takes that preset's network
        String named = fleet == null || fleet.gossip() == null ? null : fleet.gossip().preset();
        String preset = named == null ? Defaults.GOSSIP_PRESET : named;
        String transport = oneOf("network.transport", given.transport(), TransportKind.NAMES, Defaults.transport(preset));
        Duration defaultStreamTimeout = Defaults.streamTimeout(preset);
        Scenario.Latency l = given.latency() == null ? new Scenario.Latency(null, null, null, null, null) : given.latency();
        String dist = oneOf("network.latency.distribution", l.distribution(), LatencyModel.KINDS, Defaults.LATENCY_DISTRIBUTION);
        double maxMs = ScenarioLimits.MAX_LATENCY_MS;
        double mean = within("network.latency.meanMs", l.meanMs(), Defaults.LATENCY_MEAN_MS, 0, maxMs, " ms");
        if (!(mean > 0)) {
            problem("network.latency.meanMs", "must be positive, got " + mean);
        }
        double spread = within("network.latency.spreadMs", l.spreadMs(), Defaults.latencySpreadMs(mean), 0, maxMs, " ms");
        if (dist.equals("uniform") && spread > mean) {
            problem("network.latency.spreadMs", "must be in [0, meanMs], got " + spread);
        }
        double sigma = within("network.latency.sigma", l.sigma(), Defaults.LATENCY_SIGMA, 0, 10, "");
        if (!(sigma > 0)) {
            problem("network.latency.sigma", "must be positive, got " + sigma);
        }
        double min = within("network.latency.minMs", l.minMs(), Defaults.LATENCY_MIN_MS, 0, maxMs, " ms");
        Duration streamTimeout = positive("network.streamTimeout", given.streamTimeout(), defaultStreamTimeout);
        atMost("network.streamTimeout", streamTimeout, ScenarioLimits.MAX_DURATION);
        return new Scenario.Network(new Scenario.Latency(dist, mean, spread, sigma, min),
                probability("network.loss", given.loss(), Defaults.LOSS),
                probability("network.duplication", given.duplication(), Defaults.DUPLICATION),
                probability("network.reorder", given.reorder(), Defaults.REORDER), streamTimeout, transport);
    }

    /**
     * Checks the timeline in order and fills in each action's defaults in place; returns how many
     * nodes the run starts in all (its peak table size).
     */
    private int timeline(List<Action> timeline, Duration duration, Scenario.Fleet fleet) {
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
            timeline.set(i, withDefaults(a));
            if (a instanceof Action.Join j) {
                int count = j.count() == null ? Defaults.JOIN_COUNT : j.count();
                if (count < 1 || count > ScenarioLimits.MAX_NODES - nextOrdinal) {
                    problem(p + ".count", "must be in [1, " + Math.max(1, ScenarioLimits.MAX_NODES - nextOrdinal)
                            + "] (at most " + ScenarioLimits.MAX_NODES + " nodes in a run), got " + count);
                    count = 0;
                }
                nonNegative(p + ".interval", j.interval(), null);
                atMost(p + ".interval", j.interval(), ScenarioLimits.MAX_DURATION);
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
                atMost(p + ".downtime", r.downtime(), ScenarioLimits.MAX_DURATION);
                if (r.node() == null) {
                    problem(p + ".node", "missing; expected a node name");
                } else if (down.remove(r.node())) {
                    up.add(r.node());
                } else if (!up.contains(r.node())) {
                    problem(p + ".node", unknown(r.node(), up));
                }
            } else if (a instanceof Action.RollingRestart r) {
                positive(p + ".interval", r.interval(), Defaults.ROLLING_INTERVAL);
                atMost(p + ".interval", r.interval(), ScenarioLimits.MAX_DURATION);
                nonNegative(p + ".downtime", r.downtime(), null);
                atMost(p + ".downtime", r.downtime(), ScenarioLimits.MAX_DURATION);
            } else if (a instanceof Action.ScaleTo st) {
                if (st.size() == null || st.size() < 1) {
                    problem(p + ".size", st.size() == null ? "missing; expected the target fleet size" : "must be at least 1, got " + st.size());
                } else if ((long) st.size() - up.size() > ScenarioLimits.MAX_NODES - nextOrdinal) {
                    problem(p + ".size", "would start more than " + ScenarioLimits.MAX_NODES + " nodes in the run, got "
                            + st.size());
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
                atMost(p + ".interval", st.interval(), ScenarioLimits.MAX_DURATION);
            } else if (a instanceof Action.Partition pa) {
                partition(p, pa, up, down);
            } else if (a instanceof Action.Pause pause) {
                requireUp(p + ".node", pause.node(), up, down, false);
                positive(p + ".duration", pause.duration(), null);
                atMost(p + ".duration", pause.duration(), ScenarioLimits.MAX_DURATION);
            } else if (a instanceof Action.SetLoss sl) {
                if (sl.loss() == null) {
                    problem(p + ".loss", "missing; expected a probability in [0, 1)");
                } else {
                    probability(p + ".loss", sl.loss(), 0);
                }
            } else if (a instanceof Action.Slow sl) {
                requireUp(p + ".node", sl.node(), up, down, false);
                if (sl.extraMs() == null) {
                    problem(p + ".extraMs", "missing; expected a non-negative number of milliseconds");
                } else {
                    within(p + ".extraMs", sl.extraMs(), 0, 0, ScenarioLimits.MAX_LATENCY_MS, " ms");
                }
            } else if (a instanceof Action.ClockSkew cs) {
                requireUp(p + ".node", cs.node(), up, down, false);
                if (cs.skewMs() == null) {
                    problem(p + ".skewMs", "missing; expected milliseconds (negative: behind)");
                } else {
                    within(p + ".skewMs", cs.skewMs(), 0, -ScenarioLimits.MAX_SKEW_MS, ScenarioLimits.MAX_SKEW_MS, " ms");
                }
            }
        }
        return nextOrdinal;
    }

    /** The action with every field it may leave out set from {@link Defaults}. */
    private static Action withDefaults(Action a) {
        if (a instanceof Action.Join j) {
            return new Action.Join(j.at(), or(j.count(), Defaults.JOIN_COUNT), or(j.interval(), Defaults.ACTION_INTERVAL));
        } else if (a instanceof Action.Restart r) {
            return new Action.Restart(r.at(), r.node(), or(r.downtime(), Defaults.DOWNTIME), or(r.graceful(), Defaults.GRACEFUL));
        } else if (a instanceof Action.RollingRestart r) {
            return new Action.RollingRestart(r.at(), or(r.interval(), Defaults.ROLLING_INTERVAL),
                    or(r.downtime(), Defaults.DOWNTIME), or(r.graceful(), Defaults.GRACEFUL));
        } else if (a instanceof Action.ScaleTo st) {
            return new Action.ScaleTo(st.at(), st.size(), or(st.interval(), Defaults.ACTION_INTERVAL));
        }
        return a;
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
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
            java.util.Map<String, Integer> groupOf = new java.util.HashMap<>();
            for (int g = 0; g < pa.groups().size(); g++) {
                List<String> group = pa.groups().get(g);
                if (group == null) {
                    problem(p + ".groups[" + g + "]", "expected a list of node names");
                    continue;
                }
                for (int k = 0; k < group.size(); k++) {
                    String at = p + ".groups[" + g + "][" + k + "]";
                    known(at, group.get(k), up, down);
                    Integer other = group.get(k) == null ? null : groupOf.putIfAbsent(group.get(k), g);
                    if (other != null) {
                        problem(at, "node '" + group.get(k) + "' is already in group " + other
                                + (other == g ? " (listed twice)" : "") + "; a node belongs to one group");
                    }
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
