package io.fleetlab.simulator.metrics;

import io.fleetlab.simulator.result.ChangeKind;
import io.fleetlab.simulator.result.EventKind;
import io.fleetlab.simulator.result.MembershipStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * For each membership change, when each live node learned of it: a join is learned by a Joined
 * event about the node, a graceful leave by Left, a crash by Dead. Gives the 50/90/99/100%
 * convergence times and, for crashes, the detection times.
 */
public final class ConvergenceTracker {
    /** One change being watched. */
    private static final class Watch {
        final long startNanos;
        final ChangeKind kind;
        final String node;
        final Map<String, Long> seenAt = new LinkedHashMap<>();
        final List<String> observers;
        final double modelP90;

        Watch(long startNanos, ChangeKind kind, String node, List<String> observers, double modelP90) {
            this.startNanos = startNanos;
            this.kind = kind;
            this.node = node;
            this.observers = observers;
            this.modelP90 = modelP90;
        }
    }

    private final List<Watch> watches = new ArrayList<>();
    private final Map<String, Watch> openByNode = new HashMap<>();
    private final Map<String, Watch> openParticipant = new HashMap<>();

    /** Starts watching a change about {@code node}, to be learned by every one of {@code observers}. */
    public void watch(long nowNanos, ChangeKind kind, String node, List<String> observers, double modelP90Seconds) {
        Watch w = new Watch(nowNanos, kind, node, List.copyOf(observers), modelP90Seconds);
        watches.add(w);
        if (kind == ChangeKind.PARTICIPANT) {
            openParticipant.put(node, w);
        } else {
            openByNode.put(node, w);
        }
    }

    /** Every observer learned at once (a membership oracle). */
    public void learnedByAll(long nowNanos, String node) {
        for (Watch w : new Watch[] {openByNode.get(node), openParticipant.get(node)}) {
            if (w == null) {
                continue;
            }
            for (String o : w.observers) {
                w.seenAt.putIfAbsent(o, nowNanos);
            }
        }
    }

    /** {@code observer} learned, with an event of {@code eventKind} (joined, left, dead), about {@code node}. */
    public void learned(long nowNanos, String observer, EventKind eventKind, String node) {
        Watch w = openByNode.get(node);
        if (w == null) {
            return;
        }
        boolean matches = switch (w.kind) {
            case JOIN, RESTART -> eventKind == EventKind.JOINED;
            case LEAVE, CRASH -> eventKind == EventKind.LEFT || eventKind == EventKind.DEAD;
            case PARTICIPANT -> false;
        };
        seen(w, matches, observer, nowNanos);
    }

    /** {@code observer} learned that the joiner {@code node} is a participant. */
    public void learnedParticipant(long nowNanos, String observer, String node) {
        Watch w = openParticipant.get(node);
        if (w != null) {
            seen(w, true, observer, nowNanos);
        }
    }

    private static void seen(Watch w, boolean matches, String observer, long nowNanos) {
        if (matches && w.observers.contains(observer)) {
            w.seenAt.putIfAbsent(observer, nowNanos);
        }
    }

    /** Observers that went down meanwhile cannot learn; they leave the denominator. */
    public List<MembershipStats.Convergence> convergence(Set<String> everDown) {
        List<MembershipStats.Convergence> out = new ArrayList<>();
        for (Watch w : watches) {
            double[] delays = delays(w, everDown);
            out.add(new MembershipStats.Convergence(w.startNanos / 1e9, w.kind, w.node, percentile(delays, 0.5),
                    percentile(delays, 0.9), percentile(delays, 0.99), percentile(delays, 1.0), w.modelP90));
        }
        return out;
    }

    public List<MembershipStats.Detection> detections(Set<String> everDown) {
        List<MembershipStats.Detection> out = new ArrayList<>();
        for (Watch w : watches) {
            if (w.kind == ChangeKind.CRASH) {
                double[] delays = delays(w, everDown);
                double first = Double.NaN;
                for (double d : delays) {
                    if (!Double.isNaN(d)) {
                        first = Double.isNaN(first) ? d : Math.min(first, d);
                    }
                }
                out.add(new MembershipStats.Detection(w.startNanos / 1e9, w.node, first, percentile(delays, 1.0)));
            }
        }
        return out;
    }

    private static double[] delays(Watch w, Set<String> everDown) {
        List<Double> d = new ArrayList<>();
        for (String o : w.observers) {
            if (everDown.contains(o) && !w.seenAt.containsKey(o)) {
                continue;
            }
            Long at = w.seenAt.get(o);
            d.add(at == null ? Double.NaN : (at - w.startNanos) / 1e9);
        }
        return d.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The p-quantile (nearest rank) of the delays; NaN if that rank never learned. */
    static double percentile(double[] delays, double p) {
        if (delays.length == 0) {
            return Double.NaN;
        }
        double[] sorted = delays.clone();
        for (int i = 0; i < sorted.length; i++) {
            if (Double.isNaN(sorted[i])) {
                sorted[i] = Double.POSITIVE_INFINITY;
            }
        }
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p * sorted.length) - 1;
        double v = sorted[Math.max(0, rank)];
        return Double.isInfinite(v) ? Double.NaN : v;
    }
}
