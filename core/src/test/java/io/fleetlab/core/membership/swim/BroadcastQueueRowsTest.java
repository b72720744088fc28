package io.fleetlab.core.membership.swim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.membership.swim.BroadcastQueue.Topic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * News indexed by the caller's rows ({@link BroadcastQueue#add(Topic, String, int, Object)}) is
 * replaced, taken and dropped exactly as news indexed by name: seeded runs feed one queue by
 * name and one by rows that a simulated registry hands out, lets go of ({@link BroadcastQueue#release})
 * and hands to other names (the lowest free row first, so rows are reused at once), with names
 * coming back at other rows, news of both topics, takes of every budget, count and retransmit
 * limit, and clears; compared take by take (the same messages, by identity), size by size and
 * pending by pending.
 */
class BroadcastQueueRowsTest {
    private static final int CASES = 400;

    @Test
    void rowsIndexNewsAsNamesDo() {
        int reusedRows = 0;
        for (int c = 0; c < CASES; c++) {
            long seed = 0x20e5000L + c;
            try {
                reusedRows += runCase(seed);
            } catch (AssertionError e) {
                throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
            }
        }
        assertTrue(reusedRows > 1000, "news added at a row another name had: " + reusedRows);
    }

    private static int runCase(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        BroadcastQueue<byte[]> byName = new BroadcastQueue<>(b -> b.length);
        BroadcastQueue<byte[]> byRow = new BroadcastQueue<>(b -> b.length);
        int names = 1 + r.nextInt(r.nextBoolean() ? 6 : 100);
        int steps = 50 + r.nextInt(400);
        String[] shared = new String[names]; // one instance per name, as a registry keeps them
        // the simulated registry: a row per held name, the lowest free row for a new one
        Map<String, Integer> rows = new HashMap<>();
        Map<Integer, String> lastName = new HashMap<>();
        TreeSet<Integer> free = new TreeSet<>();
        int nextRow = 0;
        int reused = 0;
        List<byte[]> outName = new ArrayList<>();
        List<byte[]> outRow = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            int what = r.nextInt(100);
            String where = " at step " + step;
            if (what < 50) {
                Topic topic = r.nextInt(3) == 0 ? Topic.PEER_STATE : Topic.LIVENESS;
                // an equal copy of the name now and then, as decoded news brings
                int who = r.nextInt(names);
                String node = r.nextInt(4) == 0 ? new String("n" + who) : shared(shared, who);
                Integer row = rows.get(node);
                if (row == null) {
                    row = free.isEmpty() ? nextRow++ : free.pollFirst();
                    rows.put(node, row);
                    if (lastName.containsKey(row) && !lastName.get(row).equals(node)) {
                        reused++;
                    }
                    lastName.put(row, node);
                }
                byte[] body = new byte[1 + r.nextInt(60)];
                byName.add(topic, node, body);
                byRow.add(topic, node, row, body);
            } else if (what < 62 && !rows.isEmpty()) {
                // the caller lets a name go: its row is free for the next new name
                List<String> held = new ArrayList<>(rows.keySet());
                held.sort(null);
                String node = held.get(r.nextInt(held.size()));
                int row = rows.remove(node);
                byRow.release(Topic.LIVENESS, row);
                byRow.release(Topic.PEER_STATE, row);
                free.add(row);
            } else if (what < 99) {
                int budget = r.nextInt(r.nextBoolean() ? 100 : 1500);
                int overhead = r.nextInt(4);
                int maxCount = 1 + r.nextInt(r.nextBoolean() ? 3 : 255);
                int limit = 1 + r.nextInt(r.nextBoolean() ? 3 : 12);
                outName.clear();
                outRow.clear();
                assertEquals(byName.take(budget, overhead, maxCount, limit, outName),
                        byRow.take(budget, overhead, maxCount, limit, outRow), "bytes used" + where);
                assertEquals(outName.size(), outRow.size(), "messages taken" + where);
                for (int k = 0; k < outName.size(); k++) {
                    assertSame(outName.get(k), outRow.get(k), "message " + k + where);
                }
            } else {
                byName.clear();
                byRow.clear();
            }
            assertEquals(byName.size(), byRow.size(), "queued" + where);
            for (int n = 0; n < names; n++) {
                String node = "n" + n;
                Integer row = rows.get(node);
                for (Topic t : Topic.values()) {
                    boolean expected = byName.pending(t, node);
                    assertEquals(expected, byRow.pending(t, node), "pending " + node + " " + t + where);
                    if (row != null) {
                        assertEquals(expected, byRow.pending(t, node, row), "pending " + node + " at its row" + where);
                    }
                }
            }
        }
        return reused;
    }

    private static String shared(String[] shared, int who) {
        if (shared[who] == null) {
            shared[who] = "n" + who;
        }
        return shared[who];
    }

    @Test
    void aRowHoldingAnotherNodesNewsIsRefused() {
        BroadcastQueue<byte[]> q = new BroadcastQueue<>(b -> b.length);
        q.add(Topic.LIVENESS, "a", 3, new byte[4]);
        assertThrows(IllegalStateException.class, () -> q.add(Topic.LIVENESS, "b", 3, new byte[4]));
        assertThrows(IllegalArgumentException.class, () -> q.add(Topic.LIVENESS, "b", -1, new byte[4]));
        q.release(Topic.LIVENESS, 3);
        q.add(Topic.LIVENESS, "b", 3, new byte[5]);
        assertEquals(2, q.size());
        assertTrue(q.pending(Topic.LIVENESS, "a"));
        assertTrue(q.pending(Topic.LIVENESS, "b", 3));
    }
}
