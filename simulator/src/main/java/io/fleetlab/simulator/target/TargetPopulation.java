package io.fleetlab.simulator.target;

import io.fleetlab.core.hash.KeyHasher;
import io.fleetlab.core.rebalance.TargetSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/** Builds the target population of a run: label sets shaped like real discovery output, hashed as Alloy does. */
public final class TargetPopulation {
    private TargetPopulation() {}

    /**
     * @param shape {@code kubernetes-pods} (address, namespace, pod, container and __meta_ labels),
     *              {@code node-exporters} (address and job) or {@code strings} ({@code target-i})
     */
    public static TargetSet generate(String shape, int count, UniformRandomProvider rng) {
        KeyHasher hasher = new KeyHasher();
        long[] keys = new long[count];
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            labels.clear();
            switch (shape) {
                case "kubernetes-pods" -> {
                    labels.put("__address__", ip(rng) + ":" + (8000 + rng.nextInt(2000)));
                    labels.put("namespace", "ns-" + rng.nextInt(40));
                    labels.put("pod", "app-" + i + "-" + Integer.toHexString(rng.nextInt()));
                    labels.put("container", rng.nextBoolean() ? "main" : "sidecar");
                    labels.put("job", "kubernetes-pods");
                    labels.put("__meta_kubernetes_pod_uid", Long.toHexString(rng.nextLong()));
                    labels.put("__meta_kubernetes_pod_ready", "true");
                    keys[i] = hasher.labels(labels);
                }
                case "node-exporters" -> {
                    labels.put("__address__", ip(rng) + ":9100");
                    labels.put("job", "node");
                    keys[i] = hasher.labels(labels);
                }
                case "strings" -> keys[i] = hasher.string("target-" + i);
                default -> throw new IllegalArgumentException("unknown target shape '" + shape + "'");
            }
        }
        return TargetSet.of(keys);
    }

    private static String ip(UniformRandomProvider rng) {
        return "10." + rng.nextInt(256) + "." + rng.nextInt(256) + "." + rng.nextInt(256);
    }
}
