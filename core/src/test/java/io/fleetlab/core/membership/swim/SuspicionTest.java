package io.fleetlab.core.membership.swim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.testkit.ManualScheduler;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SuspicionTest {
    private static final long MIN = Duration.ofSeconds(20).toNanos();
    private static final long MAX = 6 * MIN;

    @Test
    void withoutConfirmationsTheMaximumApplies() {
        ManualScheduler s = new ManualScheduler();
        long[] firedAt = {-1};
        new Suspicion(s, "a", 2, MIN, MAX, () -> firedAt[0] = s.nowNanos());
        s.runFor(Duration.ofSeconds(200));
        assertEquals(MAX, firedAt[0]);
    }

    @Test
    void withNoConfirmationsExpectedTheMinimumApplies() {
        ManualScheduler s = new ManualScheduler();
        long[] firedAt = {-1};
        new Suspicion(s, "a", 0, MIN, MAX, () -> firedAt[0] = s.nowNanos());
        s.runFor(Duration.ofSeconds(200));
        assertEquals(MIN, firedAt[0]);
    }

    @Test
    void independentConfirmationsShortenTheTimer() {
        ManualScheduler s = new ManualScheduler();
        long[] firedAt = {-1};
        Suspicion sus = new Suspicion(s, "a", 2, MIN, MAX, () -> firedAt[0] = s.nowNanos());
        s.runFor(Duration.ofSeconds(10));
        assertFalse(sus.confirm("a"), "the accuser does not confirm itself");
        assertTrue(sus.confirm("b"));
        assertFalse(sus.confirm("b"), "a confirmation counts once");
        assertEquals(Duration.ofMillis(56_907).toNanos(), sus.deadlineNanos());
        s.runFor(Duration.ofSeconds(5));
        assertTrue(sus.confirm("c"));
        assertFalse(sus.confirm("d"), "no more than k confirmations");
        s.runFor(Duration.ofSeconds(200));
        assertEquals(MIN, firedAt[0], "two of two confirmations bring the deadline down to the minimum");
    }

    @Test
    void confirmationPastTheShrunkDeadlineFiresAtOnce() {
        ManualScheduler s = new ManualScheduler();
        long[] firedAt = {-1};
        Suspicion sus = new Suspicion(s, "a", 1, MIN, MAX, () -> firedAt[0] = s.nowNanos());
        s.runFor(Duration.ofSeconds(30));
        assertTrue(sus.confirm("b"));
        s.runFor(Duration.ofMillis(1));
        assertEquals(Duration.ofSeconds(30).toNanos(), firedAt[0]);
    }

    @Test
    void cancelledSuspicionNeverFires() {
        ManualScheduler s = new ManualScheduler();
        boolean[] fired = {false};
        Suspicion sus = new Suspicion(s, "a", 2, MIN, MAX, () -> fired[0] = true);
        sus.cancel();
        s.runFor(Duration.ofSeconds(500));
        assertFalse(fired[0]);
    }
}
