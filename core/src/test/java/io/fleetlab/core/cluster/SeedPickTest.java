package io.fleetlab.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fleetlab.core.membership.GossipConfig;
import io.fleetlab.core.membership.swim.RandomPicks;
import io.fleetlab.core.rebalance.OwnershipStrategy;
import io.fleetlab.core.ring.HashingAlgorithm;
import io.fleetlab.core.testkit.InMemoryNetwork;
import io.fleetlab.core.testkit.ManualScheduler;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Alloy's {@code getRandomPeers} (internal/service/cluster/cluster.go: every discovered address but
 * our own, shuffled, at most {@code maxJoinPeers}) as {@link ClusterMember#pickSeedsFrom} does it
 * without a set per rejoin must pick exactly what the set-based way picks with the same draws:
 * a twin random source runs the set-based way beside it, through rejoins that see the very same
 * discovered list again, an equal copy, a changed list, duplicates, our own address or not, and
 * a mutable list changed in place between two picks.
 */
class SeedPickTest {
    private static final int CASES = 300;

    @Test
    void picksWhatTheSetBasedWayPicksWithTheSameDraws() {
        long base = Long.getLong("fleetlab.seed", 0x5EED5L);
        SplittableRandom seeds = new SplittableRandom(base);
        for (int c = 0; c < CASES; c++) {
            long seed = c == 0 ? base : seeds.nextLong();
            try {
                oneCase(seed);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("case " + c + " failed with seed " + seed + " (replay: -Dfleetlab.seed=" + seed
                        + "): " + e.getMessage(), e);
            }
        }
    }

    private static void oneCase(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ManualScheduler scheduler = new ManualScheduler();
        SplittableRandom memberRandom = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        SplittableRandom twin = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        InMemoryNetwork network = new InMemoryNetwork(scheduler, new SplittableRandom(1));
        MemberSettings settings = MemberSettings.of(GossipConfig.alloy());
        String own = "n0:7946";
        ClusterMember member = new ClusterMember("n0", settings, scheduler, network.transport(own), memberRandom,
                List.of(), OwnershipStrategy.ownRing(HashingAlgorithm.ALLOY_RING, 8), ClusterListener.NONE);
        int max = settings.gossip().maxJoinPeers();
        List<String> discovered = randomList(r, own);
        for (int rejoin = 0; rejoin < 8; rejoin++) {
            int roll = r.nextInt(5);
            if (roll == 0) {
                discovered = randomList(r, own);
            } else if (roll == 1) {
                discovered = new ArrayList<>(discovered); // an equal copy
            } else if (roll == 2 && discovered instanceof ArrayList<String> mutable && !mutable.isEmpty()) {
                mutable.set(r.nextInt(mutable.size()), "m" + r.nextInt(40) + ":7946"); // changed in place
            } // else the very same list again
            List<String> expected = setBased(discovered, own, max, twin);
            List<String> picked = member.pickSeedsFrom(discovered);
            assertEquals(expected, picked, "rejoin " + rejoin + " of " + discovered);
        }
        assertEquals(twin.nextLong(), memberRandom.nextLong(), "the same number of draws");
    }

    private static List<String> randomList(SplittableRandom r, String own) {
        int n = r.nextInt(4) == 0 ? r.nextInt(4) : r.nextInt(60);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // duplicates in one case of three; our own address now and then
            out.add(r.nextInt(20) == 0 ? own : "n" + (r.nextInt(3) == 0 ? r.nextInt(1 + n / 2) : 1 + i + n) + ":7946");
        }
        return r.nextBoolean() ? List.copyOf(out) : out;
    }

    /** The way before: a set of the distinct addresses in discovery order, our own removed, shuffled. */
    private static List<String> setBased(List<String> discovered, String own, int max, SplittableRandom random) {
        Set<String> distinct = new LinkedHashSet<>(discovered);
        distinct.remove(own);
        List<String> found = new ArrayList<>(distinct);
        RandomPicks.shuffle(found, random);
        return found.size() > max ? List.copyOf(found.subList(0, max)) : List.copyOf(found);
    }
}
