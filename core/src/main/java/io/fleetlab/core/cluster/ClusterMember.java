package io.fleetlab.core.cluster;

import io.fleetlab.core.membership.GossipConfig;
import io.fleetlab.core.membership.Membership;
import io.fleetlab.core.membership.NodeRegistry;
import io.fleetlab.core.membership.swim.RandomPicks;
import io.fleetlab.core.membership.wire.Message.NodeRecord;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.peer.StateMessage;
import io.fleetlab.core.rebalance.OwnershipStrategy;
import io.fleetlab.core.time.Cancellable;
import io.fleetlab.core.time.Scheduler;
import io.fleetlab.core.transport.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * One Alloy node: gossip membership with Alloy's peer states, joined and rejoined through
 * discovered seeds, feeding the node's clustered components ({@link ComponentHost}). The real node
 * ({@code ClusterNode}) and every simulated node run this class; it sees time, network and chance
 * only through the {@link Scheduler}, {@link Transport} and {@link RandomGenerator} it is given.
 *
 * <p>Alloy's order of steps on start ({@link #start}):
 * <ol>
 *   <li>the node announces {@code PARTICIPANT} (alloy {@code internal/alloycli/cmd_run.go}: right
 *       after the first config load; the cluster service's join runs from that same load, so the
 *       join's push-pull already carries it);</li>
 *   <li>it discovers peers and picks up to {@code maxJoinPeers} (5) of them at random
 *       ({@code internal/service/cluster/cluster.go}, {@code getRandomPeers}) and joins through
 *       them (ckit {@code node.go} {@code Start} -> memberlist {@code Join});</li>
 *   <li>memberlist's {@code Join} tries the seeds one after another ({@code memberlist.go}); once
 *       it returned, the components start and hear the view; from then on every peer change
 *       reaches them coalesced and at most once per notify interval;</li>
 *   <li>every {@code rejoinInterval} (60 s) it discovers and joins again, whether or not it had
 *       seeds at first ({@code cluster.go} {@code Run}, the rejoin ticker).</li>
 * </ol>
 *
 * <p>Not thread-safe: every method runs on the scheduler's thread.
 */
public final class ClusterMember {
    private final String name;
    private final MemberSettings settings;
    private final Scheduler scheduler;
    private final RandomGenerator random;
    private final ClusterListener listener;
    private final Membership membership;
    private final ComponentHost components;
    private Supplier<List<String>> discovery = List::of;
    private boolean awaitingJoin;
    private boolean stopped;
    private Cancellable rejoinTimer;
    /** What discovery returned at the last pick (immutable), whether its addresses were distinct, and where ours was (-1: absent). */
    private List<String> lastDiscovered;
    private boolean lastDistinct;
    private int lastOwnAt;

    /**
     * @param name       the node's unique name
     * @param transport  bound by this constructor; its local address is the node's address
     * @param random     the only source of chance
     * @param components the clustered components (may be empty)
     * @param ownership  where components' lookups come from; {@link OwnershipStrategy#ownRing} is Alloy's way
     */
    public ClusterMember(String name, MemberSettings settings, Scheduler scheduler, Transport transport,
            RandomGenerator random, List<Component> components, OwnershipStrategy.Factory ownership,
            ClusterListener listener) {
        this(name, settings, scheduler, transport, random, components, ownership, listener, new NodeRegistry());
    }

    /**
     * As the other constructor, sharing node identities with every member given the same
     * {@code registry} (see {@link NodeRegistry}; all of them on one thread): many nodes in one
     * process, as in a simulation.
     */
    public ClusterMember(String name, MemberSettings settings, Scheduler scheduler, Transport transport,
            RandomGenerator random, List<Component> components, OwnershipStrategy.Factory ownership,
            ClusterListener listener, NodeRegistry registry) {
        this.name = Objects.requireNonNull(name, "name");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.random = Objects.requireNonNull(random, "random");
        this.listener = Objects.requireNonNull(listener, "listener");
        GossipConfig gossip = settings.gossip()
                // ckit's observer queue: one deep, de-duplicated, drained at once; the 1/s limit is Alloy's, below
                .withNotifyInterval(Duration.ZERO)
                // the cluster service rejoins, with freshly discovered seeds
                .withRejoinInterval(Duration.ZERO);
        this.membership = new Membership(name, gossip, scheduler, transport, random, registry);
        this.components = new ComponentHost(name, scheduler, components, ownership, settings, listener);
        membership.addEventListener(listener::membershipEvent);
        membership.addPeerSetChangeListener(this.components::peersChanged);
    }

    /**
     * Starts the node in Alloy's order: becomes a participant, then joins through seeds picked
     * from {@code discover} (called now and at every rejoin; it returns every address discovery
     * knows, the node's own included or not).
     */
    public void start(Supplier<List<String>> discover) {
        start(discover, true);
    }

    /**
     * As {@link #start(Supplier)}; with {@code participate} false the node stays a viewer: it
     * watches the cluster and owns nothing (Alloy's peers before their first config load).
     */
    public void start(Supplier<List<String>> discover, boolean participate) {
        discovery = Objects.requireNonNull(discover, "discover");
        if (participate) {
            membership.setState(PeerState.PARTICIPANT);
        }
        List<String> seeds = pickSeeds();
        awaitingJoin = true;
        membership.join(seeds, answered -> {
            if (awaitingJoin && !stopped) {
                joinReturned();
            }
        });
        Duration rejoin = settings.gossip().rejoinInterval();
        if (!rejoin.isZero()) {
            rejoinTimer = scheduler.schedule(rejoin.toNanos(), this::rejoinTick);
        }
    }

    /**
     * Starts the node as if the fleet had long converged (a warm start, for simulations whose
     * question is not the start-up): a participant that already knows {@code members} as alive
     * and {@code states} as their peer states (see {@link Membership#assumeConverged}), so no join
     * is needed and the components start at once on the whole view. {@code discover} serves the
     * rejoins, as in {@link #start}; the first one comes at a random phase of the rejoin interval,
     * as for a node started at its own time.
     */
    public void startConverged(Supplier<List<String>> discover, List<NodeRecord> members, List<StateMessage> states) {
        discovery = Objects.requireNonNull(discover, "discover");
        membership.setState(PeerState.PARTICIPANT);
        membership.assumeConverged(members, states);
        membership.join(List.of());
        joinReturned();
        Duration rejoin = settings.gossip().rejoinInterval();
        if (!rejoin.isZero()) {
            // a node that has run for long rejoins at any phase of its ticker: nodes started
            // together would otherwise all send a full-state join in the same instant every minute
            long first = 1 + random.nextLong(rejoin.toNanos());
            rejoinTimer = scheduler.schedule(first, this::rejoinTick);
        }
    }

    /** The join returned: the components start on the view as it is now. */
    private void joinReturned() {
        awaitingJoin = false;
        components.start(membership::peers);
    }

    private void rejoinTick() {
        if (stopped || !membership.running()) {
            return;
        }
        membership.rejoin(pickSeeds());
        rejoinTimer = scheduler.schedule(settings.gossip().rejoinInterval().toNanos(), this::rejoinTick);
    }

    /** Alloy's {@code getRandomPeers}: everything discovered except ourselves, shuffled, at most {@code maxJoinPeers}. */
    private List<String> pickSeeds() {
        return pickSeedsFrom(discovery.get());
    }

    List<String> pickSeedsFrom(List<String> discovered) {
        boolean hasNull = false;
        for (String address : discovered) {
            hasNull |= address == null;
        }
        // the very list of the last rejoin when discovery hands out an immutable one (a copy else)
        List<String> snapshot = hasNull ? discovered : List.copyOf(discovered);
        if (hasNull) {
            lastDiscovered = null;
            lastDistinct = false;
        } else if (snapshot != lastDiscovered) {
            lastDiscovered = snapshot;
            lastDistinct = DistinctAddresses.all(snapshot);
            lastOwnAt = snapshot.indexOf(membership.address());
        }
        List<String> found;
        if (lastDistinct) {
            // distinct in discovery order without our own address: the set below, without hashing
            String[] others = new String[snapshot.size() - (lastOwnAt >= 0 ? 1 : 0)];
            int at = 0;
            for (int k = 0; k < snapshot.size(); k++) {
                if (k != lastOwnAt) {
                    others[at++] = snapshot.get(k);
                }
            }
            found = Arrays.asList(others);
        } else {
            // distinct in discovery order; a set keeps this linear at thousands of addresses
            Set<String> distinct = new LinkedHashSet<>(snapshot);
            distinct.remove(membership.address());
            found = new ArrayList<>(distinct);
        }
        RandomPicks.shuffle(found, random);
        int max = settings.gossip().maxJoinPeers();
        return found.size() > max ? List.copyOf(found.subList(0, max)) : List.copyOf(found);
    }

    /**
     * Leaves gracefully: announces {@code TERMINATING} (the components, hearing it, hand their
     * targets over), then leaves the membership; the components stop when the process does. Runs
     * {@code whenDone} on the scheduler's thread once gone.
     */
    public void leave(Runnable whenDone) {
        Objects.requireNonNull(whenDone, "whenDone");
        cancelTimers();
        membership.leave(() -> {
            stop();
            whenDone.run();
        });
    }

    /** Stops at once without a word to anyone (a crash or a kill). */
    public void crash() {
        membership.shutdown();
        stop();
    }

    private void stop() {
        stopped = true;
        awaitingJoin = false;
        cancelTimers();
        components.stop();
    }

    private void cancelTimers() {
        if (rejoinTimer != null) {
            rejoinTimer.cancel();
            rejoinTimer = null;
        }
    }

    /** The node's name. */
    public String name() {
        return name;
    }

    /** The address announced to others. */
    public String address() {
        return membership.address();
    }

    /** The membership's current view (not yet what the components heard: see {@link ComponentHost#lastView()}). */
    public List<Peer> peers() {
        return membership.peers();
    }

    /** The gossip membership (read its counters and state; do not drive it directly). */
    public Membership membership() {
        return membership;
    }

    /** The node's clustered components. */
    public ComponentHost components() {
        return components;
    }

    /** Whether the join returned and the components run. */
    public boolean joined() {
        return components.started();
    }

    /** Whether the node was stopped (left or crashed). */
    public boolean stopped() {
        return stopped;
    }
}
