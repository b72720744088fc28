package io.fleetlab.core.cluster;

import io.fleetlab.core.rebalance.OwnershipChange;
import io.fleetlab.core.rebalance.Rebalancer;
import io.fleetlab.core.time.Cancellable;
import io.fleetlab.core.time.Scheduler;
import java.util.BitSet;
import java.util.function.Consumer;

/**
 * One clustered component's scrape manager: what the rebalancer wants scraped reaches the
 * scrapers only at the next tick of a free-running reload ticker (Prometheus
 * {@code scrape/manager.go}, {@code Manager.reloader}: a ticker of {@code DiscoveryReloadInterval},
 * 5 s, that reloads when new target sets were handed over since the last tick). An interval of
 * zero applies every change at once.
 */
final class ScrapeManager {
    private final Rebalancer rebalancer;
    private final Scheduler scheduler;
    private final long intervalNanos;
    private final long startNanos;
    private final Consumer<OwnershipChange> applied;
    private BitSet scraping = new BitSet();
    private Cancellable tick;

    ScrapeManager(Rebalancer rebalancer, Scheduler scheduler, long intervalNanos, Consumer<OwnershipChange> applied) {
        this.rebalancer = rebalancer;
        this.scheduler = scheduler;
        this.intervalNanos = intervalNanos;
        this.startNanos = scheduler.nowNanos();
        this.applied = applied;
    }

    Rebalancer rebalancer() {
        return rebalancer;
    }

    /** The rebalancer's wish changed: apply it now or at the next reload tick. */
    void targetsHandedOver() {
        if (intervalNanos == 0) {
            reload();
            return;
        }
        if (tick != null) {
            return;
        }
        long since = scheduler.nowNanos() - startNanos;
        long next = (since / intervalNanos + 1) * intervalNanos - since;
        tick = scheduler.schedule(next, () -> {
            tick = null;
            reload();
        });
    }

    private void reload() {
        OwnershipChange change = rebalancer.changeSince(scraping);
        // the scraped set is ours alone: patched by the change rather than copied from the wish
        for (int i : change.started()) {
            scraping.set(i);
        }
        for (int i : change.stopped()) {
            scraping.clear(i);
        }
        if (!change.isEmpty()) {
            applied.accept(change);
        }
    }

    /** Stops every scrape at once (the process ends). */
    void stop() {
        if (tick != null) {
            tick.cancel();
            tick = null;
        }
        OwnershipChange change = OwnershipChange.between(scraping, new BitSet());
        scraping = new BitSet();
        if (!change.isEmpty()) {
            applied.accept(change);
        }
    }

    boolean scrapes(int index) {
        return scraping.get(index);
    }

    int scrapingCount() {
        return scraping.cardinality();
    }

    int[] scrapingIndices() {
        return scraping.stream().toArray();
    }
}
