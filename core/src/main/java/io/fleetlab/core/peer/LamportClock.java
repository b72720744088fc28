package io.fleetlab.core.peer;

/**
 * A Lamport logical clock: {@link #tick()} before sending a message, {@link #observe(long)} on
 * receipt, so that a message sent after another was seen always carries a larger time.
 * Not thread-safe; owned by one node's event loop.
 */
public final class LamportClock {
    private long time;

    /** The current time without advancing it. */
    public long now() {
        return time;
    }

    /** Advances the clock for a local event and returns the new time. */
    public long tick() {
        return ++time;
    }

    /** Folds in a time seen on a received message: the clock moves past it if it was behind. */
    public void observe(long seen) {
        if (seen >= time) {
            time = seen + 1;
        }
    }
}
