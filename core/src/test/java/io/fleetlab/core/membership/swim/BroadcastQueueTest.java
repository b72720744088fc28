package io.fleetlab.core.membership.swim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.membership.swim.BroadcastQueue.Topic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The queue's rules as memberlist's {@code queue.go} has them: order by {@code limitedBroadcast.Less}
 * (fewest transmits, then newest), {@code GetBroadcasts}' byte budget and retransmit limit, and
 * {@code queueBroadcast} invalidating an older named broadcast.
 */
class BroadcastQueueTest {
    private static byte[] msg(int tag, int len) {
        byte[] b = new byte[len];
        b[0] = (byte) tag;
        return b;
    }

    @Test
    void fewestSentFirstThenNewest() {
        BroadcastQueue<byte[]> q = new BroadcastQueue<byte[]>(b -> b.length);
        q.add(Topic.LIVENESS, "a", msg(1, 10));
        q.add(Topic.LIVENESS, "b", msg(2, 10));
        List<byte[]> out = new ArrayList<>();
        q.take(100, 2, 1, 10, out);
        assertEquals(2, out.get(0)[0], "newest first among equally sent");
        out.clear();
        q.take(100, 2, 1, 10, out);
        assertEquals(1, out.get(0)[0], "then the one sent fewer times");
        q.add(Topic.LIVENESS, "c", msg(3, 10));
        out.clear();
        q.take(100, 2, 3, 10, out);
        assertEquals(3, out.size());
        assertEquals(3, out.get(0)[0], "never-sent news goes first");
    }

    @Test
    void newerMessageAboutANodeReplacesTheOlderOfTheSameTopic() {
        BroadcastQueue<byte[]> q = new BroadcastQueue<byte[]>(b -> b.length);
        q.add(Topic.LIVENESS, "a", msg(1, 10));
        q.add(Topic.PEER_STATE, "a", msg(9, 10));
        q.add(Topic.LIVENESS, "a", msg(2, 10));
        assertEquals(2, q.size());
        List<byte[]> out = new ArrayList<>();
        q.take(1000, 2, 10, 10, out);
        assertEquals(2, out.size());
        assertTrue(out.stream().anyMatch(b -> b[0] == 2));
        assertTrue(out.stream().anyMatch(b -> b[0] == 9));
        assertFalse(out.stream().anyMatch(b -> b[0] == 1), "the replaced message is never sent");
    }

    @Test
    void messagesLeaveAfterTheRetransmitLimit() {
        BroadcastQueue<byte[]> q = new BroadcastQueue<byte[]>(b -> b.length);
        q.add(Topic.LIVENESS, "a", msg(1, 10));
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            assertTrue(q.pending(Topic.LIVENESS, "a"));
            q.take(100, 2, 10, 4, out);
        }
        assertEquals(4, out.size());
        assertFalse(q.pending(Topic.LIVENESS, "a"));
        assertEquals(0, q.size());
        out.clear();
        q.take(100, 2, 10, 4, out);
        assertTrue(out.isEmpty());
    }

    @Test
    void takeRespectsTheByteBudgetAndSkipsWhatDoesNotFit() {
        BroadcastQueue<byte[]> q = new BroadcastQueue<byte[]>(b -> b.length);
        q.add(Topic.LIVENESS, "big", msg(1, 90));
        q.add(Topic.LIVENESS, "small", msg(2, 10));
        List<byte[]> out = new ArrayList<>();
        int used = q.take(50, 2, 10, 4, out);
        assertEquals(1, out.size());
        assertArrayEquals(msg(2, 10), out.get(0));
        assertEquals(12, used);
    }
}
