package io.fleetlab.core.time;

/** A scheduled task that can still be called off. Cancelling twice, or after it ran, is a no-op. */
@FunctionalInterface
public interface Cancellable {
    void cancel();
}
