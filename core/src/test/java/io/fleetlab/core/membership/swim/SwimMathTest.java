package io.fleetlab.core.membership.swim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SwimMathTest {
    private static final long PROBE = Duration.ofSeconds(5).toNanos();

    @Test
    void suspicionTimeoutFollowsMultTimesLog10NTimesProbeInterval() {
        // Alloy: mult 4, probe 5 s -> 4 x max(1, log10 N) x 5 s
        assertEquals(Duration.ofSeconds(20).toNanos(), SwimMath.suspicionTimeoutNanos(4, 3, PROBE));
        assertEquals(Duration.ofSeconds(20).toNanos(), SwimMath.suspicionTimeoutNanos(4, 10, PROBE));
        assertEquals(Duration.ofSeconds(40).toNanos(), SwimMath.suspicionTimeoutNanos(4, 100, PROBE));
        assertEquals(Duration.ofSeconds(60).toNanos(), SwimMath.suspicionTimeoutNanos(4, 1000, PROBE));
        // between the decades memberlist keeps three decimals of log10 N: log10 50 = 1.69897 -> 1.698
        assertEquals(4 * 1698 * PROBE / 1000, SwimMath.suspicionTimeoutNanos(4, 50, PROBE));
        assertEquals(Duration.ofSeconds(20).toNanos(), SwimMath.suspicionTimeoutNanos(4, 0, PROBE));
    }

    @Test
    void remainingSuspicionShrinksLogarithmicallyWithConfirmations() {
        long min = Duration.ofSeconds(20).toNanos();
        long max = 6 * min;
        int k = 2;
        assertEquals(max, SwimMath.remainingSuspicionNanos(0, k, 0, min, max));
        // n = 1: frac = log 2 / log 3 = 0.63093 -> 120 - 0.63093 x 100 = 56.907 s (floored to ms)
        assertEquals(Duration.ofMillis(56_907).toNanos(), SwimMath.remainingSuspicionNanos(1, k, 0, min, max));
        assertEquals(min, SwimMath.remainingSuspicionNanos(2, k, 0, min, max));
        assertEquals(min - Duration.ofSeconds(5).toNanos(),
                SwimMath.remainingSuspicionNanos(2, k, Duration.ofSeconds(5).toNanos(), min, max));
        // never below min before subtracting elapsed time
        assertEquals(min, SwimMath.remainingSuspicionNanos(5, k, 0, min, max));
    }

    @Test
    void retransmitLimitIsMultTimesCeilLog10NPlusOne() {
        assertEquals(4, SwimMath.retransmitLimit(4, 1));
        assertEquals(4, SwimMath.retransmitLimit(4, 9));
        assertEquals(8, SwimMath.retransmitLimit(4, 10));
        assertEquals(8, SwimMath.retransmitLimit(4, 99));
        assertEquals(12, SwimMath.retransmitLimit(4, 100));
        assertEquals(16, SwimMath.retransmitLimit(4, 1000));
    }

    @Test
    void pushPullIntervalScalesAboveThirtyTwoNodes() {
        long i = Duration.ofSeconds(30).toNanos();
        assertEquals(i, SwimMath.pushPullScaleNanos(i, 32));
        assertEquals(2 * i, SwimMath.pushPullScaleNanos(i, 33));
        assertEquals(2 * i, SwimMath.pushPullScaleNanos(i, 64));
        assertEquals(3 * i, SwimMath.pushPullScaleNanos(i, 65));
        assertEquals(6 * i, SwimMath.pushPullScaleNanos(i, 1000));
    }
}
