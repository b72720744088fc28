package io.fleetlab.core.cluster;

import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.rebalance.OwnershipStrategy;
import io.fleetlab.core.rebalance.Rebalancer;
import io.fleetlab.core.time.Cancellable;
import io.fleetlab.core.time.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The clustered components of one node and how news of the cluster reaches them, as Alloy's
 * cluster service does it ({@code internal/service/cluster/cluster.go}):
 *
 * <ul>
 *   <li>a peer change only raises a one-slot, de-duplicating flag
 *       ({@code triggerClusterChangeNotification});</li>
 *   <li>one worker takes the flag, updates {@code Ready()} (wait for size, with its deadline;
 *       {@code cluster_readonly.go}), waits for a token of a bucket holding one token that
 *       refills once per notify interval ({@code rate.NewLimiter(rate.Every(1s), 1)}), then reads
 *       the peers as they are <em>now</em> and notifies every component
 *       ({@code notifyComponentsOfClusterChanges});</li>
 *   <li>each component recomputes its targets on that view and hands them to its scrape manager,
 *       which applies them at its next reload tick ({@link Component#reloadInterval()}).</li>
 * </ul>
 *
 * <p>{@link ClusterMember} drives it from the gossip membership; a simulator's oracle may drive it
 * from the true fleet. Not thread-safe: call it on the scheduler's thread.
 */
public final class ComponentHost {
    private final String localName;
    private final Scheduler scheduler;
    private final List<Component> components;
    private final OwnershipStrategy.Factory ownership;
    private final MemberSettings settings;
    private final ClusterListener listener;
    private final long notifyIntervalNanos;
    private final List<ScrapeManager> managers = new ArrayList<>();
    private Supplier<List<Peer>> view;
    private List<Peer> lastView = List.of();
    private boolean flag;
    private boolean waitingForToken;
    private long nextTokenNanos = Long.MIN_VALUE;
    private boolean ready;
    private boolean deadlinePassed;
    private Cancellable deadline;
    private Cancellable tokenWait;
    private boolean stopped;

    /**
     * @param localName  the node's name (its own entry in every view)
     * @param components the clustered components, in notification order
     * @param ownership  where each component's lookups come from (one strategy per component)
     */
    public ComponentHost(String localName, Scheduler scheduler, List<Component> components,
            OwnershipStrategy.Factory ownership, MemberSettings settings, ClusterListener listener) {
        this.localName = Objects.requireNonNull(localName, "localName");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.components = List.copyOf(components);
        this.ownership = Objects.requireNonNull(ownership, "ownership");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.notifyIntervalNanos = settings.gossip().notifyInterval().toNanos();
    }

    /**
     * Starts the components; from now on {@code peers} is read whenever they are notified. The
     * first notification is due at once. The wait-for-size deadline starts now.
     */
    public void start(Supplier<List<Peer>> peers) {
        if (view != null) {
            throw new IllegalStateException("started twice");
        }
        view = Objects.requireNonNull(peers, "peers");
        ready = settings.waitForSize() == 0;
        if (!ready && !settings.waitForSizeTimeout().isZero()) {
            armDeadline();
        }
        for (int c = 0; c < components.size(); c++) {
            Component spec = components.get(c);
            Rebalancer r = new Rebalancer(localName, ownership.create(localName), spec.clustering());
            r.applyTargets(spec.targets()); // a one-node cluster's wish; the first notification replaces it
            int index = c;
            managers.add(new ScrapeManager(r, scheduler, spec.reloadInterval().toNanos(),
                    change -> listener.ownershipChanged(index, change)));
        }
        peersChanged();
    }

    /** Whether {@link #start} ran. */
    public boolean started() {
        return view != null;
    }

    /** The peer set may have changed (Alloy's {@code triggerClusterChangeNotification}). */
    public void peersChanged() {
        if (view == null || stopped) {
            return;
        }
        flag = true;
        if (!waitingForToken) {
            work();
        }
    }

    /** The notification worker's loop body: take the flag, update readiness, wait for a token, notify. */
    private void work() {
        if (!flag || stopped) {
            return;
        }
        flag = false;
        updateReady();
        long now = scheduler.nowNanos();
        long at = nextTokenNanos == Long.MIN_VALUE ? now : Math.max(now, nextTokenNanos);
        nextTokenNanos = at + notifyIntervalNanos;
        if (at <= now) {
            notifyComponents();
            work();
            return;
        }
        waitingForToken = true;
        tokenWait = scheduler.schedule(at - now, () -> {
            waitingForToken = false;
            tokenWait = null;
            notifyComponents();
            work();
        });
    }

    private void notifyComponents() {
        if (stopped) {
            return;
        }
        List<Peer> peers = view.get();
        lastView = peers;
        listener.viewChanged(peers);
        for (ScrapeManager m : managers) {
            m.rebalancer().applyPeers(peers, ready); // the scrape manager diffs at its reload
            m.targetsHandedOver();
        }
    }

    /** Alloy's {@code updateReadyState}: ready at the size, or once the deadline passed while short of it. */
    private void updateReady() {
        if (settings.waitForSize() == 0) {
            ready = true;
            return;
        }
        if (view.get().size() >= settings.waitForSize()) {
            ready = true;
            deadlinePassed = false;
            cancelDeadline();
        } else if (!deadlinePassed) {
            if (ready && !settings.waitForSizeTimeout().isZero()) {
                armDeadline(); // became not ready: the deadline restarts
            }
            ready = false;
        }
    }

    private void armDeadline() {
        cancelDeadline();
        deadline = scheduler.schedule(settings.waitForSizeTimeout().toNanos(), () -> {
            deadline = null;
            deadlinePassed = true;
            ready = true;
            peersChanged();
        });
    }

    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel();
            deadline = null;
        }
    }

    /** Stops every component at once (the process ends): everything scraped stops. */
    public void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        cancelDeadline();
        if (tokenWait != null) {
            tokenWait.cancel();
        }
        for (ScrapeManager m : managers) {
            m.stop();
        }
    }

    /** Whether the cluster counts as ready for the components (Alloy's {@code Cluster.Ready()}). */
    public boolean ready() {
        return ready;
    }

    /** The view the components were last notified of (empty before the first notification). */
    public List<Peer> lastView() {
        return lastView;
    }

    /** Number of components. */
    public int componentCount() {
        return components.size();
    }

    /** The component specification at {@code index}. */
    public Component component(int index) {
        return components.get(index);
    }

    /** Whether component {@code c} scrapes target {@code i} now (after its last reload). */
    public boolean scrapes(int c, int i) {
        return !managers.isEmpty() && managers.get(c).scrapes(i);
    }

    /** How many targets component {@code c} scrapes now (0 before start). */
    public int scrapingCount(int c) {
        return managers.isEmpty() ? 0 : managers.get(c).scrapingCount();
    }

    /** The targets component {@code c} scrapes now, ascending indices. */
    public int[] scrapingIndices(int c) {
        return managers.isEmpty() ? new int[0] : managers.get(c).scrapingIndices();
    }

    /** Component {@code c}'s rebalancer (what it wants scraped, possibly ahead of its scrape manager). */
    public Rebalancer rebalancer(int c) {
        return managers.get(c).rebalancer();
    }
}
