package io.fleetlab.core.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.membership.swim.Awareness;
import io.fleetlab.core.membership.swim.BroadcastQueue;
import io.fleetlab.core.membership.wire.Message.Dead;
import io.fleetlab.core.membership.wire.Message.NodeRecord;
import io.fleetlab.core.membership.wire.Message.Suspect;
import io.fleetlab.core.membership.wire.NodeStatus;
import io.fleetlab.core.membership.wire.SizedMessage;
import io.fleetlab.core.testkit.ManualScheduler;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link MemberTable#randomAliveOthers} picks exactly the members, in the order, that a partial
 * shuffle of the whole list of alive others picked (push-pull targets and indirect-probe helpers
 * before the list was dropped), with the same draws: seeded tables of every size with suspect, dead
 * and left members, an excluded member or none, and every number of picks up to past the table.
 */
class RandomAliveOthersTest {
    @Test
    void picksWhatAShuffledListPicksWithTheSameDraws() {
        int sparse = 0;
        for (int c = 0; c < 400; c++) {
            long seed = 0xa11e0000L + c;
            SplittableRandom r = new SplittableRandom(seed);
            MemberTable table = table(r, 1 + r.nextInt(c < 300 ? 40 : 600));
            for (int q = 0; q < 20; q++) {
                int except = r.nextInt(3) == 0 ? -1 : table.order().get(r.nextInt(table.order().size()));
                int k = r.nextInt(4) == 0 ? r.nextInt(40) : r.nextInt(5);
                long draws = r.nextLong();
                IndexList list = new IndexList();
                table.aliveOthers(except, list);
                SplittableRandom listDraws = new SplittableRandom(draws);
                int expected = list.pickToFront(k, listDraws);
                IndexList out = new IndexList();
                out.add(-7); // appended after what is there
                SplittableRandom pickDraws = new SplittableRandom(draws);
                int got = table.randomAliveOthers(except, k, pickDraws, out);
                String where = "seed " + seed + " query " + q + " (k " + k + ", except " + except + ")";
                assertEquals(expected, got, where);
                assertEquals(expected + 1, out.size(), where);
                assertEquals(-7, out.get(0), where);
                for (int i = 0; i < expected; i++) {
                    assertEquals(list.get(i), out.get(i + 1), where + ": pick " + i);
                }
                assertEquals(listDraws.nextLong(), pickDraws.nextLong(), where + ": the same number of draws");
                sparse += expected > 1 && expected <= 8 ? 1 : 0;
            }
        }
        assertTrue(sparse > 1000, "cases with several picks: " + sparse);
    }

    /** {@code size} members besides us, some suspect, dead or left. */
    private static MemberTable table(SplittableRandom r, int size) {
        ManualScheduler scheduler = new ManualScheduler();
        MemberTable table = new MemberTable("self", "10.0.0.1:7946", GossipConfig.alloy(), scheduler,
                new SplittableRandom(r.nextLong()), new BroadcastQueue<SizedMessage>(SizedMessage::size),
                new Awareness(8), new EventBus(), name -> { }, new NodeRegistry());
        table.addSelf();
        for (int i = 0; i < size; i++) {
            String name = "m" + i;
            table.assumeAlive(new NodeRecord(name, "10.1." + (i / 200) + "." + (i % 200) + ":7946", 1, NodeStatus.ALIVE));
            int fate = r.nextInt(10);
            if (fate == 0) {
                table.suspect(new Suspect(1, name, "self"));
            } else if (fate == 1) {
                table.dead(new Dead(1, name, "self"));
            } else if (fate == 2) {
                table.dead(new Dead(1, name, name));
            }
        }
        return table;
    }
}
