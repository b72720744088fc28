package io.fleetlab.core.membership.swim;

/**
 * Lifeguard's local health score: failed probes and refutations raise it, successful probes
 * lower it. A node that is itself slow then waits longer before blaming others: timeouts are
 * multiplied by {@code score + 1}.
 */
public final class Awareness {
    private final int max;
    private int score;

    /** @param max the multiplier's ceiling (the score stays in {@code 0..max-1}) */
    public Awareness(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("awareness max must be at least 1, got " + max);
        }
        this.max = max;
    }

    /** Adds {@code delta} to the score, clamped to {@code 0..max-1}. */
    public void apply(int delta) {
        score = Math.max(0, Math.min(max - 1, score + delta));
    }

    public int score() {
        return score;
    }

    /** {@code nanos} stretched by the current health: {@code nanos x (score + 1)}. */
    public long scale(long nanos) {
        return nanos * (score + 1);
    }
}
