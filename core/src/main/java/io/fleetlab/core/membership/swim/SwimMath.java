package io.fleetlab.core.membership.swim;

/** The protocol's sizing formulas, as memberlist computes them. */
public final class SwimMath {
    /** Above this many members the push-pull interval grows. */
    public static final int PUSH_PULL_SCALE_THRESHOLD = 32;

    private SwimMath() {
    }

    /**
     * The minimum suspicion timeout: {@code mult x max(1, log10 n) x probeInterval} (memberlist
     * keeps three decimals of the scale).
     */
    public static long suspicionTimeoutNanos(int mult, int n, long probeIntervalNanos) {
        double nodeScale = Math.max(1.0, Math.log10(Math.max(1.0, n)));
        return mult * (long) (nodeScale * 1000) * probeIntervalNanos / 1000;
    }

    /**
     * Lifeguard: how much longer a suspicion lasts after {@code n} of {@code k} expected independent
     * confirmations, {@code elapsedNanos} after it started. The full timeout falls from {@code max}
     * towards {@code min} as {@code log(n + 1) / log(k + 1)}, rounded down to milliseconds; the
     * result may be zero or negative (expire now).
     */
    public static long remainingSuspicionNanos(int n, int k, long elapsedNanos, long minNanos, long maxNanos) {
        double frac = Math.log(n + 1.0) / Math.log(k + 1.0);
        double raw = maxNanos / 1e9 - frac * (maxNanos / 1e9 - minNanos / 1e9);
        long timeout = (long) Math.floor(1000.0 * raw) * 1_000_000L;
        if (timeout < minNanos) {
            timeout = minNanos;
        }
        return timeout - elapsedNanos;
    }

    /** How many times a broadcast is sent: {@code mult x ceil(log10(n + 1))}. */
    public static int retransmitLimit(int mult, int n) {
        double nodeScale = Math.ceil(Math.log10(n + 1.0));
        return mult * (int) nodeScale;
    }

    /** The push-pull interval, stretched by {@code ceil(log2 n - log2 32) + 1} above 32 members. */
    public static long pushPullScaleNanos(long intervalNanos, int n) {
        if (n <= PUSH_PULL_SCALE_THRESHOLD) {
            return intervalNanos;
        }
        double multiplier = Math.ceil(log2(n) - log2(PUSH_PULL_SCALE_THRESHOLD)) + 1.0;
        return (long) multiplier * intervalNanos;
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }
}
