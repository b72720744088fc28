package io.fleetlab.simulator.target;

import io.fleetlab.core.hash.TargetKeys;
import java.util.Map;
import java.util.TreeMap;

/**
 * The targets the whole fleet discovers (every node sees the same list, as with a shared service
 * discovery), each hashed the way Alloy's scrape component does ({@link TargetKeys#ofLabels}).
 */
public final class TargetPopulation {
    private final long[] keys;

    private TargetPopulation(long[] keys) {
        this.keys = keys;
    }

    /**
     * @param shape {@code job-instance}: job and instance labels; {@code pod}: Kubernetes-style
     *              job, namespace, pod, container and instance labels
     */
    public static TargetPopulation generate(int count, String shape, int jobs, Map<String, String> extraLabels) {
        long[] keys = new long[count];
        Map<String, String> labels = new TreeMap<>(extraLabels);
        for (int i = 0; i < count; i++) {
            int job = i % jobs;
            String host = "10." + ((i >>> 16) & 0xff) + "." + ((i >>> 8) & 0xff) + "." + (i & 0xff);
            labels.put("job", "job-" + job);
            if (shape.equals("pod")) {
                labels.put("namespace", "ns-" + (job % 7));
                labels.put("pod", "job-" + job + "-" + Long.toString((i * 2654435761L) & 0xffffffL, 36) + "-" + (i % 5));
                labels.put("container", "app");
                labels.put("instance", host + ":8080");
                labels.put("__meta_kubernetes_pod_uid", "uid-" + i);
            } else {
                labels.put("instance", host + ":9100");
            }
            keys[i] = TargetKeys.ofLabels(labels);
        }
        return new TargetPopulation(keys);
    }

    public static TargetPopulation ofKeys(long[] keys) {
        return new TargetPopulation(keys.clone());
    }

    public int size() {
        return keys.length;
    }

    public long key(int i) {
        return keys[i];
    }

    /** A copy of every key, index i = target i. */
    public long[] keys() {
        return keys.clone();
    }
}
