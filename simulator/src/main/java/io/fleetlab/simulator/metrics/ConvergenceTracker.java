package io.fleetlab.simulator.metrics;

import io.fleetlab.simulator.result.MembershipStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * For each fleet change (join, leave, crash), how long until the nodes that were up at that
 * moment learned it: from the immediate membership events (Joined, Left, Dead) of each observer.
 */
public final class ConvergenceTracker {
    private final List<Change> changes = new ArrayList<>();

    /** What an observer must hear for a change to count as seen. */
    public enum Signal { JOINED, LEFT, DEAD }

    /**
     * Starts tracking a change of {@code node} at {@code atNanos} (simulated, result time base
     * {@code timeSeconds}); {@code observers} are the nodes expected to hear {@code signal}.
     */
    public void begin(double timeSeconds, long atNanos, String kind, String node, Signal signal,
            List<String> observers, double modelP90) {
        Change c = new Change(timeSeconds, atNanos, kind, node, signal, new HashSet<>(observers), observers.size(), modelP90);
        changes.add(c);
    }

    /** {@code observer} heard {@code signal} about {@code node} at {@code nowNanos}. */
    public void heard(String observer, Signal signal, String node, long nowNanos) {
        for (int i = changes.size() - 1; i >= 0; i--) {
            Change c = changes.get(i);
            if (c.signal == signal && c.node.equals(node) && c.waiting.remove(observer)) {
                c.delays.add((nowNanos - c.atNanos) / 1e9);
                return;
            }
        }
    }

    /** An observer went down: it no longer counts for changes it had not yet seen. */
    public void observerGone(String observer) {
        for (Change c : changes) {
            if (c.waiting.remove(observer)) {
                c.expected--;
            }
        }
    }

    /** The same change seen by every observer at once (oracle membership). */
    public void instant(double timeSeconds, String kind, String node, int observers, double modelP90) {
        Change c = new Change(timeSeconds, 0, kind, node, Signal.JOINED, new HashSet<>(), observers, modelP90);
        for (int i = 0; i < observers; i++) {
            c.delays.add(0.0);
        }
        changes.add(c);
    }

    public List<MembershipStats.Convergence> convergence() {
        List<MembershipStats.Convergence> out = new ArrayList<>();
        for (Change c : changes) {
            out.add(new MembershipStats.Convergence(c.time, c.kind, c.node, c.quantile(0.5), c.quantile(0.9),
                    c.quantile(0.99), c.quantile(1.0), c.modelP90));
        }
        return out;
    }

    public List<MembershipStats.Detection> detections() {
        List<MembershipStats.Detection> out = new ArrayList<>();
        for (Change c : changes) {
            if (c.kind.equals("crash")) {
                double first = c.delays.isEmpty() ? Double.NaN : c.sorted()[0];
                out.add(new MembershipStats.Detection(c.time, c.node, first, c.quantile(1.0)));
            }
        }
        return out;
    }

    private static final class Change {
        final double time;
        final long atNanos;
        final String kind;
        final String node;
        final Signal signal;
        final Set<String> waiting;
        int expected;
        final double modelP90;
        final List<Double> delays = new ArrayList<>();

        Change(double time, long atNanos, String kind, String node, Signal signal, Set<String> waiting, int expected,
                double modelP90) {
            this.time = time;
            this.atNanos = atNanos;
            this.kind = kind;
            this.node = node;
            this.signal = signal;
            this.waiting = waiting;
            this.expected = expected;
            this.modelP90 = modelP90;
        }

        double[] sorted() {
            double[] d = delays.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(d);
            return d;
        }

        /** Time until a fraction q of the expected observers had heard; NaN if they never did. */
        double quantile(double q) {
            if (expected <= 0) {
                return 0;
            }
            int need = (int) Math.ceil(q * expected);
            double[] d = sorted();
            if (need < 1) {
                need = 1;
            }
            return need <= d.length ? d[need - 1] : Double.NaN;
        }
    }
}
