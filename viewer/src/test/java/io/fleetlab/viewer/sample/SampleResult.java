package io.fleetlab.viewer.sample;

import io.fleetlab.simulator.result.EventKind;
import io.fleetlab.simulator.result.ChangeKind;
import io.fleetlab.core.hash.TargetKeys;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.ring.HashingAlgorithm;
import io.fleetlab.core.ring.Op;
import io.fleetlab.core.ring.Sharder;
import io.fleetlab.simulator.result.AgreementSample;
import io.fleetlab.simulator.result.AgreementTotals;
import io.fleetlab.simulator.result.LoadSummary;
import io.fleetlab.simulator.result.MembershipEvent;
import io.fleetlab.simulator.result.MembershipStats;
import io.fleetlab.simulator.result.NodeInfo;
import io.fleetlab.simulator.result.PeerTableLog;
import io.fleetlab.simulator.result.Redistribution;
import io.fleetlab.simulator.result.ResultFiles;
import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.simulator.result.ViewSample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A realistic result file for the viewer's tests, built with the simulator's schema records and
 * the core's real ring: six nodes, two joins, a crash the protocol detects, a graceful leave.
 * Ownership figures (moved targets, load) are computed with {@code alloy-ring}, not made up; the
 * timing figures (view changes, detection) are plausible hand-written protocol timings.
 *
 * <p>{@code SampleResultFileTest} checks the committed file still equals what this class builds,
 * and rewrites it when asked (see there).
 */
public final class SampleResult {
    public static final String RESOURCE = "/results/sample-scale-out.json";
    static final int TARGETS = 2000;
    static final int TOKENS = 512;
    static final double DURATION = 120;
    static final String OBSERVER = "node-0";

    private final List<MembershipEvent> events = new ArrayList<>();
    private final List<Redistribution> redistribution = new ArrayList<>();
    private final List<ViewSample> views = new ArrayList<>();
    private final List<PeerTableLog.Entry> peerChanges = new ArrayList<>();
    private final long[] keys = new long[TARGETS];

    private SampleResult() {
        for (int i = 0; i < TARGETS; i++) {
            keys[i] = TargetKeys.ofString("target-" + i);
        }
    }

    public static SimulationResult build() {
        return new SampleResult().run();
    }

    private SimulationResult run() {
        List<NodeInfo> nodes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            nodes.add(new NodeInfo("node-" + i, "10.0.0." + (i + 1) + ":12345"));
        }
        Set<String> fleet = new TreeSet<>();
        for (int i = 0; i < 6; i++) {
            String n = "node-" + i;
            fleet.add(n);
            events.add(new MembershipEvent(0, EventKind.JOIN, n, "", "initial fleet"));
            peer(0.0 + 0.1 * i, n, "participant", true);
        }
        for (String n : fleet) {
            views.add(new ViewSample(0.0 + 0.1 * 5, n, 6));
        }

        join(fleet, "node-6", 20.0);
        join(fleet, "node-7", 40.0);
        crash(fleet, "node-3", 60.0);
        leave(fleet, "node-2", 80.0);

        List<AgreementSample> agreement = agreement();
        return new SimulationResult(
                SimulationResult.SCHEMA_VERSION,
                "sample-scale-out",
                42L,
                "alloy-ring",
                TOKENS,
                DURATION,
                TARGETS,
                nodes,
                events,
                redistribution,
                agreement,
                totals(agreement),
                load(fleet),
                views,
                new PeerTableLog(OBSERVER, peerChanges),
                membership());
    }

    private void join(Set<String> fleet, String node, double t) {
        events.add(new MembershipEvent(t, EventKind.JOIN, node, "", ""));
        Set<String> after = new TreeSet<>(fleet);
        after.add(node);
        redistribution.add(change(t, ChangeKind.JOIN, node, fleet, after));
        fleet.add(node);
        views.add(new ViewSample(t + 0.05, node, fleet.size()));
        spread(fleet, node, t + 0.2, fleet.size());
        peer(t + 0.4, node, "viewer", true);
        peer(t + 1.1, node, "participant", true);
    }

    private void crash(Set<String> fleet, String node, double t) {
        events.add(new MembershipEvent(t, EventKind.CRASH, node, "", ""));
        events.add(new MembershipEvent(t + 2.1, EventKind.SUSPECT, node, "node-1", "probe and indirect probes failed"));
        events.add(new MembershipEvent(t + 12.1, EventKind.DEAD, node, "node-1", "suspicion timed out"));
        Set<String> after = new TreeSet<>(fleet);
        after.remove(node);
        redistribution.add(change(t, ChangeKind.LEAVE, node, fleet, after));
        fleet.remove(node);
        spread(fleet, null, t + 12.1, fleet.size());
        peer(t + 12.4, node, "participant", false);
    }

    private void leave(Set<String> fleet, String node, double t) {
        events.add(new MembershipEvent(t, EventKind.LEAVE, node, "", "graceful"));
        Set<String> after = new TreeSet<>(fleet);
        after.remove(node);
        redistribution.add(change(t, ChangeKind.LEAVE, node, fleet, after));
        fleet.remove(node);
        peer(t + 0.2, node, "terminating", true);
        spread(fleet, null, t + 1.0, fleet.size());
        peer(t + 1.5, node, "terminating", false);
    }

    /** Every member but {@code except} learns the new size, one gossip round apart. */
    private void spread(Set<String> fleet, String except, double from, int size) {
        int k = 0;
        for (String n : fleet) {
            if (!n.equals(except)) {
                views.add(new ViewSample(round(from + 0.2 * k++), n, size));
            }
        }
    }

    private void peer(double t, String name, String state, boolean present) {
        int index = Integer.parseInt(name.substring("node-".length()));
        peerChanges.add(new PeerTableLog.Entry(round(t), name, "10.0.0." + (index + 1) + ":12345", state,
                name.equals(OBSERVER), present));
    }

    private Redistribution change(double t, ChangeKind kind, String node, Set<String> before, Set<String> after) {
        Sharder old = ring(before);
        Sharder now = ring(after);
        long moved = 0;
        long misplaced = 0;
        for (long key : keys) {
            String a = old.owner(key, Op.READ_WRITE).name();
            String b = now.owner(key, Op.READ_WRITE).name();
            if (!a.equals(b)) {
                moved++;
                boolean expected = kind == ChangeKind.JOIN ? b.equals(node) : a.equals(node);
                if (!expected) {
                    misplaced++;
                }
            }
        }
        int n = before.size();
        double ideal = kind == ChangeKind.JOIN ? 1.0 / (n + 1) : 1.0 / n;
        // A node's share varies by about 1/sqrt(V) of itself; sampling T targets adds binomial noise.
        double sd = Math.sqrt(Math.pow(ideal / Math.sqrt(TOKENS), 2) + ideal * (1 - ideal) / TARGETS);
        double fraction = (double) moved / TARGETS;
        return new Redistribution(t, kind, node, n, after.size(), moved, fraction, ideal, fraction / ideal,
                Math.max(0, ideal - 2 * sd), ideal + 2 * sd, misplaced);
    }

    private static Sharder ring(Collection<String> names) {
        Sharder s = HashingAlgorithm.ALLOY_RING.create(TOKENS);
        s.setPeers(names.stream().map(Peer::participant).toList());
        return s;
    }

    /** Sampled every second: double ownership while a change gossips, nobody owning a crashed node's targets until it is declared dead. */
    private List<AgreementSample> agreement() {
        List<AgreementSample> samples = new ArrayList<>();
        for (int t = 0; t <= (int) DURATION; t++) {
            long unowned = 0;
            long doubled = 0;
            int live = t < 20 ? 6 : t < 40 ? 7 : t < 60 ? 8 : t < 80 ? 7 : 6;
            for (Redistribution r : redistribution) {
                double since = t - r.time();
                if (r.kind() == ChangeKind.JOIN && since >= 0 && since < 3) {
                    doubled += Math.round(r.moved() * (1 - since / 3));
                } else if (r.node().equals("node-3") && since >= 0 && since < 13) {
                    unowned += r.moved();
                } else if (r.kind() == ChangeKind.LEAVE && since >= 0 && since < 2) {
                    unowned += Math.round(r.moved() * (1 - since / 2) * 0.5);
                }
            }
            samples.add(new AgreementSample(t, live, unowned, doubled, unowned, doubled, t == 0 ? 0 : unowned, t == 0 ? 0 : doubled));
        }
        return samples;
    }

    private static AgreementTotals totals(List<AgreementSample> samples) {
        double unowned = 0;
        double doubled = 0;
        long maxU = 0;
        long maxD = 0;
        for (AgreementSample s : samples) {
            unowned += s.unownedTargetSeconds();
            doubled += s.doubleOwnedTargetSeconds();
            maxU = Math.max(maxU, s.unowned());
            maxD = Math.max(maxD, s.doubleOwned());
        }
        return new AgreementTotals(unowned, doubled, maxU, maxD);
    }

    private LoadSummary load(Set<String> fleet) {
        Sharder s = ring(fleet);
        Map<String, Long> counts = new TreeMap<>();
        fleet.forEach(n -> counts.put(n, 0L));
        for (long key : keys) {
            counts.merge(s.owner(key, Op.READ_WRITE).name(), 1L, Long::sum);
        }
        double mean = (double) TARGETS / fleet.size();
        double max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        double var = counts.values().stream().mapToDouble(c -> (c - mean) * (c - mean)).sum() / fleet.size();
        List<LoadSummary.NodeLoad> perNode = counts.entrySet().stream()
                .map(e -> new LoadSummary.NodeLoad(e.getKey(), e.getValue())).toList();
        double bound = Math.sqrt(1.0 / TOKENS + (fleet.size() - 1.0) / TARGETS);
        return new LoadSummary(perNode, mean, max / mean, Math.sqrt(var) / mean, bound);
    }

    private static MembershipStats membership() {
        return new MembershipStats(
                List.of(
                        new MembershipStats.Convergence(20.0, ChangeKind.JOIN, "node-6", 0.4, 0.8, 1.0, 1.0, 0.9),
                        new MembershipStats.Convergence(40.0, ChangeKind.JOIN, "node-7", 0.4, 1.0, 1.2, 1.2, 0.9),
                        new MembershipStats.Convergence(60.0, ChangeKind.CRASH, "node-3", 12.1, 12.7, 13.1, 13.1, 12.5),
                        new MembershipStats.Convergence(80.0, ChangeKind.LEAVE, "node-2", 0.6, 1.0, 1.4, 1.4, 0.9)),
                List.of(new MembershipStats.Detection(60.0, "node-3", 12.1, 13.1)),
                0, 0, 9.8, 1830.0);
    }

    private static double round(double t) {
        return Math.round(t * 1000) / 1000.0;
    }

    /** The committed sample as a file on disk. */
    public static Path file() throws java.net.URISyntaxException {
        return Path.of(SampleResult.class.getResource(RESOURCE).toURI());
    }

    /** Rewrites the committed sample: {@code main <path of sample-scale-out.json>}. */
    public static void main(String[] args) throws Exception {
        ResultFiles.write(build(), Path.of(args[0]));
    }
}
