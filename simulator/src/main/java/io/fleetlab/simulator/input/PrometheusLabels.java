package io.fleetlab.simulator.input;

import java.util.Set;

/**
 * Which labels of a Prometheus {@code /api/v1/targets} entry identify the target. Prometheus'
 * {@code discoveredLabels} are the labels before relabelling, but {@code PopulateLabels}
 * ({@code scrape/target.go}) has already added {@code job}, {@code __scheme__},
 * {@code __metrics_path__}, {@code __scrape_interval__} and {@code __scrape_timeout__} from the
 * scrape configuration when they were missing. An Alloy discovery component exports none of those
 * (its {@code prometheus.scrape} sets them itself, after the cluster split), so by default they are
 * left out; {@code __meta_} labels never count ({@code discovery.Target.NonMetaLabelsHash}).
 */
public enum PrometheusLabels {
    /** {@code discoveredLabels} without the five scrape-configuration labels: what a discovery component exports. */
    DISCOVERY,
    /** Every non-meta label of {@code discoveredLabels}, as Prometheus shows them. */
    DISCOVERED;

    /** The labels Prometheus adds from the scrape configuration. */
    public static final Set<String> SCRAPE_CONFIG_LABELS =
            Set.of("job", "__scheme__", "__metrics_path__", "__scrape_interval__", "__scrape_timeout__");

    /** Whether {@code name} takes part in the key (metadata is skipped by the hash itself). */
    public boolean hashes(String name) {
        return this == DISCOVERED || !SCRAPE_CONFIG_LABELS.contains(name);
    }
}
