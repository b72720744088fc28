package io.fleetlab.viewer.charts;

/** Round tick units (1, 2 or 5 times a power of ten) for hand-ranged axes. */
final class NiceScale {
    private NiceScale() {}

    /** A round tick that splits {@code [0, span]} into about {@code ticks} steps. */
    static double tick(double span, int ticks) {
        if (!(span > 0) || Double.isInfinite(span)) {
            return 1;
        }
        double raw = span / ticks;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double unit = raw / power;
        double nice = unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10;
        return nice * power;
    }
}
