package io.fleetlab.core.membership.swim;

import io.fleetlab.core.time.Cancellable;
import io.fleetlab.core.time.Scheduler;
import java.util.HashSet;
import java.util.Set;

/**
 * Lifeguard's suspicion timer for one suspected member. It starts at the maximum timeout and
 * shrinks towards the minimum each time another member independently confirms the suspicion,
 * so well-corroborated failures are declared sooner.
 */
public final class Suspicion {
    private final Scheduler scheduler;
    private final int k;
    private final long minNanos;
    private final long maxNanos;
    private final long startNanos;
    private final Runnable onTimeout;
    private final Set<String> confirmations = new HashSet<>();
    private int n;
    private Cancellable timer;
    private boolean fired;

    /**
     * @param from      who raised the suspicion (does not count as a confirmation)
     * @param k         confirmations expected; below 1 the minimum timeout applies from the start
     * @param onTimeout run when the timer expires
     */
    public Suspicion(Scheduler scheduler, String from, int k, long minNanos, long maxNanos, Runnable onTimeout) {
        this.scheduler = scheduler;
        this.k = k;
        this.minNanos = minNanos;
        this.maxNanos = maxNanos;
        this.onTimeout = onTimeout;
        this.startNanos = scheduler.nowNanos();
        confirmations.add(from);
        timer = scheduler.schedule(k < 1 ? minNanos : maxNanos, this::fire);
    }

    /**
     * Counts an independent confirmation from {@code from}.
     *
     * @return true if it was new (and so worth re-gossiping)
     */
    public boolean confirm(String from) {
        if (fired || n >= k || !confirmations.add(from)) {
            return false;
        }
        n++;
        long remaining = SwimMath.remainingSuspicionNanos(n, k, scheduler.nowNanos() - startNanos, minNanos, maxNanos);
        timer.cancel();
        timer = scheduler.schedule(Math.max(0, remaining), this::fire);
        return true;
    }

    /** Stops the timer (the suspicion was refuted or superseded). */
    public void cancel() {
        fired = true;
        timer.cancel();
    }

    /** Independent confirmations so far. */
    public int confirmations() {
        return n;
    }

    /** The scheduler time at which the timer will fire if nothing changes. */
    public long deadlineNanos() {
        return startNanos + (k < 1 ? minNanos
                : Math.max(0, SwimMath.remainingSuspicionNanos(n, k, 0, minNanos, maxNanos)));
    }

    private void fire() {
        if (!fired) {
            fired = true;
            onTimeout.run();
        }
    }
}
