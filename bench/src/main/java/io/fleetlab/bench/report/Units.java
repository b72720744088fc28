package io.fleetlab.bench.report;

import java.io.IOException;
import java.util.Map;

/** Converts JMH score units to nanoseconds per operation. */
final class Units {
    private static final Map<String, Double> NANOS = Map.of("ns", 1.0, "us", 1e3, "ms", 1e6, "s", 1e9,
            "min", 60e9);

    private Units() {}

    /** {@code score} in {@code unit} (e.g. {@code us/op} or {@code ops/s}) as ns/op. */
    static double toNanosPerOp(double score, String unit, String mode, String where) throws IOException {
        if (unit.endsWith("/op")) {
            return score * nanos(unit.substring(0, unit.length() - 3), unit, where);
        }
        if (unit.startsWith("ops/")) {
            return nanos(unit.substring(4), unit, where) / score;
        }
        throw new IOException(where + ": unsupported score unit '" + unit + "' (mode " + mode
                + "); expected <time>/op or ops/<time>");
    }

    /** The error bar of {@code score +- error} in ns/op; for throughput, half the width of the inverted interval. */
    static double errorToNanosPerOp(double score, double error, String unit, String mode, String where)
            throws IOException {
        if (Double.isNaN(error)) {
            return Double.NaN;
        }
        if (unit.endsWith("/op")) {
            return toNanosPerOp(error, unit, mode, where);
        }
        double low = toNanosPerOp(score + error, unit, mode, where);
        double high = score - error > 0 ? toNanosPerOp(score - error, unit, mode, where) : Double.POSITIVE_INFINITY;
        return (high - low) / 2;
    }

    private static double nanos(String timeUnit, String unit, String where) throws IOException {
        Double factor = NANOS.get(timeUnit);
        if (factor == null) {
            throw new IOException(where + ": unknown time unit in '" + unit + "'; expected one of " + NANOS.keySet());
        }
        return factor;
    }
}
