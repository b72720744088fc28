package io.fleetlab.simulator.network;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.ExponentialDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.UniformContinuousDistribution;

/**
 * One-way link latency in nanoseconds, drawn from a Commons Statistics distribution with the run's
 * random source. Negative draws (normal) are clamped to zero.
 */
public final class LatencyModel {
    private final ContinuousDistribution.Sampler sampler;
    private final long constantNanos;

    private LatencyModel(ContinuousDistribution.Sampler sampler, long constantNanos) {
        this.sampler = sampler;
        this.constantNanos = constantNanos;
    }

    /**
     * @param kind  constant, uniform, normal, lognormal or exponential
     * @param a     constant: the value; uniform: low; normal: mean; lognormal: median; exponential: mean (ns)
     * @param b     uniform: high; normal: sd (ns); lognormal: sigma (shape); unused otherwise
     */
    public static LatencyModel of(String kind, double a, double b, UniformRandomProvider rng) {
        return switch (kind) {
            case "constant" -> new LatencyModel(null, (long) a);
            case "uniform" -> new LatencyModel(UniformContinuousDistribution.of(a, b).createSampler(rng), 0);
            case "normal" -> new LatencyModel(NormalDistribution.of(a, b).createSampler(rng), 0);
            case "lognormal" -> new LatencyModel(LogNormalDistribution.of(Math.log(a), b).createSampler(rng), 0);
            case "exponential" -> new LatencyModel(ExponentialDistribution.of(a).createSampler(rng), 0);
            default -> throw new IllegalArgumentException("unknown latency distribution '" + kind + "'");
        };
    }

    public long sampleNanos() {
        if (sampler == null) {
            return constantNanos;
        }
        return Math.max(0L, (long) sampler.sample());
    }
}
