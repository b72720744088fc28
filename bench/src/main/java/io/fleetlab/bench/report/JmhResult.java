package io.fleetlab.bench.report;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * One benchmark result from a JMH JSON file, its time normalised to nanoseconds per operation.
 *
 * @param benchmark  fully qualified benchmark method
 * @param params     JMH parameters, in the file's order
 * @param nanosPerOp the primary score as ns/op (throughput scores are inverted)
 * @param errorNanos the primary score's 99.9% error as ns/op, NaN when JMH could not compute one
 * @param bytesPerOp allocation per operation, present when the run used {@code -prof gc}
 * @param others     other secondary metrics (e.g. auxiliary counters), name to score and unit
 */
public record JmhResult(String benchmark, Map<String, String> params, double nanosPerOp, double errorNanos,
        OptionalDouble bytesPerOp, Map<String, Metric> others) {

    /** A secondary metric's score and unit. */
    public record Metric(double score, String unit) {}

    /** The benchmark without the package of this suite, e.g. {@code lookup.LookupBench.owner}. */
    public String shortName() {
        String prefix = "io.fleetlab.bench.";
        return benchmark.startsWith(prefix) ? benchmark.substring(prefix.length()) : benchmark;
    }

    /** Whether every parameter of {@code other} has the same value here. */
    public boolean hasParamsOf(JmhResult other) {
        for (Map.Entry<String, String> p : other.params.entrySet()) {
            if (!p.getValue().equals(params.get(p.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
