package io.fleetlab.simulator.run;

/** Hears how far a run has got, in simulated seconds. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total) -> { };

    void progressed(double simulatedSeconds, double totalSeconds);
}
