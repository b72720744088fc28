package io.fleetlab.core.peer;

/**
 * A Lamport logical clock: {@link #tick()} before sending a message, {@link #observe(long)} on
 * receipt, so that a message sent after another was seen always carries a larger time.
 * Not thread-safe; owned by one node's event loop.
 *
 * <p>The clock saturates at {@link Long#MAX_VALUE} instead of wrapping (ckit's uint64 clock would
 * wrap to 0): a forged message carrying the largest time can pin the clock, but never make it
 * negative, which no encoder accepts.
 */
public final class LamportClock {
    private long time;

    /** The current time without advancing it. */
    public long now() {
        return time;
    }

    /** Advances the clock for a local event and returns the new time. */
    public long tick() {
        if (time < Long.MAX_VALUE) {
            time++;
        }
        return time;
    }

    /** Folds in a time seen on a received message: the clock moves past it if it was behind. */
    public void observe(long seen) {
        if (seen >= time) {
            time = seen == Long.MAX_VALUE ? seen : seen + 1;
        }
    }
}
