package io.fleetlab.simulator.workload;

import io.fleetlab.core.hash.KeyHasher;
import io.fleetlab.core.rebalance.TargetSet;
import io.fleetlab.simulator.input.InputException;
import io.fleetlab.simulator.input.InputLimits;
import io.fleetlab.simulator.input.PrometheusLabels;
import io.fleetlab.simulator.input.Target;
import io.fleetlab.simulator.input.TargetFiles;
import io.fleetlab.simulator.input.TargetFormat;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

    /**
     * The keys of an operator's target file, in a format of {@code fleetlab owner} ({@code auto},
     * {@code json}, {@code prometheus} or {@code text}).
     */
    public static TargetSet fromFile(Path file, String format) throws InputException {
        List<Target> targets = TargetFiles.read(file, TargetFormat.valueOf(format.toUpperCase(Locale.ROOT)),
                PrometheusLabels.DISCOVERY, InputLimits.DEFAULT);
        long[] keys = new long[targets.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = targets.get(i).key();
        }
        return TargetSet.of(keys);
    }

    private static String ip(UniformRandomProvider rng) {
        return "10." + rng.nextInt(256) + "." + rng.nextInt(256) + "." + rng.nextInt(256);
    }
}
