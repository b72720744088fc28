package io.fleetlab.viewer.charts;

import io.fleetlab.simulator.result.SimulationResult;
import java.util.Locale;

/** What every figure's title names, so an exported PNG says which run it shows. */
public final class RunTitle {
    private RunTitle() {}

    /** {@code scale-out · alloy-ring · seed 42}. */
    public static String of(SimulationResult r) {
        return String.format(Locale.ROOT, "%s \u00b7 %s \u00b7 seed %d", r.scenario(), r.algorithm(), r.seed());
    }

    /** {@code what} and the run on the first line, e.g. {@code Load (scale-out · alloy-ring · seed 42)}, the detail on the second. */
    public static String titled(String what, SimulationResult r, String detail) {
        return what + " (" + of(r) + ")" + (detail == null || detail.isEmpty() ? "" : "\n" + detail);
    }
}
