package io.fleetlab.simulator.report;

import io.fleetlab.simulator.result.MembershipStats;
import io.fleetlab.simulator.result.Redistribution;
import io.fleetlab.simulator.result.SimulationResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The headline figures of one run, by name, in a fixed order: what summaries and sweeps report. */
public final class RunFigures {
    private RunFigures() {}

    public static Map<String, Double> of(SimulationResult r) {
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("moved/ideal (mean)", mean(r.redistribution(), Redistribution::ratio));
        f.put("misplaced moves", r.redistribution().stream().mapToDouble(Redistribution::misplaced).sum());
        f.put("peak-to-mean load", r.load().peakToMean());
        f.put("relative sd load", r.load().relativeSd());
        f.put("unowned target-s", r.totals().unownedTargetSeconds());
        f.put("double-owned target-s", r.totals().doubleOwnedTargetSeconds());
        f.put("max unowned", (double) r.totals().maxUnowned());
        f.put("max double-owned", (double) r.totals().maxDoubleOwned());
        MembershipStats m = r.membership();
        f.put("convergence p90 s (mean)", mean(m.convergence(), MembershipStats.Convergence::p90));
        f.put("convergence p100 s (mean)", mean(m.convergence(), MembershipStats.Convergence::p100));
        f.put("model p90 s (mean)", mean(m.convergence(), MembershipStats.Convergence::modelP90));
        f.put("detection first s (mean)", mean(m.detections(), MembershipStats.Detection::firstDead));
        f.put("detection all s (mean)", mean(m.detections(), MembershipStats.Detection::allDead));
        f.put("false suspicions", (double) m.falseSuspicions());
        f.put("false deaths", (double) m.falseDeaths());
        f.put("msgs/node/s", m.messagesPerNodePerSecond());
        f.put("bytes/node/s", m.bytesPerNodePerSecond());
        return f;
    }

    /** Mean over the finite values; NaN when there are none. */
    static <T> double mean(List<T> items, ToDoubleFunction<T> value) {
        double sum = 0;
        int n = 0;
        for (T t : items) {
            double v = value.applyAsDouble(t);
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
