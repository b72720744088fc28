package io.fleetlab.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders results as a Markdown table: ns/op with its error, B/op, and the ratio to a baseline
 * benchmark measured in the same run. A row of the baseline's package is compared with the
 * baseline result whose parameters it shares (e.g. the same {@code nodes}); other rows get no ratio.
 */
public final class MarkdownTable {
    /** The counter in which whole-run benchmarks report the simulated seconds of one run. */
    static final String SIMULATED_SECONDS = "simulatedSeconds";

    private final String baseline;

    /** A table comparing against the benchmark named {@code baseline} (fully qualified, may be absent from the run). */
    public MarkdownTable(String baseline) {
        this.baseline = baseline;
    }

    /** The table, one row per result in the given order. */
    public String render(List<JmhResult> results) {
        List<JmhResult> baselines = results.stream().filter(r -> r.benchmark().equals(baseline)).toList();
        String ratioHeader = "x " + shortName(baseline);
        StringBuilder out = new StringBuilder();
        out.append("| Benchmark | Params | ns/op | ± ns/op | B/op | ").append(ratioHeader).append(" | Other |\n");
        out.append("|---|---|--:|--:|--:|--:|---|\n");
        for (JmhResult r : results) {
            out.append("| ").append(r.shortName())
                    .append(" | ").append(params(r.params()))
                    .append(" | ").append(number(r.nanosPerOp()))
                    .append(" | ").append(number(r.errorNanos()))
                    .append(" | ").append(r.bytesPerOp().isPresent() ? number(r.bytesPerOp().getAsDouble()) : "")
                    .append(" | ").append(ratio(r, baselines).map(x -> String.format(Locale.ROOT, "%.2f", x)).orElse(""))
                    .append(" | ").append(others(r))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static Optional<Double> ratio(JmhResult row, List<JmhResult> baselines) {
        for (JmhResult b : baselines) {
            if (packageOf(row.benchmark()).equals(packageOf(b.benchmark())) && row.hasParamsOf(b)
                    && b.nanosPerOp() > 0) {
                return Optional.of(row.nanosPerOp() / b.nanosPerOp());
            }
        }
        return Optional.empty();
    }

    private static String packageOf(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        int type = method < 0 ? -1 : benchmark.lastIndexOf('.', method - 1);
        return type < 0 ? "" : benchmark.substring(0, type);
    }

    private static String params(Map<String, String> params) {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** Auxiliary counters; a {@code simulatedSeconds} counter also gives the speed against real time. */
    private static String others(JmhResult r) {
        List<String> parts = new ArrayList<>();
        r.others().forEach((name, m) -> {
            String part = name + " " + number(m.score()) + " " + m.unit();
            if (name.equals(SIMULATED_SECONDS) && r.nanosPerOp() > 0) {
                part += " (" + number(m.score() / (r.nanosPerOp() / 1e9)) + "x real time)";
            }
            parts.add(part);
        });
        return String.join(", ", parts);
    }

    /** Three significant digits below 100, whole numbers with thousands separators above. */
    static String number(double x) {
        if (Double.isNaN(x)) {
            return "n/a";
        }
        if (Double.isInfinite(x)) {
            return "inf";
        }
        double abs = Math.abs(x);
        if (abs >= 100) {
            return String.format(Locale.ROOT, "%,.0f", x);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", x);
        }
        if (abs >= 0.01 || abs == 0) {
            return String.format(Locale.ROOT, "%.2f", x);
        }
        return String.format(Locale.ROOT, "%.1e", x);
    }

    private static String shortName(String benchmark) {
        String prefix = "io.fleetlab.bench.";
        return benchmark.startsWith(prefix) ? benchmark.substring(prefix.length()) : benchmark;
    }
}
