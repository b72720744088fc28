package io.fleetlab.core.cluster;

import io.fleetlab.core.rebalance.ClusteringOptions;
import io.fleetlab.core.rebalance.TargetSet;
import java.time.Duration;
import java.util.Objects;

/**
 * One clustered component of a node (a {@code prometheus.scrape} with {@code clustering}): the
 * targets it discovered and how it applies ownership.
 *
 * @param id             the component's name, e.g. {@code prometheus.scrape.default}
 * @param targets        the discovered targets, shared read-only between nodes
 * @param clustering     whether it clusters and on which ring it looks up
 * @param reloadInterval Prometheus' scrape manager applies a new target set only at its next
 *                       reload tick ({@code DiscoveryReloadInterval}, 5 s in Alloy); the ticks are
 *                       free-running from the component's start; {@link Duration#ZERO} applies
 *                       every change at once
 */
public record Component(String id, TargetSet targets, ClusteringOptions clustering, Duration reloadInterval) {
    /** Prometheus' default {@code DiscoveryReloadInterval}, which Alloy's scrape component keeps. */
    public static final Duration PROMETHEUS_RELOAD_INTERVAL = Duration.ofSeconds(5);

    public Component {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(clustering, "clustering");
        Objects.requireNonNull(reloadInterval, "reloadInterval");
        if (reloadInterval.isNegative()) {
            throw new IllegalArgumentException("reloadInterval must not be negative: " + reloadInterval);
        }
    }

    /** A clustered scrape component as Alloy runs it: read-write ring, 5 s reload ticks. */
    public static Component scrape(String id, TargetSet targets) {
        return scrape(id, targets, PROMETHEUS_RELOAD_INTERVAL);
    }

    /** A clustered scrape component on Alloy's read-write ring whose scrape manager reloads every {@code reloadInterval}. */
    public static Component scrape(String id, TargetSet targets, Duration reloadInterval) {
        return new Component(id, targets, ClusteringOptions.alloyDefaults(), reloadInterval);
    }
}
