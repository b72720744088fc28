package io.fleetlab.simulator.report;

import java.util.Locale;

/** Numbers for console tables: fixed decimals chosen by magnitude, never scientific notation. */
public final class Plain {
    private Plain() {}

    /** {@code 10,403}, {@code 29.9}, {@code 0.992}, {@code 0}; {@code n/a} for NaN. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        String format = a >= 1000 ? "%,.0f" : a >= 10 ? "%.1f" : "%.3f";
        return String.format(Locale.ROOT, format, v);
    }
}
