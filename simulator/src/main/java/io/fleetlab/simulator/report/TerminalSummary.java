package io.fleetlab.simulator.report;

import io.fleetlab.simulator.result.MembershipStats;
import io.fleetlab.simulator.result.Redistribution;
import io.fleetlab.simulator.result.SimulationResult;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/** A readable summary of one run for the terminal. */
public final class TerminalSummary {
    private TerminalSummary() {}

    public static void print(SimulationResult r, double wallSeconds, PrintStream out) {
        out.printf(Locale.ROOT, "== %s  seed %d  %s (%d tokens)  %d targets  %.0f s simulated  %.1f s wall%n",
                r.scenario(), r.seed(), r.algorithm(), r.tokensPerNode(), r.targetCount(), r.durationSeconds(),
                wallSeconds);
        if (!r.redistribution().isEmpty()) {
            out.println("  redistribution (moved fraction vs ideal, 99% band):");
            int shown = 0;
            for (Redistribution d : r.redistribution()) {
                if (shown++ == 12) {
                    out.printf("    ... %d more%n", r.redistribution().size() - 12);
                    break;
                }
                out.printf(Locale.ROOT, "    %7.1fs %-6s %-14s %4d->%-4d moved %.4f ideal %.4f ratio %.3f [%.4f, %.4f] misplaced %d%n",
                        d.time(), d.kind(), d.node(), d.nodesBefore(), d.nodesAfter(), d.movedFraction(),
                        d.idealFraction(), d.ratio(), d.boundLow(), d.boundHigh(), d.misplaced());
            }
        }
        out.printf(Locale.ROOT, "  load: %d nodes, mean %.1f, peak-to-mean %.3f, relative sd %.4f (bound %.4f)%n",
                r.load().perNode().size(), r.load().mean(), r.load().peakToMean(), r.load().relativeSd(),
                r.load().boundRelativeSd());
        out.printf(Locale.ROOT, "  agreement: unowned %.1f target-s (max %d), double-owned %.1f target-s (max %d)%n",
                r.totals().unownedTargetSeconds(), r.totals().maxUnowned(), r.totals().doubleOwnedTargetSeconds(),
                r.totals().maxDoubleOwned());
        MembershipStats m = r.membership();
        if (!m.convergence().isEmpty()) {
            out.println("  convergence (s until 50/90/99/100% of up nodes saw it; model p90):");
            int shown = 0;
            for (MembershipStats.Convergence c : m.convergence()) {
                if (shown++ == 12) {
                    out.printf("    ... %d more%n", m.convergence().size() - 12);
                    break;
                }
                out.printf(Locale.ROOT, "    %7.1fs %-7s %-14s %6.2f %6.2f %6.2f %6.2f  model %.2f%n", c.time(), c.kind(),
                        c.node(), c.p50(), c.p90(), c.p99(), c.p100(), c.modelP90());
            }
        }
        for (MembershipStats.Detection d : m.detections()) {
            out.printf(Locale.ROOT, "  crash of %s at %.1fs: first declared dead after %.2f s, by all after %.2f s%n",
                    d.node(), d.time(), d.firstDead(), d.allDead());
        }
        out.printf(Locale.ROOT, "  gossip: %d false suspicions, %d false deaths, %.1f msgs and %.0f bytes per node per s%n",
                m.falseSuspicions(), m.falseDeaths(), m.messagesPerNodePerSecond(), m.bytesPerNodePerSecond());
    }

    /** One line per figure: used by sweeps. */
    public static void printFigures(Map<String, Double> figures, PrintStream out) {
        figures.forEach((k, v) -> out.printf(Locale.ROOT, "  %-28s %s%n", k, v));
    }
}
