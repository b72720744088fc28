package io.fleetlab.core.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.membership.swim.Awareness;
import io.fleetlab.core.membership.swim.BroadcastQueue;
import io.fleetlab.core.membership.wire.Message.Alive;
import io.fleetlab.core.membership.wire.Message.Dead;
import io.fleetlab.core.membership.wire.Message.NodeRecord;
import io.fleetlab.core.membership.wire.Message.Suspect;
import io.fleetlab.core.membership.wire.NodeStatus;
import io.fleetlab.core.membership.wire.SizedMessage;
import io.fleetlab.core.testkit.ManualScheduler;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * {@link MemberTable#randomGossipTargets} picks exactly what memberlist's {@code kRandomNodes}
 * loop picks (state.go {@code gossip}: up to 3 x members random tries, skipping ourselves, left
 * members, members dead longer than the gossip-to-the-dead time, and members picked already),
 * with the same draws, whether or not the table holds dead or left rows (without any, a try reads
 * no row). Seeded tables go through suspicions, deaths, leaves, refutations, reaping and joins;
 * every state is checked against the loop written out here, and the probe order is checked to
 * hold each member once (what telling repeats by member relies on). A round without news only
 * draws ({@link MemberTable#drawGossipTargets}); it must draw exactly as often.
 */
class RandomGossipTargetsTest {
    @Test
    void picksWhatTheTryLoopPicksWithTheSameDraws() {
        int withoutGoneRows = 0;
        int withGoneRows = 0;
        for (int c = 0; c < 300; c++) {
            long seed = 0x60551900L + c;
            SplittableRandom r = new SplittableRandom(seed);
            ManualScheduler scheduler = new ManualScheduler();
            MemberTable table = new MemberTable("self", "10.0.0.1:7946", GossipConfig.alloy(), scheduler,
                    new SplittableRandom(r.nextLong()), new BroadcastQueue<SizedMessage>(SizedMessage::size),
                    new Awareness(8), new EventBus(), name -> { }, new NodeRegistry());
            table.addSelf();
            int size = r.nextInt(c < 200 ? 12 : 300);
            for (int i = 0; i < size; i++) {
                table.assumeAlive(record(i));
            }
            int next = size;
            for (int step = 0; step < 30; step++) {
                String where = "seed " + seed + " step " + step;
                boolean gone = anyGone(table);
                check(table, scheduler, r, where);
                if (gone) {
                    withGoneRows++;
                } else {
                    withoutGoneRows++;
                }
                int rows = table.order().size();
                String someone = table.name(table.order().get(r.nextInt(rows)));
                long inc = table.has(table.indexOf(someone)) ? table.incarnation(table.indexOf(someone)) : 0;
                switch (r.nextInt(8)) {
                    case 0 -> table.suspect(new Suspect(inc, someone, "self"));
                    case 1 -> table.dead(new Dead(inc, someone, "self"));
                    case 2 -> table.dead(new Dead(inc, someone, someone));
                    case 3 -> table.alive(new Alive(inc + 1, someone, table.address(table.indexOf(someone))), false);
                    case 4 -> scheduler.runFor(Duration.ofSeconds(r.nextInt(40)));
                    case 5 -> table.reapAndShuffle(name -> { });
                    case 6 -> {
                        NodeRecord n = record(next++);
                        table.alive(new Alive(1, n.name(), n.address()), false);
                    }
                    default -> { }
                }
            }
        }
        assertTrue(withoutGoneRows > 1500 && withGoneRows > 1500,
                "states without / with dead or left rows: " + withoutGoneRows + " / " + withGoneRows);
    }

    private static void check(MemberTable table, ManualScheduler scheduler, SplittableRandom r, String where) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int q = 0; q < table.order().size(); q++) {
            assertTrue(seen.add(table.order().get(q)), where + ": member " + table.order().get(q) + " twice in the order");
        }
        for (int q = 0; q < 3; q++) {
            int k = q == 2 ? r.nextInt(12) : 3;
            long draws = r.nextLong();
            IndexList expected = new IndexList();
            SplittableRandom loopDraws = new SplittableRandom(draws);
            tryLoop(table, scheduler.nowNanos(), k, loopDraws, expected);
            IndexList got = new IndexList();
            SplittableRandom pickDraws = new SplittableRandom(draws);
            table.randomGossipTargets(k, pickDraws, got);
            assertEquals(expected.size(), got.size(), where + " k " + k);
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i), got.get(i), where + " k " + k + ": pick " + i);
            }
            assertEquals(loopDraws.nextLong(), pickDraws.nextLong(), where + " k " + k + ": the same number of draws");
            SplittableRandom skipDraws = new SplittableRandom(draws);
            table.drawGossipTargets(k, skipDraws, new IndexList());
            assertEquals(expectedNext(draws, k, table, scheduler),
                    skipDraws.nextLong(), where + " k " + k + ": a round without news draws as many");
        }
    }

    /** The draw that follows the try loop's draws for {@code k} targets from {@code draws}. */
    private static long expectedNext(long draws, int k, MemberTable table, ManualScheduler scheduler) {
        SplittableRandom loop = new SplittableRandom(draws);
        tryLoop(table, scheduler.nowNanos(), k, loop, new IndexList());
        return loop.nextLong();
    }

    /** memberlist's kRandomNodes as the table ran it before it could judge a try by position. */
    private static void tryLoop(MemberTable table, long now, int k, RandomGenerator random, IndexList out) {
        IndexList order = table.order();
        int n = order.size();
        long window = GossipConfig.alloy().gossipToTheDeadTime().toNanos();
        for (int tries = 0; tries < 3 * n && out.size() < k; tries++) {
            int m = order.get(random.nextInt(n));
            NodeStatus st = table.status(m);
            if (m == table.self() || st == NodeStatus.LEFT
                    || (st == NodeStatus.DEAD && now - table.statusSince(m) > window) || out.contains(m)) {
                continue;
            }
            out.add(m);
        }
    }

    private static boolean anyGone(MemberTable table) {
        for (int q = 0; q < table.order().size(); q++) {
            if (table.status(table.order().get(q)).gone()) {
                return true;
            }
        }
        return false;
    }

    private static NodeRecord record(int i) {
        return new NodeRecord("m" + i, "10.1." + (i / 200) + "." + (i % 200) + ":7946", 1, NodeStatus.ALIVE);
    }
}
