package io.fleetlab.core.membership.swim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.membership.swim.BroadcastQueue.Topic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The queue's slots are reused without a trace of what they held: seeded runs with much churn
 * (news replacing news by row and by name, rows let go of and given to other names, takes of every
 * budget and count, retransmit limits that shrink, queues run empty and filled again, clears)
 * against a model that keeps memberlist's rules in one plain list ({@code queue.go}: fewest
 * transmits first, then newest; {@code GetBroadcasts} passes over what does not fit; a message
 * leaves at the retransmit limit; a newer message about a node replaces the older one). Every take
 * hands out the very messages the model does, in its order; size and pending agree after every
 * step; gone slots never outnumber what the sweep allows; and a queue found empty by
 * {@link BroadcastQueue#QUIET_TAKES} takes in a row holds no more than its kept arrays.
 */
class BroadcastQueueSlotsTest {
    private static final int CASES = 400;

    /** One queued message of the model. */
    private static final class Entry {
        final Topic topic;
        final String node;
        int row;
        final byte[] body;
        final long id;
        int transmits;

        Entry(Topic topic, String node, int row, byte[] body, long id) {
            this.topic = topic;
            this.node = node;
            this.row = row;
            this.body = body;
            this.id = id;
        }
    }

    /** memberlist's queue as a list sorted at every take. */
    private static final class Model {
        final List<Entry> entries = new ArrayList<>();
        long nextId;

        Entry byRow(Topic topic, int row) {
            for (Entry e : entries) {
                if (e.topic == topic && e.row == row) {
                    return e;
                }
            }
            return null;
        }

        Entry byName(Topic topic, String node) {
            for (Entry e : entries) {
                if (e.topic == topic && e.row < 0 && e.node.equals(node)) {
                    return e;
                }
            }
            return null;
        }

        void add(Topic topic, String node, byte[] body) {
            entries.remove(byName(topic, node));
            entries.add(new Entry(topic, node, -1, body, nextId++));
        }

        void add(Topic topic, String node, int row, byte[] body) {
            entries.remove(byRow(topic, row));
            entries.remove(byName(topic, node));
            entries.add(new Entry(topic, node, row, body, nextId++));
        }

        void release(Topic topic, int row) {
            Entry e = byRow(topic, row);
            if (e != null) {
                entries.remove(byName(topic, e.node));
                e.row = -1;
            }
        }

        int take(int budget, int overhead, int maxCount, int limit, List<byte[]> out) {
            entries.sort(Comparator.<Entry>comparingInt(e -> e.transmits).thenComparing(e -> -e.id));
            List<Entry> picked = new ArrayList<>();
            int used = 0;
            for (Entry e : entries) {
                if (picked.size() >= maxCount) {
                    break;
                }
                if (used + e.body.length + overhead <= budget) {
                    picked.add(e);
                    used += e.body.length + overhead;
                }
            }
            for (Entry e : picked) {
                out.add(e.body);
                if (++e.transmits >= limit) {
                    entries.remove(e);
                }
            }
            return used;
        }

        boolean pending(Topic topic, String node) {
            for (Entry e : entries) {
                if (e.topic == topic && e.node.equals(node)) {
                    return true;
                }
            }
            return false;
        }
    }

    @Test
    void reusedSlotsHandOutExactlyWhatTheModelDoes() {
        long drained = 0;
        long swept = 0;
        for (int c = 0; c < CASES; c++) {
            long seed = 0x5107L * 1000 + c;
            try {
                long[] seen = runCase(seed);
                drained += seen[0];
                swept += seen[1];
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            }
        }
        assertTrue(drained > 10, "grown queues found empty by takes in a row: " + drained);
        assertTrue(swept > 50, "runs where gone slots reached the sweep: " + swept);
    }

    /**
     * Batches passing the tiers leave rings aside for the tiers that grow next; a burst larger
     * than any of them must not be given one (seeded bursts of every size between takes of every
     * count, against the model).
     */
    @Test
    void burstsLargerThanTheRingsKeptAsideGrowTheirOwn() {
        for (int c = 0; c < 40; c++) {
            long seed = 0x5ba7eL + c;
            SplittableRandom r = new SplittableRandom(seed);
            BroadcastQueue<byte[]> queue = new BroadcastQueue<>(b -> b.length);
            Model model = new Model();
            List<byte[]> outQueue = new ArrayList<>();
            List<byte[]> outModel = new ArrayList<>();
            int names = 0;
            for (int round = 0; round < 12; round++) {
                int burst = 1 + r.nextInt(r.nextBoolean() ? 150 : 1500);
                for (int i = 0; i < burst; i++, names++) {
                    byte[] body = new byte[1 + r.nextInt(30)];
                    queue.add(Topic.LIVENESS, "n" + names, names, body);
                    model.add(Topic.LIVENESS, "n" + names, names, body);
                }
                for (int t = r.nextInt(12); t > 0; t--) {
                    int maxCount = 1 + r.nextInt(255);
                    outQueue.clear();
                    outModel.clear();
                    assertEquals(model.take(65_000, 2, maxCount, 6, outModel), queue.take(65_000, 2, maxCount, 6, outQueue),
                            "seed " + seed + " round " + round);
                    assertEquals(outModel.size(), outQueue.size(), "seed " + seed);
                    for (int k = 0; k < outModel.size(); k++) {
                        assertSame(outModel.get(k), outQueue.get(k), "seed " + seed + " message " + k);
                    }
                }
            }
        }
    }

    private static long[] runCase(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        BroadcastQueue<byte[]> queue = new BroadcastQueue<>(b -> b.length);
        Model model = new Model();
        // a quarter of the runs replace news far faster than takes pass it (gone slots pile up)
        boolean churn = r.nextInt(4) == 0;
        int names = churn ? 5 + r.nextInt(30) : 1 + r.nextInt(r.nextBoolean() ? 10 : r.nextInt(4) == 0 ? 2000 : 300);
        String[] shared = new String[names];
        for (int n = 0; n < names; n++) {
            shared[n] = "n" + n;
        }
        // the caller's rows: name n at row n until let go of, then (sometimes) another name's
        String[] rowHolder = new String[names];
        int steps = 100 + r.nextInt(900);
        int newsWeight = churn ? 93 : 30 + r.nextInt(60);
        // a third of the others alternate spells of news with spells of takes alone (queues run dry)
        boolean spells = !churn && r.nextInt(3) == 0;
        int limit = 1 + r.nextInt(20);
        boolean grown = false;
        int quiet = 0;
        List<byte[]> outQueue = new ArrayList<>();
        List<byte[]> outModel = new ArrayList<>();
        long drained = 0;
        boolean swept = false;
        for (int step = 0; step < steps; step++) {
            String at = " at step " + step;
            int what = !spells ? r.nextInt(100) : step % 200 < 100 ? r.nextInt(newsWeight) : 98;
            Topic topic = r.nextInt(3) == 0 ? Topic.PEER_STATE : Topic.LIVENESS;
            int n = r.nextInt(names);
            if (what < newsWeight) {
                byte[] body = new byte[1 + r.nextInt(r.nextBoolean() ? 30 : 300)];
                int row = r.nextInt(names);
                if (r.nextInt(5) == 0) {
                    queue.add(topic, shared[n], body);
                    model.add(topic, shared[n], body);
                    quiet = 0;
                } else if (rowHolder[row] == null || rowHolder[row] == shared[n]) {
                    rowHolder[row] = shared[n];
                    queue.add(topic, shared[n], row, body);
                    model.add(topic, shared[n], row, body);
                    quiet = 0;
                } else {
                    // a row held by another name: refused, nothing changes
                    String other = shared[n];
                    int size = queue.size();
                    if (model.byRow(topic, row) != null) {
                        assertThrows(IllegalStateException.class, () -> queue.add(topic, other, row, body));
                    }
                    assertEquals(size, queue.size(), "a refused add changes nothing" + at);
                }
            } else if (what < newsWeight + 5) {
                int row = r.nextInt(names);
                queue.release(Topic.LIVENESS, row);
                model.release(Topic.LIVENESS, row);
                queue.release(Topic.PEER_STATE, row);
                model.release(Topic.PEER_STATE, row);
                rowHolder[row] = null;
            } else if (what < 99 || churn) {
                int budget = r.nextInt(r.nextBoolean() || churn ? 200 : 65_000);
                int overhead = r.nextInt(4);
                int maxCount = 1 + r.nextInt(r.nextBoolean() ? 4 : 255);
                if (r.nextInt(20) == 0) {
                    limit = Math.max(1, limit + r.nextInt(5) - 3); // the fleet changed size
                }
                outQueue.clear();
                outModel.clear();
                boolean wasEmpty = queue.slotsInUse() == 0;
                int used = queue.take(budget, overhead, maxCount, limit, outQueue);
                assertEquals(model.take(budget, overhead, maxCount, limit, outModel), used, "bytes used" + at);
                assertEquals(outModel.size(), outQueue.size(), "messages taken" + at);
                for (int k = 0; k < outModel.size(); k++) {
                    assertSame(outModel.get(k), outQueue.get(k), "message " + k + at);
                }
                quiet = wasEmpty ? quiet + 1 : 0;
                if (quiet == BroadcastQueue.QUIET_TAKES) {
                    drained += grown ? 1 : 0;
                    assertEquals(0, queue.grownArrays(), "a queue found empty by so many takes lets go of grown arrays" + at);
                }
                grown = queue.grownArrays() > 0;
            } else {
                queue.clear();
                model.entries.clear();
                assertEquals(0, queue.slotsInUse(), "cleared" + at);
            }
            assertEquals(model.entries.size(), queue.size(), "queued" + at);
            int gone = queue.slotsInUse() - queue.size();
            assertTrue(gone <= Math.max(64, queue.size()) + 1, gone + " gone slots for " + queue.size() + " queued" + at);
            swept |= gone > 40;
            int probe = r.nextInt(names);
            for (Topic t : Topic.values()) {
                assertEquals(model.pending(t, shared[probe]), queue.pending(t, shared[probe]), "pending" + at);
            }
        }
        return new long[] {drained, swept ? 1 : 0};
    }
}
