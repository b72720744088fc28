package io.fleetlab.simulator.metrics;

/**
 * The expected time until a crashed member is declared dead, from what memberlist does (state.go):
 * every live member probes one member per probe interval, round-robin through its shuffled list
 * ({@code probe}, {@code probeNode}), so with n - 1 live members the crashed one is first probed
 * after about (n - 1) P / n, the k-th independent prober after k (n - 1) P / n; a probe that gets
 * no ack, direct or indirect, suspects at the end of its interval; the suspicion timeout starts at
 * max = {@code SuspicionMaxTimeoutMult} x min, with min = {@code SuspicionMult} x max(1, log10 n)
 * x P, and shrinks with each independent confirmation toward min, reaching it at
 * {@code SuspicionMult - 2} confirmations ({@code suspicion.go} remainingSuspicionTime); the first
 * member whose timer expires declares it dead, and the dead message spreads by gossip.
 */
public final class CrashDetectionModel {
    private CrashDetectionModel() {}

    /**
     * Expected seconds until the first member declares the crashed one dead.
     *
     * @param n                members before the crash, the crashed one included
     * @param probeSeconds     memberlist's {@code ProbeInterval}
     * @param suspicionMult    memberlist's {@code SuspicionMult}
     * @param maxTimeoutMult   memberlist's {@code SuspicionMaxTimeoutMult}
     */
    public static double firstDeadSeconds(int n, double probeSeconds, int suspicionMult, int maxTimeoutMult) {
        if (n < 2) {
            return Double.NaN;
        }
        int live = n - 1;
        double min = suspicionMult * Math.max(1.0, Math.log10(n)) * probeSeconds;
        double max = maxTimeoutMult * min;
        // suspectNode: k = SuspicionMult - 2 confirmations, none expected when n - 2 < k.
        int needed = Math.max(0, suspicionMult - 2);
        if (n - 2 < needed) {
            needed = 0;
        }
        double spacing = live * probeSeconds / (live + 1.0); // expected gap between order statistics of U(0, live P)
        double suspected = spacing + probeSeconds;
        // The first suspector's timer against the confirmations of later independent probes.
        double deadline = suspected + timeout(0, needed, min, max);
        for (int c = 1; c <= Math.min(needed, live - 1); c++) {
            double confirmedAt = (c + 1) * spacing + probeSeconds;
            if (confirmedAt >= deadline) {
                break;
            }
            deadline = Math.max(confirmedAt, suspected + timeout(c, needed, min, max));
        }
        return deadline;
    }

    /** suspicion.go remainingSuspicionTime: max - log(c + 1) / log(k + 1) x (max - min), at least min. */
    static double timeout(int confirmations, int needed, double min, double max) {
        if (needed <= 0) {
            return min;
        }
        double frac = Math.log(confirmations + 1.0) / Math.log(needed + 1.0);
        return Math.max(min, max - frac * (max - min));
    }

    /**
     * Expected seconds until every live member knows: the first declaration plus the spread of the
     * dead message from that one member to all the others.
     */
    public static double allDeadSeconds(int n, double probeSeconds, int suspicionMult, int maxTimeoutMult,
            GossipSpreadModel deadSpread) {
        double p = n <= 2 ? 1 : 1 - 0.5 / (n - 2);
        return firstDeadSeconds(n, probeSeconds, suspicionMult, maxTimeoutMult) + deadSpread.quantileSeconds(p);
    }
}
