package io.fleetlab.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.membership.GossipConfig;
import io.fleetlab.core.testkit.InMemoryNetwork;
import io.fleetlab.core.testkit.ManualScheduler;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.rebalance.ClusteringOptions;
import io.fleetlab.core.rebalance.OwnershipChange;
import io.fleetlab.core.rebalance.OwnershipStrategy;
import io.fleetlab.core.rebalance.TargetSet;
import io.fleetlab.core.ring.HashingAlgorithm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Alloy's order of steps in one node, each rule with the Go source it follows. */
class ClusterMemberTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final RandomGenerator random = new SplittableRandom(7);
    private final InMemoryNetwork network = new InMemoryNetwork(scheduler, random);
    private final TargetSet targets = TargetSet.of(new SplittableRandom(3).longs(2_000).toArray());

    private ClusterMember member(String name, MemberSettings settings, Duration reload, ClusterListener listener) {
        Component c = new Component("prometheus.scrape.default", targets, ClusteringOptions.alloyDefaults(), reload);
        return new ClusterMember(name, settings, scheduler, network.transport(name + ":7946"), random, List.of(c),
                OwnershipStrategy.ownRing(HashingAlgorithm.ALLOY_RING, 64), listener);
    }

    /**
     * alloy internal/alloycli/cmd_run.go (runCommand: ChangeState(participant) right after the first
     * LoadSource, from which the cluster service's join runs): the seed learns of the joiner
     * already as a participant, from the join's own push-pull.
     */
    @Test
    void theJoinPushPullAlreadyCarriesParticipant() {
        MemberSettings s = MemberSettings.of(GossipConfig.alloy());
        ClusterMember seed = member("a", s, Duration.ZERO, ClusterListener.NONE);
        seed.start(List::of);
        scheduler.runFor(Duration.ofSeconds(1));
        ClusterMember joiner = member("b", s, Duration.ZERO, ClusterListener.NONE);
        joiner.start(() -> List.of("a:7946"));
        assertTrue(scheduler.runUntil(() -> seed.membership().statusOf("b") != null, Duration.ofSeconds(5)));
        assertNotNull(seed.membership().stateOf("b"), "the state arrived with the node record");
        assertEquals(PeerState.PARTICIPANT, seed.membership().stateOf("b").state());
    }

    /**
     * A warm start stands for nodes that have run for long, started at different times: each
     * one's rejoin ticker (alloy cluster.go Run) is at its own phase, so the fleet does not send
     * all its full-state joins in one instant every interval.
     */
    @Test
    void aWarmStartedNodesFirstRejoinComesAtItsOwnPhaseWithinTheInterval() {
        MemberSettings s = MemberSettings.of(GossipConfig.alloy());
        long interval = GossipConfig.alloy().rejoinInterval().toNanos();
        int nodes = 20;
        long[] firstRejoin = new long[nodes];
        java.util.Arrays.fill(firstRejoin, -1);
        for (int i = 0; i < nodes; i++) {
            int n = i;
            member("w" + i, s, Duration.ZERO, ClusterListener.NONE).startConverged(() -> {
                if (firstRejoin[n] < 0 && scheduler.nowNanos() > 0) {
                    firstRejoin[n] = scheduler.nowNanos();
                }
                return List.of();
            }, List.of(), List.of());
        }
        scheduler.runFor(Duration.ofNanos(interval));
        for (int i = 0; i < nodes; i++) {
            assertTrue(firstRejoin[i] > 0 && firstRejoin[i] <= interval, "node w" + i + " rejoined at " + firstRejoin[i]);
        }
        assertTrue(java.util.Arrays.stream(firstRejoin).distinct().count() > nodes / 2,
                "phases spread: " + java.util.Arrays.toString(firstRejoin));
    }

    /**
     * alloy internal/service/cluster/cluster.go (Run: the rejoin ticker; getRandomPeers): every
     * node, the first one too, rediscovers and rejoins every rejoin interval, through at most
     * maxJoinPeers (5) peers picked at random from discovery.
     */
    @Test
    void everyNodeRediscoversAtEveryRejoinAndPicksAtMostFiveSeedsAtRandom() {
        MemberSettings s = MemberSettings.of(GossipConfig.alloy());
        List<String> fleet = new ArrayList<>();
        int[] calls = new int[1];
        ClusterMember first = member("n0", s, Duration.ZERO, ClusterListener.NONE);
        first.start(() -> {
            calls[0]++;
            return List.copyOf(fleet);
        });
        assertEquals(1, calls[0]);
        assertTrue(first.joined(), "nobody to join: a new cluster at once");
        for (int i = 1; i < 9; i++) {
            fleet.add("n" + i + ":7946");
            member("n" + i, s, Duration.ZERO, ClusterListener.NONE).start(() -> List.of("n0:7946"));
        }
        scheduler.runFor(Duration.ofSeconds(61));
        assertEquals(2, calls[0], "the first node rediscovered at its first rejoin");
        scheduler.runFor(Duration.ofSeconds(60));
        assertEquals(3, calls[0]);
        // Seeds are picked at random: over many picks, each of 8 discovered peers is used, never more than 5 at once.
        ClusterMember probe = member("p", s, Duration.ZERO, ClusterListener.NONE);
        int[] seen = new int[9];
        for (int k = 0; k < 200; k++) {
            List<String> picked = probe.pickSeedsFrom(fleet);
            assertTrue(picked.size() <= 5, "at most maxJoinPeers");
            assertEquals(picked.size(), picked.stream().distinct().count());
            picked.forEach(a -> seen[Integer.parseInt(a.substring(1, a.indexOf(':')))]++);
        }
        for (int i = 1; i < 9; i++) {
            assertTrue(seen[i] > 0, "peer n" + i + " never picked");
        }
    }

    /**
     * alloy internal/service/cluster/cluster.go (triggerClusterChangeNotification: a one-slot channel;
     * notifyComponentsOfClusterChanges: rate.NewLimiter(rate.Every(1s), 1), then node.Peers()):
     * a burst of changes reaches the components at once, then one second later with the latest
     * view, and once more a second after that, because changes that arrived while the worker
     * waited for its token refilled the one-slot channel.
     */
    @Test
    void aBurstOfChangesIsNotifiedAtOnceThenOnceASecondWithTheLatestView() {
        List<Peer> view = new ArrayList<>(List.of(new Peer("a", "a:1", PeerState.PARTICIPANT, true)));
        List<Long> notifiedAt = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        ClusterListener l = new ClusterListener() {
            @Override
            public void viewChanged(List<Peer> peers) {
                notifiedAt.add(scheduler.nowNanos());
                sizes.add(peers.size());
            }
        };
        ComponentHost host = new ComponentHost("a", scheduler, List.of(), OwnershipStrategy.ownRing(HashingAlgorithm.ALLOY_RING, 8),
                MemberSettings.of(GossipConfig.alloy()), l);
        host.start(() -> List.copyOf(view));
        for (int i = 0; i < 5; i++) {
            scheduler.runFor(Duration.ofMillis(100));
            view.add(new Peer("p" + i, "p:" + i, PeerState.PARTICIPANT, false));
            host.peersChanged();
        }
        scheduler.runFor(Duration.ofSeconds(5));
        assertEquals(List.of(0L, 1_000_000_000L, 2_000_000_000L), notifiedAt);
        assertEquals(List.of(1, 6, 6), sizes);
    }

    /**
     * Prometheus scrape/manager.go (Manager.reloader: a free-running ticker of
     * DiscoveryReloadInterval, 5 s, reloading only when target sets were handed over): a change
     * handed over at 0.3 s after start is scraped from the 5 s tick on; with an interval of 0 at once.
     */
    @Test
    void targetChangesApplyAtTheNextReloadTick() {
        for (Duration reload : List.of(Duration.ofSeconds(5), Duration.ZERO)) {
            ManualScheduler clock = new ManualScheduler();
            List<Peer> view = new ArrayList<>(List.of(new Peer("a", "a:1", PeerState.PARTICIPANT, true)));
            List<long[]> applied = new ArrayList<>();
            ClusterListener l = new ClusterListener() {
                @Override
                public void ownershipChanged(int component, OwnershipChange change) {
                    applied.add(new long[] {clock.nowNanos(), change.started().length, change.stopped().length});
                }
            };
            Component c = new Component("s", targets, ClusteringOptions.alloyDefaults(), reload);
            ComponentHost host = new ComponentHost("a", clock, List.of(c), OwnershipStrategy.ownRing(HashingAlgorithm.ALLOY_RING, 64),
                    MemberSettings.of(GossipConfig.alloy().withNotifyInterval(Duration.ZERO)), l);
            clock.runFor(Duration.ofMillis(300));
            host.start(() -> List.copyOf(view));
            clock.runFor(Duration.ofMillis(300));
            view.add(new Peer("b", "b:1", PeerState.PARTICIPANT, false));
            host.peersChanged();
            assertEquals(reload.isZero() ? 2 : 0, applied.size(), "nothing before the tick (" + reload + ")");
            clock.runFor(Duration.ofSeconds(6));
            if (reload.isZero()) {
                assertEquals(targets.size(), applied.get(0)[1]);
                assertTrue(applied.get(1)[2] > 0, "half handed to b at once");
            } else {
                assertEquals(1, applied.size(), "one reload carries both changes");
                assertEquals(5_300_000_000L, applied.get(0)[0], "the first tick, 5 s after the component started");
                assertEquals(host.rebalancer(0).ownedCount(), applied.get(0)[1]);
            }
            assertEquals(host.rebalancer(0).ownedCount(), host.scrapingCount(0));
        }
    }

    /**
     * alloy internal/service/cluster/cluster_readonly.go (Ready, updateReadyState,
     * transitionToStateDeadlinePassed) and internal/component/discovery/distributed_targets.go
     * (not ready: no target is local): below --cluster.wait-for-size nothing is scraped until the
     * size is reached or --cluster.wait-for-size-timeout passes.
     */
    @Test
    void waitForSizeOwnsNothingUntilTheSizeOrTheDeadline() {
        List<Peer> view = new ArrayList<>(List.of(new Peer("a", "a:1", PeerState.PARTICIPANT, true)));
        Component c = new Component("s", targets, ClusteringOptions.alloyDefaults(), Duration.ZERO);
        ComponentHost bySize = new ComponentHost("a", scheduler, List.of(c), OwnershipStrategy.ownRing(HashingAlgorithm.ALLOY_RING, 64),
                MemberSettings.of(GossipConfig.alloy()).withWaitForSize(2, Duration.ofSeconds(30)), ClusterListener.NONE);
        bySize.start(() -> List.copyOf(view));
        assertFalse(bySize.ready());
        assertEquals(0, bySize.scrapingCount(0));
        scheduler.runFor(Duration.ofSeconds(2));
        view.add(new Peer("b", "b:1", PeerState.PARTICIPANT, false));
        bySize.peersChanged();
        assertTrue(bySize.ready());
        assertTrue(bySize.scrapingCount(0) > 0 && bySize.scrapingCount(0) < targets.size());

        List<Peer> alone = List.of(new Peer("z", "z:1", PeerState.PARTICIPANT, true));
        ComponentHost byDeadline = new ComponentHost("z", scheduler, List.of(c), OwnershipStrategy.ownRing(HashingAlgorithm.ALLOY_RING, 64),
                MemberSettings.of(GossipConfig.alloy()).withWaitForSize(3, Duration.ofSeconds(30)), ClusterListener.NONE);
        byDeadline.start(() -> alone);
        scheduler.runFor(Duration.ofSeconds(29));
        assertEquals(0, byDeadline.scrapingCount(0));
        scheduler.runFor(Duration.ofSeconds(2));
        assertTrue(byDeadline.ready(), "the deadline passed");
        assertEquals(targets.size(), byDeadline.scrapingCount(0));
    }
}
