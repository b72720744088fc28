package io.fleetlab.simulator.metrics;

/**
 * How fast memberlist spreads one piece of news, modelled on what it does rather than on
 * synchronous rounds: every node runs its own gossip ticker with a random phase (state.go
 * {@code schedule}); at each tick it sends its queued broadcasts to {@code fanout} distinct random
 * other members ({@code gossip}, {@code kRandomNodes}); a broadcast is sent at most {@code limit =
 * retransmitMult x ceil(log10(n + 1))} times by each node that holds it ({@code retransmitLimit},
 * {@code TransmitLimitedQueue}), so a node informed at time s sends it on its first
 * {@code ceil(limit / fanout)} ticks after s, the last one to what is left of the limit; and the
 * news starts from an informed set (a joiner and the seeds its join push-pull reached, or the
 * leaver alone).
 *
 * <p>The model treats the senders as independent: a member that is not yet informed at t has
 * escaped every tick of every other member so far. For one sender informed at s with a uniform
 * phase, the chance that its ticks up to t all miss a given member is
 * M(t - s) = E over the phase of the product of (1 - c/(n - 1)) over its ticks before t (c targets
 * each, the last tick's c what is left of the limit). With G(t) the chance that a member not
 * initially informed is informed by t, and k initially informed members,
 * 1 - G(t) = M(t)^k x [1 - G(t) + integral of M(t - s) dG(s)]^(n - k - 1), solved step by step
 * (the bracket uses G up to the previous step). Keeping each sender's ticks as a product (not an
 * average rate) is what makes the model right at ten members as well as at a thousand. The
 * quantile returned is the time at which the expected share of informed observers reaches p,
 * which is what the nearest-rank quantile of learning times pooled over many runs estimates.
 */
public final class GossipSpreadModel {
    private static final int STEPS_PER_INTERVAL = 256;
    private static final int MAX_INTERVALS = 10_000;

    private final int n;
    private final int fanout;
    private final double intervalSeconds;
    private final int limit;
    private final int initiallyInformed;
    private final double latencySeconds;

    /**
     * @param n                 members, the one the news is about included
     * @param fanout            memberlist's {@code GossipNodes}
     * @param intervalSeconds   memberlist's {@code GossipInterval}
     * @param retransmitMult    memberlist's {@code RetransmitMult}
     * @param initiallyInformed members that hold the news at time 0, senders all (the subject included)
     * @param latencySeconds    one-way delivery time added to every hop
     */
    public GossipSpreadModel(int n, int fanout, double intervalSeconds, int retransmitMult, int initiallyInformed,
            double latencySeconds) {
        if (n < 2 || fanout < 1 || !(intervalSeconds > 0) || retransmitMult < 1 || initiallyInformed < 1
                || initiallyInformed > n || latencySeconds < 0) {
            throw new IllegalArgumentException("bad gossip model parameters: n " + n + ", fanout " + fanout + ", interval "
                    + intervalSeconds + ", retransmitMult " + retransmitMult + ", informed " + initiallyInformed);
        }
        this.n = n;
        this.fanout = fanout;
        this.intervalSeconds = intervalSeconds;
        this.limit = retransmitLimit(retransmitMult, n);
        this.initiallyInformed = initiallyInformed;
        this.latencySeconds = latencySeconds;
    }

    /** memberlist's {@code retransmitLimit}: mult x ceil(log10(n + 1)). */
    public static int retransmitLimit(int retransmitMult, int n) {
        return retransmitMult * (int) Math.ceil(Math.log10(n + 1.0));
    }

    /**
     * Seconds until a share {@code p} of the n - 1 observers (everyone but the subject) knows; the
     * initially informed other than the subject know at 0. Infinite when the news dies out first.
     */
    public double quantileSeconds(double p) {
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in (0, 1], got " + p);
        }
        int observers = n - 1;
        double knownAtStart = initiallyInformed - 1;
        int rest = n - initiallyInformed; // observers that must hear it by gossip
        if (knownAtStart >= p * observers - 1e-12 || rest == 0) {
            return 0;
        }
        int others = n - 1;
        int perTick = Math.min(fanout, others);
        int ticks = (limit + fanout - 1) / fanout;
        int last = Math.min(others, limit - (ticks - 1) * fanout);
        int steps = STEPS_PER_INTERVAL;
        double dt = intervalSeconds / steps;
        double fullMiss = 1 - perTick / (double) others;
        double lastMiss = 1 - last / (double) others;
        double[] miss = missByAge(steps, ticks, fullMiss, lastMiss);
        int window = miss.length - 1; // ages beyond it miss with miss[window]
        int maxSteps = MAX_INTERVALS * steps;
        double target = (p * observers - knownAtStart) / rest; // the G that gives share p
        // The subject's own phase sets the pace of the first steps for everyone; condition on it.
        Path[] paths = new Path[PHASES];
        for (int q = 0; q < PHASES; q++) {
            paths[q] = new Path((q + 0.5) * steps / PHASES);
        }
        double before = 0;
        for (int j = 1; j < maxSteps; j++) {
            double mean = 0;
            boolean alive = false;
            for (Path path : paths) {
                mean += path.step(j, miss, window, ticks, steps, fullMiss, lastMiss, rest) / PHASES;
                alive |= path.alive;
            }
            if (mean >= target) {
                double frac = mean > before ? (target - before) / (mean - before) : 1;
                return (j - 1 + frac) * dt + latencySeconds;
            }
            if (!alive && j > window) {
                return Double.POSITIVE_INFINITY; // every holder has spent its transmissions
            }
            before = mean;
        }
        return Double.POSITIVE_INFINITY;
    }

    private static final int PHASES = 32;

    /** The recursion for one phase of the subject's ticker. */
    private final class Path {
        final double subjectPhase;
        double[] born = new double[1024];
        double informedBefore;
        double oldMass;
        boolean alive = true;

        Path(double subjectPhase) {
            this.subjectPhase = subjectPhase;
        }

        /** G at step j. */
        double step(int j, double[] miss, int window, int ticks, int steps, double fullMiss, double lastMiss, int rest) {
            if (j >= born.length) {
                born = java.util.Arrays.copyOf(born, born.length * 2);
            }
            int oldest = j - window;
            if (oldest >= 1) {
                oldMass += born[oldest];
            }
            double bracket = 1 - informedBefore + oldMass * miss[window];
            for (int i = Math.max(1, oldest + 1); i < j; i++) {
                bracket += born[i] * miss[j - i];
            }
            double subject = 1;
            for (int k = 0; k < ticks; k++) {
                if (subjectPhase + k * steps <= j) {
                    subject *= k < ticks - 1 ? fullMiss : lastMiss;
                }
            }
            double seeds = Math.pow(miss[Math.min(j, window)], initiallyInformed - 1);
            double uninformed = subject * seeds * Math.pow(Math.max(0, bracket), rest - 1);
            double informed = 1 - uninformed;
            born[j] = informed - informedBefore;
            alive = !(j > window && born[j] < 1e-15 && subjectPhase + (ticks - 1) * steps <= j);
            informedBefore = informed;
            return informed;
        }
    }

    /**
     * M(age) for ages 0..ticks x steps (in steps): the chance, over a uniform phase, that all the
     * ticks a holder made within that age missed one given member.
     */
    private static double[] missByAge(int steps, int ticks, double fullMiss, double lastMiss) {
        double[] m = new double[ticks * steps + steps + 1];
        for (int u = 0; u < steps; u++) {
            double phase = u + 0.5; // first tick after this many steps
            for (int age = 0; age < m.length; age++) {
                double product = 1;
                for (int k = 0; k < ticks; k++) {
                    if (phase + k * steps <= age) {
                        product *= k < ticks - 1 ? fullMiss : lastMiss;
                    }
                }
                m[age] += product / steps;
            }
        }
        return m;
    }
}
