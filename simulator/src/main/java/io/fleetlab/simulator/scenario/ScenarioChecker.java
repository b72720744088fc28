package io.fleetlab.simulator.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import io.fleetlab.core.membership.GossipConfig;
import io.fleetlab.core.ring.Sharders;
import io.fleetlab.simulator.network.NetworkConditions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The semantic checks, each reporting the location of the field it is about. */
final class ScenarioChecker {
    private final String file;
    private final Map<String, JsonLocation> locations;
    private final Scenario s;

    ScenarioChecker(String file, Map<String, JsonLocation> locations, Scenario s) {
        this.file = file;
        this.locations = locations;
        this.s = s;
    }

    private ScenarioException error(String pointer, String problem) {
        JsonLocation l = null;
        String p = pointer;
        while (l == null && !p.isEmpty()) {
            l = locations.get(p);
            p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
        }
        if (l == null) {
            l = locations.get("");
        }
        String field = pointer.replaceAll("/(\\d+)", "[$1]").replace('/', '.');
        if (field.startsWith(".")) {
            field = field.substring(1);
        }
        return new ScenarioException(file, l == null ? 1 : l.getLineNr(), l == null ? 1 : l.getColumnNr(), field,
                problem);
    }

    private <T> T required(T value, String pointer, String expected) throws ScenarioException {
        if (value == null) {
            throw error(pointer, "missing; expected " + expected);
        }
        return value;
    }

    private long positive(Span span, String pointer, long fallback) throws ScenarioException {
        if (span == null) {
            return fallback;
        }
        if (span.nanos() <= 0) {
            throw error(pointer, "must be a positive duration, got " + span);
        }
        return span.nanos();
    }

    private long notNegative(Span span, String pointer, long fallback) throws ScenarioException {
        if (span == null) {
            return fallback;
        }
        if (span.nanos() < 0) {
            throw error(pointer, "must not be negative, got " + span);
        }
        return span.nanos();
    }

    private double probability(Double v, String pointer) throws ScenarioException {
        if (v == null) {
            return 0;
        }
        if (!(v >= 0 && v <= 1)) {
            throw error(pointer, "must be a probability between 0 and 1, got " + v);
        }
        return v;
    }

    ScenarioConfig check() throws ScenarioException {
        int version = required(s.version(), "/version", "the schema version " + Scenario.VERSION);
        if (version != Scenario.VERSION) {
            throw error("/version", "unsupported version " + version + "; expected " + Scenario.VERSION);
        }
        String name = s.name() != null ? s.name() : Path.of(file).getFileName().toString().replaceFirst("\\.json$", "");
        List<Long> seeds = s.seeds() != null ? List.copyOf(s.seeds()) : List.of(s.seed() != null ? s.seed() : 1L);
        if (seeds.isEmpty()) {
            throw error("/seeds", "must list at least one seed");
        }
        long duration = positive(required(s.duration(), "/duration", "a run length such as \"2m\""), "/duration", 0);
        String membership = s.membership() == null ? "gossip" : s.membership();
        if (!membership.equals("gossip") && !membership.equals("oracle")) {
            throw error("/membership", "unknown membership '" + membership + "'; expected \"gossip\" or \"oracle\"");
        }
        boolean gossip = membership.equals("gossip");
        long warmup = notNegative(s.warmup(), "/warmup", gossip ? 30_000_000_000L : 0);
        long sample = positive(s.sampleInterval(), "/sampleInterval", 1_000_000_000L);

        Scenario.Fleet fleet = required(s.fleet(), "/fleet", "an object with at least \"size\"");
        int size = required(fleet.size(), "/fleet/size", "the initial number of nodes");
        if (size < 1) {
            throw error("/fleet/size", "must be at least 1, got " + size);
        }
        String pattern = fleet.namePattern() == null ? "alloy-%d" : fleet.namePattern();
        if (!pattern.contains("%d") || pattern.indexOf('%') != pattern.lastIndexOf('%')) {
            throw error("/fleet/namePattern", "must contain exactly one %d, got '" + pattern + "'");
        }
        int minSize = fleet.minClusterSize() == null ? 0 : fleet.minClusterSize();
        if (minSize < 0) {
            throw error("/fleet/minClusterSize", "must not be negative, got " + minSize);
        }
        GossipConfig gc = gossipConfig(fleet.gossip());

        Scenario.Targets targets = s.targets() == null ? new Scenario.Targets(null, null, null, null) : s.targets();
        int count = targets.count() == null ? 10_000 : targets.count();
        if (count < 1) {
            throw error("/targets/count", "must be at least 1, got " + count);
        }
        String shape = targets.shape() == null ? "job-instance" : targets.shape();
        if (!shape.equals("job-instance") && !shape.equals("pod")) {
            throw error("/targets/shape", "unknown shape '" + shape + "'; expected \"job-instance\" or \"pod\"");
        }
        int jobs = targets.jobs() == null ? 20 : targets.jobs();
        if (jobs < 1) {
            throw error("/targets/jobs", "must be at least 1, got " + jobs);
        }
        Map<String, String> extra = targets.extraLabels() == null ? Map.of() : new TreeMap<>(targets.extraLabels());

        Scenario.Network net = s.network() == null ? new Scenario.Network(null, null, null, null, null, null) : s.network();
        Scenario.Latency lat = net.latency() == null
                ? new Scenario.Latency("lognormal", null, null, null, null, null, Span.parse("1ms"), 0.5)
                : net.latency();
        String kind = required(lat.distribution(), "/network/latency/distribution",
                "constant, uniform, normal, lognormal or exponential");
        double a;
        double b = 0;
        switch (kind) {
            case "constant" -> a = notNegative(required(lat.value(), "/network/latency/value", "a duration"),
                    "/network/latency/value", 0);
            case "uniform" -> {
                a = notNegative(required(lat.min(), "/network/latency/min", "a duration"), "/network/latency/min", 0);
                b = notNegative(required(lat.max(), "/network/latency/max", "a duration"), "/network/latency/max", 0);
                if (b <= a) {
                    throw error("/network/latency/max", "must be greater than min");
                }
            }
            case "normal" -> {
                a = notNegative(required(lat.mean(), "/network/latency/mean", "a duration"), "/network/latency/mean", 0);
                b = positive(required(lat.sd(), "/network/latency/sd", "a duration"), "/network/latency/sd", 0);
            }
            case "lognormal" -> {
                a = positive(required(lat.median(), "/network/latency/median", "a duration"), "/network/latency/median", 0);
                b = required(lat.sigma(), "/network/latency/sigma", "a positive number (shape)");
                if (!(b > 0)) {
                    throw error("/network/latency/sigma", "must be positive, got " + b);
                }
            }
            case "exponential" -> a = positive(required(lat.mean(), "/network/latency/mean", "a duration"),
                    "/network/latency/mean", 0);
            default -> throw error("/network/latency/distribution", "unknown distribution '" + kind
                    + "'; expected constant, uniform, normal, lognormal or exponential");
        }
        NetworkConditions conditions = new NetworkConditions(
                probability(net.loss(), "/network/loss"),
                probability(net.duplicate(), "/network/duplicate"),
                probability(net.reorder(), "/network/reorder"),
                notNegative(net.reorderDelay(), "/network/reorderDelay", 10_000_000L),
                positive(net.reliableTimeout(), "/network/reliableTimeout", 10_000_000_000L));

        Scenario.Hashing h = s.hashing() == null ? new Scenario.Hashing(null, null, null) : s.hashing();
        List<String> algorithms;
        if (h.algorithm() != null && h.algorithms() != null) {
            throw error("/hashing/algorithms", "give either \"algorithm\" or \"algorithms\", not both");
        }
        if (h.algorithms() != null) {
            algorithms = List.copyOf(h.algorithms());
            if (algorithms.isEmpty()) {
                throw error("/hashing/algorithms", "must list at least one algorithm");
            }
        } else {
            algorithms = List.of(h.algorithm() == null ? "alloy-ring" : h.algorithm());
        }
        for (int i = 0; i < algorithms.size(); i++) {
            if (!Sharders.algorithms().contains(algorithms.get(i))) {
                throw error(h.algorithms() != null ? "/hashing/algorithms/" + i : "/hashing/algorithm",
                        "unknown algorithm '" + algorithms.get(i) + "'; expected one of " + Sharders.algorithms());
            }
        }
        int tokens = h.tokens() == null ? 512 : h.tokens();
        if (tokens < 1) {
            throw error("/hashing/tokens", "must be at least 1, got " + tokens);
        }

        List<Action> timeline = s.timeline() == null ? List.of() : List.copyOf(s.timeline());
        checkTimeline(timeline, duration, size, pattern);
        return new ScenarioConfig(name, s.description() == null ? "" : s.description(), seeds, duration, warmup,
                sample, gossip, size, pattern, minSize, gc, count, shape, jobs, extra, kind, a, b, conditions,
                algorithms, tokens, timeline);
    }

    private GossipConfig gossipConfig(Scenario.Gossip g) throws ScenarioException {
        if (g == null) {
            return GossipConfig.alloy();
        }
        String preset = g.preset() == null ? "alloy" : g.preset();
        GossipConfig c = switch (preset) {
            case "alloy" -> GossipConfig.alloy();
            case "lan" -> GossipConfig.lan();
            case "wan" -> GossipConfig.wan();
            default -> throw error("/fleet/gossip/preset", "unknown preset '" + preset + "'; expected alloy, lan or wan");
        };
        String base = "/fleet/gossip/";
        try {
            if (g.probeInterval() != null) {
                c = c.withProbeInterval(Duration.ofNanos(positive(g.probeInterval(), base + "probeInterval", 0)));
            }
            if (g.probeTimeout() != null) {
                c = c.withProbeTimeout(Duration.ofNanos(positive(g.probeTimeout(), base + "probeTimeout", 0)));
            }
            if (g.gossipInterval() != null) {
                c = c.withGossipInterval(Duration.ofNanos(positive(g.gossipInterval(), base + "gossipInterval", 0)));
            }
            if (g.pushPullInterval() != null) {
                c = c.withPushPullInterval(Duration.ofNanos(notNegative(g.pushPullInterval(), base + "pushPullInterval", 0)));
            }
            if (g.rejoinInterval() != null) {
                c = c.withRejoinInterval(Duration.ofNanos(notNegative(g.rejoinInterval(), base + "rejoinInterval", 0)));
            }
            if (g.notifyInterval() != null) {
                c = c.withNotifyInterval(Duration.ofNanos(notNegative(g.notifyInterval(), base + "notifyInterval", 0)));
            }
            if (g.gossipNodes() != null) {
                c = c.withGossipNodes(g.gossipNodes());
            }
            if (g.indirectChecks() != null) {
                c = c.withIndirectChecks(g.indirectChecks());
            }
            if (g.suspicionMult() != null) {
                c = c.withSuspicionMult(g.suspicionMult());
            }
            if (g.retransmitMult() != null) {
                c = c.withRetransmitMult(g.retransmitMult());
            }
        } catch (IllegalArgumentException e) {
            throw error("/fleet/gossip", e.getMessage());
        }
        return c;
    }

    /** Replays the timeline on node names alone, so every reference is checked before the run. */
    private void checkTimeline(List<Action> timeline, long duration, int size, String pattern)
            throws ScenarioException {
        Set<String> live = new LinkedHashSet<>();
        Set<String> known = new LinkedHashSet<>();
        int next = size;
        for (int i = 0; i < size; i++) {
            String n = String.format(java.util.Locale.ROOT, pattern, i);
            live.add(n);
            known.add(n);
        }
        long previous = 0;
        for (int i = 0; i < timeline.size(); i++) {
            Action a = timeline.get(i);
            String at = "/timeline/" + i;
            if (a == null) {
                throw error(at, "expected an action object");
            }
            long t = required(a.at(), at + "/at", "a time such as \"30s\"").nanos();
            if (t < 0) {
                throw error(at + "/at", "must not be negative, got " + a.at());
            }
            if (t > duration) {
                throw error(at + "/at", "is after the end of the run (" + Span.ofSeconds(duration / 1e9) + ")");
            }
            if (t < previous) {
                throw error(at + "/at", "out of order: " + a.at() + " comes before the previous action's "
                        + Span.ofSeconds(previous / 1e9) + "; list actions in time order");
            }
            previous = t;
            if (a instanceof Action.Join j) {
                int count = j.count() == null ? 1 : j.count();
                if (count < 1) {
                    throw error(at + "/count", "must be at least 1, got " + count);
                }
                if (j.node() != null) {
                    if (count != 1) {
                        throw error(at + "/count", "a named join adds exactly one node");
                    }
                    if (live.contains(j.node())) {
                        throw error(at + "/node", "node '" + j.node() + "' is already running");
                    }
                    live.add(j.node());
                    known.add(j.node());
                } else {
                    for (int k = 0; k < count; k++) {
                        String n;
                        do {
                            n = String.format(java.util.Locale.ROOT, pattern, next++);
                        } while (known.contains(n));
                        live.add(n);
                        known.add(n);
                    }
                }
            } else if (a instanceof Action.Leave l) {
                if (l.node() != null && l.count() != null) {
                    throw error(at + "/count", "give either \"node\" or \"count\", not both");
                }
                if (l.node() != null) {
                    requireLive(live, l.node(), at + "/node", t);
                    live.remove(l.node());
                } else {
                    int count = l.count() == null ? 1 : l.count();
                    if (count < 1 || count >= live.size() + 1) {
                        throw error(at + "/count", "must be between 1 and the " + live.size() + " running nodes, got " + count);
                    }
                    List<String> order = new ArrayList<>(live);
                    for (int k = 0; k < count; k++) {
                        live.remove(order.get(order.size() - 1 - k));
                    }
                }
            } else if (a instanceof Action.Crash c) {
                requireLive(live, required(c.node(), at + "/node", "a node name"), at + "/node", t);
                live.remove(c.node());
            } else if (a instanceof Action.Restart r) {
                String n = required(r.node(), at + "/node", "a node name");
                if (!known.contains(n)) {
                    throw error(at + "/node", "unknown node '" + n + "'; expected a node of this run, e.g. "
                            + String.format(java.util.Locale.ROOT, pattern, 0));
                }
                notNegative(r.downtime(), at + "/downtime", 0);
                live.add(n);
            } else if (a instanceof Action.RollingRestart r) {
                positive(required(r.interval(), at + "/interval", "a duration"), at + "/interval", 0);
                notNegative(r.downtime(), at + "/downtime", 0);
            } else if (a instanceof Action.ScaleTo st) {
                int target = required(st.size(), at + "/size", "the fleet size to reach");
                if (target < 1) {
                    throw error(at + "/size", "must be at least 1, got " + target);
                }
                notNegative(st.interval(), at + "/interval", 0);
                List<String> order = new ArrayList<>(live);
                while (live.size() > target) {
                    live.remove(order.remove(order.size() - 1));
                }
                while (live.size() < target) {
                    String n;
                    do {
                        n = String.format(java.util.Locale.ROOT, pattern, next++);
                    } while (known.contains(n));
                    live.add(n);
                    known.add(n);
                }
            } else if (a instanceof Action.Partition p) {
                List<List<String>> sides = required(p.sides(), at + "/sides", "a list of lists of node names");
                if (sides.size() < 2) {
                    throw error(at + "/sides", "a partition needs at least two sides");
                }
                Set<String> seen = new java.util.HashSet<>();
                for (int si = 0; si < sides.size(); si++) {
                    List<String> side = sides.get(si);
                    if (side == null || side.isEmpty()) {
                        throw error(at + "/sides/" + si, "a side must list at least one node");
                    }
                    for (int ni = 0; ni < side.size(); ni++) {
                        String n = side.get(ni);
                        if (!known.contains(n)) {
                            throw error(at + "/sides/" + si + "/" + ni, "unknown node '" + n + "'");
                        }
                        if (!seen.add(n)) {
                            throw error(at + "/sides/" + si + "/" + ni, "node '" + n + "' is on two sides");
                        }
                    }
                }
            } else if (a instanceof Action.Heal ignored) {
            } else if (a instanceof Action.Pause p) {
                requireLive(live, required(p.node(), at + "/node", "a node name"), at + "/node", t);
                positive(required(p.duration(), at + "/duration", "a duration"), at + "/duration", 0);
            } else if (a instanceof Action.Slow sl) {
                requireLive(live, required(sl.node(), at + "/node", "a node name"), at + "/node", t);
                positive(required(sl.delay(), at + "/delay", "a duration"), at + "/delay", 0);
                positive(required(sl.duration(), at + "/duration", "a duration"), at + "/duration", 0);
            } else if (a instanceof Action.Skew sk) {
                requireLive(live, required(sk.node(), at + "/node", "a node name"), at + "/node", t);
                required(sk.offset(), at + "/offset", "a duration (may be negative)");
            } else if (a instanceof Action.SetLoss sl) {
                probability(required(sl.loss(), at + "/loss", "a probability"), at + "/loss");
            }
        }
    }

    private void requireLive(Set<String> live, String node, String pointer, long t) throws ScenarioException {
        if (!live.contains(node)) {
            throw error(pointer, "unknown node '" + node + "': no such node is running at "
                    + Span.ofSeconds(t / 1e9) + " (running: " + summary(live) + ")");
        }
    }

    private static String summary(Set<String> live) {
        List<String> l = new ArrayList<>(live);
        if (l.size() <= 6) {
            return String.join(", ", l);
        }
        return String.join(", ", l.subList(0, 3)) + ", ... " + l.get(l.size() - 1) + " (" + l.size() + " nodes)";
    }
}
