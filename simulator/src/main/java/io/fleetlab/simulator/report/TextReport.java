package io.fleetlab.simulator.report;

import io.fleetlab.simulator.result.MembershipStats;
import io.fleetlab.simulator.result.Redistribution;
import io.fleetlab.simulator.result.SimulationResult;
import java.util.Locale;

/** A run's summary for people: what moved against the ideal, who disagreed for how long, how fast the fleet learned. */
public final class TextReport {
    private TextReport() {}

    /** Simulated seconds per wall second with two significant digits: large fleets run slower than real time. */
    static String speed(double simulatedSeconds, double wallSeconds) {
        if (wallSeconds <= 0) {
            return "no wall time measured";
        }
        double x = simulatedSeconds / wallSeconds;
        if (x < 1) { // two significant digits, never in scientific notation
            return new java.math.BigDecimal(x).round(new java.math.MathContext(2)).toPlainString() + "x real time";
        }
        return String.format(Locale.ROOT, (x >= 10 ? "%.0f" : "%.1f") + "x real time", x);
    }

    public static String render(SimulationResult r, double wallSeconds) {
        StringBuilder sb = new StringBuilder();
        f(sb, "Scenario %s, seed %d, %s with %d tokens per node, %,d targets, %.0f s simulated in %.1f s (%s)%n",
                r.scenario(), r.seed(), r.algorithm(), r.tokensPerNode(), r.targetCount(), r.durationSeconds(), wallSeconds,
                speed(r.durationSeconds(), wallSeconds));
        sb.append('\n').append("Redistribution (moved fraction of targets vs the ideal 1/(N+1) on a join, 1/N on a leave)\n");
        if (r.redistribution().isEmpty()) {
            sb.append("  no membership changes\n");
        } else {
            f(sb, "  %8s  %-8s %-14s %5s %9s %9s %7s  %-19s %s%n", "time", "kind", "node", "N", "moved", "ideal", "ratio",
                    "99% band", "misplaced");
            for (Redistribution d : r.redistribution()) {
                f(sb, "  %7.1fs  %-8s %-14s %2d>%-2d %9.5f %9.5f %7.3f  [%.5f, %.5f] %d%n", d.time(), d.kind(), d.node(),
                        d.nodesBefore(), d.nodesAfter(), d.movedFraction(), d.idealFraction(), d.ratio(), d.boundLow(),
                        d.boundHigh(), d.misplaced());
            }
            double mean = r.redistribution().stream().mapToDouble(Redistribution::ratio).average().orElse(Double.NaN);
            f(sb, "  mean ratio moved/ideal: %.3f over %d changes%n", mean, r.redistribution().size());
        }
        var load = r.load();
        f(sb, "%nLoad at the end: %d nodes, mean %.1f targets, peak/mean %.3f, relative sd %.4f (expected %.4f)%n",
                load.perNode().size(), load.mean(), load.peakToMean(), load.relativeSd(), load.boundRelativeSd());
        var t = r.totals();
        f(sb, "%nOwnership agreement (from the first action on)%n  unowned: %.1f target-seconds, at most %d at once%n"
                + "  double-owned: %.1f target-seconds, at most %d at once%n",
                t.unownedTargetSeconds(), t.maxUnowned(), t.doubleOwnedTargetSeconds(), t.maxDoubleOwned());
        MembershipStats m = r.membership();
        sb.append("\nMembership\n");
        if (!m.convergence().isEmpty()) {
            f(sb, "  %8s  %-8s %-14s %8s %8s %8s %8s %10s%n", "time", "kind", "node", "p50", "p90", "p99", "p100", "theory");
            for (MembershipStats.Convergence c : m.convergence()) {
                f(sb, "  %7.1fs  %-8s %-14s %8s %8s %8s %8s %10s%n", c.time(), c.kind(), c.node(), s(c.p50()), s(c.p90()),
                        s(c.p99()), s(c.p100()), s(c.modelP90()));
            }
        }
        for (MembershipStats.Detection d : m.detections()) {
            f(sb, "  crash of %s at %.1fs: first declared dead after %s, by everyone after %s%n", d.node(), d.time(),
                    s(d.firstDead()), s(d.allDead()));
        }
        f(sb, "  false suspicions %d, false deaths %d, %.1f messages and %.0f bytes per node per second%n",
                m.falseSuspicions(), m.falseDeaths(), m.messagesPerNodePerSecond(), m.bytesPerNodePerSecond());
        return sb.toString();
    }

    private static String s(double seconds) {
        return Double.isNaN(seconds) ? "never" : String.format(Locale.ROOT, "%.2fs", seconds);
    }

    private static void f(StringBuilder sb, String format, Object... args) {
        sb.append(String.format(Locale.ROOT, format, args));
    }

    /** One line on what the transport did, for a single run's report. */
    public static String transport(String kind, io.fleetlab.simulator.network.TransportCounters c) {
        return String.format(Locale.ROOT,
                "Transport %s: %,d packets sent, %,d lost, %,d dropped from full queues, %,d posts timed out,"
                        + " %,d failed, %,d stream failures, %,d retransmissions, %,d connections opened%n",
                kind, c.packetsSent(), c.packetsLost(), c.queueDrops(), c.sendTimeouts(), c.sendFailures(),
                c.streamFailures(), c.retransmissions(), c.connectionsOpened());
    }
}
