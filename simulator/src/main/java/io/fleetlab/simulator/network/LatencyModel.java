package io.fleetlab.simulator.network;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.ExponentialDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.UniformContinuousDistribution;

/**
 * One-way latency of a packet, in milliseconds, drawn from a distribution. Negative draws (a
 * normal's left tail) are clamped to {@code minMs}.
 *
 * @param distribution constant, uniform, normal, log-normal or exponential
 * @param meanMs       mean (constant: the value; log-normal: the median; exponential: the mean added to minMs)
 * @param spreadMs     sd for normal, half-width for uniform, unused otherwise
 * @param sigma        shape of the log-normal (sd of the log)
 * @param minMs        lower clamp, the speed of light of the link
 */
public record LatencyModel(String distribution, double meanMs, double spreadMs, double sigma, double minMs) {

    /** The kinds of distribution a scenario may name. */
    public static final java.util.List<String> KINDS = java.util.List.of("constant", "uniform", "normal", "log-normal", "exponential");

    /** A sampler bound to the run's random source. */
    public Sampler sampler(UniformRandomProvider rng) {
        ContinuousDistribution d = switch (distribution) {
            case "constant" -> null;
            case "uniform" -> UniformContinuousDistribution.of(meanMs - spreadMs, meanMs + spreadMs);
            case "normal" -> NormalDistribution.of(meanMs, spreadMs);
            case "log-normal" -> LogNormalDistribution.of(Math.log(meanMs), sigma);
            case "exponential" -> ExponentialDistribution.of(meanMs);
            default -> throw new IllegalArgumentException("unknown latency distribution '" + distribution + "'");
        };
        if (d == null) {
            long fixed = toNanos(Math.max(minMs, meanMs));
            return () -> fixed;
        }
        ContinuousDistribution.Sampler s = d.createSampler(rng);
        boolean shifted = distribution.equals("exponential");
        return () -> toNanos(Math.max(minMs, shifted ? minMs + s.sample() : s.sample()));
    }

    private static long toNanos(double ms) {
        return Math.round(ms * 1_000_000.0);
    }

    /** Draws one latency in nanoseconds. */
    @FunctionalInterface
    public interface Sampler {
        long sampleNanos();
    }
}
