package io.fleetlab.core.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.membership.swim.Awareness;
import io.fleetlab.core.membership.swim.BroadcastQueue;
import io.fleetlab.core.membership.wire.Message;
import io.fleetlab.core.membership.wire.Message.Alive;
import io.fleetlab.core.membership.wire.Message.Dead;
import io.fleetlab.core.membership.wire.Message.Suspect;
import io.fleetlab.core.membership.wire.PacketCodec;
import io.fleetlab.core.membership.wire.SizedMessage;
import io.fleetlab.core.testkit.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A row hint ({@link SizedMessage#row}) only saves a name lookup: two member tables fed the same
 * alive, suspect and dead news, one without hints and one with hints that are right, stale, rows
 * of other members, out of range, or right but naming an equal string that is not the same
 * instance, end every step with the same rows, records, order and queued news. The hints tables
 * put on what they re-gossip are the rows they hold the member at.
 */
class RowHintTest {
    @Test
    void hintsChangeNothingButTheLookup() {
        int usedRight = 0;
        for (int c = 0; c < 120; c++) {
            long seed = 0x41e7000L + c;
            SplittableRandom r = new SplittableRandom(seed);
            long tableSeed = r.nextLong();
            Table plain = new Table(tableSeed);
            Table hinted = new Table(tableSeed);
            int names = 2 + r.nextInt(c < 60 ? 8 : 60);
            for (int step = 0; step < 120; step++) {
                String where = "seed " + seed + " step " + step;
                int who = r.nextInt(names);
                // the shared instance most of the time, as one process's nodes share names; sometimes an equal copy
                String node = r.nextInt(5) == 0 ? new String("m" + who) : name(who);
                long inc = r.nextInt(6);
                Message m = switch (r.nextInt(4)) {
                    case 0, 1 -> new Alive(inc, node, "10.1.0." + who + ":7946");
                    case 2 -> new Suspect(inc, node, "m" + r.nextInt(names));
                    default -> new Dead(inc, node, r.nextBoolean() ? node : "self");
                };
                int right = hinted.table.indexOf(node);
                int hint = switch (r.nextInt(5)) {
                    case 0 -> right;
                    case 1 -> r.nextInt(names + 3) - 1; // any row, another member's, none or out of range
                    case 2 -> Integer.MAX_VALUE;
                    case 3 -> -1;
                    default -> right >= 0 ? right : r.nextInt(names);
                };
                usedRight += hint == right && right >= 0 ? 1 : 0;
                plain.apply(m, -1);
                hinted.apply(m, hint);
                if (r.nextInt(10) == 0) {
                    long t = r.nextInt(40);
                    plain.scheduler.runFor(Duration.ofSeconds(t));
                    hinted.scheduler.runFor(Duration.ofSeconds(t));
                }
                if (r.nextInt(15) == 0) {
                    plain.table.reapAndShuffle(n -> { });
                    hinted.table.reapAndShuffle(n -> { });
                }
                if (step % 4 == 0 || step == 119) {
                    assertEquals(plain.state(), hinted.state(), where);
                    assertEquals(plain.news(names), hinted.news(names), where);
                }
            }
            List<SizedMessage> plainOut = new ArrayList<>();
            List<SizedMessage> hintedOut = new ArrayList<>();
            plain.queue.take(100_000, 3, 255, 100, plainOut);
            hinted.queue.take(100_000, 3, 255, 100, hintedOut);
            assertEquals(plainOut, hintedOut, "seed " + seed + ": the queued news, hints included");
        }
        assertTrue(usedRight > 2500, "news with the right hint: " + usedRight);
    }

    @Test
    void regossipedNewsCarriesTheRowTheSenderHolds() {
        Table t = new Table(1);
        t.apply(new Alive(1, name(3), "10.1.0.3:7946"), -1);
        t.apply(new Suspect(1, name(3), "self"), -1);
        List<SizedMessage> out = new ArrayList<>();
        t.queue.take(10_000, 3, 255, 100, out);
        int row = t.table.indexOf(name(3));
        assertTrue(row >= 0);
        int hinted = 0;
        for (SizedMessage s : out) {
            if (s.message() instanceof Suspect || s.message() instanceof Alive a && a.node().equals(name(3))) {
                assertEquals(row, s.row(), s.toString());
                hinted++;
            }
        }
        assertEquals(1, hinted, "one liveness message about the member is queued: " + out);
    }

    @Test
    void newsReGossipedAsItArrivedKeepsItsSizedWrapper() {
        Table t = new Table(2);
        t.apply(new Alive(1, name(4), "10.1.0.4:7946"), -1);
        int row = t.table.indexOf(name(4));
        Alive newer = new Alive(2, name(4), "10.1.0.4:7946");
        SizedMessage received = PacketCodec.sized(newer, row);
        t.table.alive(newer, false, row, received);
        Alive newest = new Alive(3, name(4), "10.1.0.4:7946");
        SizedMessage elsewhere = PacketCodec.sized(newest, row + 1); // another row: wrapped again
        t.table.alive(newest, false, row, elsewhere);
        List<SizedMessage> out = new ArrayList<>();
        t.queue.take(10_000, 3, 255, 100, out);
        SizedMessage queued = out.stream().filter(s -> s.message() instanceof Alive a && a.node().equals(name(4)))
                .findFirst().orElseThrow();
        assertEquals(PacketCodec.sized(newest, row), queued);
        assertTrue(queued != elsewhere, "a wrapper with another row is not reused");
        Table u = new Table(2);
        u.apply(new Alive(1, name(4), "10.1.0.4:7946"), -1);
        u.table.alive(newer, false, row, received);
        out.clear();
        u.queue.take(10_000, 3, 255, 100, out);
        assertTrue(out.stream().anyMatch(s -> s == received), "the wrapper it arrived in is queued: " + out);
    }

    private static final String[] NAMES = new String[64];

    /** One shared instance per name, as the nodes of one process share them. */
    private static String name(int i) {
        if (NAMES[i] == null) {
            NAMES[i] = "m" + i;
        }
        return NAMES[i];
    }

    private static final class Table {
        final ManualScheduler scheduler = new ManualScheduler();
        final BroadcastQueue<SizedMessage> queue = new BroadcastQueue<>(SizedMessage::size);
        final MemberTable table;

        Table(long seed) {
            table = new MemberTable("self", "10.0.0.1:7946", GossipConfig.alloy(), scheduler, new SplittableRandom(seed),
                    queue, new Awareness(8), new EventBus(), name -> { }, new NodeRegistry());
            table.addSelf();
        }

        void apply(Message m, int hint) {
            if (m instanceof Alive a) {
                table.alive(a, false, hint);
            } else if (m instanceof Suspect s) {
                table.suspect(s, hint);
            } else if (m instanceof Dead d) {
                table.dead(d, hint);
            }
        }

        String state() {
            StringBuilder b = new StringBuilder();
            IndexList order = table.order();
            for (int q = 0; q < order.size(); q++) {
                int i = order.get(q);
                b.append(i).append('=').append(table.record(i)).append('@').append(table.statusSince(i)).append(';');
            }
            return b.append(" size ").append(table.size()).toString();
        }

        String news(int names) {
            StringBuilder b = new StringBuilder().append(queue.size()).append(" queued:");
            for (int i = 0; i < names; i++) {
                b.append(queue.pending(BroadcastQueue.Topic.LIVENESS, name(i)) ? '1' : '0');
            }
            return b.toString();
        }
    }
}
