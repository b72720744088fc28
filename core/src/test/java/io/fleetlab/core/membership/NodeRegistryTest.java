package io.fleetlab.core.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.membership.harness.SimCluster;
import io.fleetlab.core.membership.wire.Message.NodeRecord;
import io.fleetlab.core.membership.wire.NodeStatus;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.peer.StateMessage;
import io.fleetlab.core.testing.Gen;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Node identities shared through a {@link NodeRegistry}: memberships that share one behave exactly
 * as memberships that each keep their own, while holding one copy of every record and row; names
 * no table holds any more are dropped and their index reused.
 */
class NodeRegistryTest {
    private static final GossipConfig LAN = GossipConfig.lan();

    /** A story with joins, a crash, a leave and reaping; returns what an outsider can observe. */
    private static List<Object> story(SimCluster c) {
        c.start(10);
        c.runFor(Duration.ofSeconds(20));
        c.node(3).shutdown();
        c.runFor(Duration.ofSeconds(20));
        c.node(5).leave(() -> { });
        Membership late = c.add();
        late.join(List.of(c.node(0).address()));
        late.setState(PeerState.PARTICIPANT);
        c.runFor(Duration.ofSeconds(60)); // past the gossip-to-the-dead time: the crashed and the left are reaped
        List<Object> seen = new ArrayList<>(c.events);
        for (Membership m : c.nodes) {
            seen.add(m.name() + " " + m.running() + " " + m.incarnation() + " " + m.memberCount() + " " + m.peers());
            for (Membership other : c.nodes) {
                seen.add(m.statusOf(other.name()));
                seen.add(m.stateOf(other.name()));
            }
        }
        return seen;
    }

    @Test
    void sharedRegistryChangesNothingObservable() {
        for (long seed = 21; seed <= 23; seed++) {
            List<Object> own = story(new SimCluster(seed, LAN));
            List<Object> shared = story(new SimCluster(seed, LAN).sharing(new NodeRegistry()));
            assertEquals(own, shared, "seed " + seed);
        }
    }

    @Test
    void sharedRegistryHoldsOneRowPerMemberAndState() {
        SimCluster c = new SimCluster(5, LAN).sharing(new NodeRegistry()).start(8);
        assertTrue(c.runUntil(c::converged, Duration.ofSeconds(30)));
        List<Peer> a = c.node(1).peers();
        List<Peer> b = c.node(2).peers();
        for (int k = 0; k < a.size(); k++) {
            Peer p = a.get(k);
            Peer q = b.get(k);
            assertEquals(p.name(), q.name());
            if (!p.self() && !q.self()) {
                assertSame(p, q, "one shared row for " + p.name());
            }
        }
    }

    @Test
    void valuesAreSharedAndNamesReleasedWithTheirLastHolder() {
        NodeRegistry r = new NodeRegistry();
        NodeRegistry.Entry a = r.acquire("a");
        NodeRegistry.Entry again = r.acquire(new String("a"));
        assertSame(a, again);
        NodeRecord first = r.record(a, new NodeRecord(new String("a"), "h:1", 3, NodeStatus.ALIVE));
        assertSame(a.name, first.name(), "the shared record uses the registry's name");
        assertSame(first, r.record(a, new NodeRecord("a", "h:1", 3, NodeStatus.ALIVE)));
        assertSame(first, r.record(a, "h:1", 3, NodeStatus.ALIVE));
        NodeRecord suspect = r.record(a, "h:1", 3, NodeStatus.SUSPECT);
        assertSame(first, r.record(a, "h:1", 3, NodeStatus.ALIVE), "one shared record per status");
        assertNotSame(first, suspect);
        StateMessage s = r.state(a, new StateMessage("a", PeerState.PARTICIPANT, 2));
        assertSame(s, r.state(a, new StateMessage("a", PeerState.PARTICIPANT, 2)));
        Peer p = r.peer(a, "h:1", PeerState.PARTICIPANT);
        assertSame(p, r.peer(a, "h:1", PeerState.PARTICIPANT));
        assertEquals("h:2", r.peer(a, "h:2", PeerState.PARTICIPANT).address(), "a moved node gets a new row");

        int index = a.index;
        r.release(a);
        assertSame(a, r.find("a"), "still held once");
        r.release(a);
        assertNull(r.find("a"));
        assertEquals(0, r.size());
        assertEquals(index, r.acquire("b").index, "a free index is reused");
    }

    @Test
    void keepsHeldNamesInOrder() {
        for (int c = 0; c < 200; c++) {
            long seed = 9100 + c;
            SplittableRandom rnd = new SplittableRandom(seed);
            NodeRegistry r = new NodeRegistry();
            TreeSet<String> expected = new TreeSet<>();
            List<String> pool = Gen.names(rnd, 1 + rnd.nextInt(100));
            for (int op = 0; op < 300; op++) {
                String n = pool.get(rnd.nextInt(pool.size()));
                if (expected.contains(n) && rnd.nextBoolean()) {
                    r.release(r.find(n));
                    expected.remove(n);
                } else if (!expected.contains(n)) {
                    r.acquire(n);
                    expected.add(n);
                }
            }
            List<String> actual = new ArrayList<>();
            for (int k = 0; k < r.sortedSize(); k++) {
                actual.add(r.sortedAt(k).name);
            }
            assertEquals(new ArrayList<>(expected), actual, "seed " + seed);
        }
    }

    /**
     * The entries of a list resolved once are handed out again for the same list only while they
     * still answer as a lookup would: seeded runs of acquires, releases (an index freed and reused)
     * and changes to the list itself, with three lists in turn.
     */
    @Test
    void entriesOfAListAnswerAsLookupsThroughReleasesAndChanges() {
        int reused = 0;
        for (int c = 0; c < 200; c++) {
            long seed = 9700 + c;
            SplittableRandom rnd = new SplittableRandom(seed);
            NodeRegistry r = new NodeRegistry();
            List<String> pool = Gen.names(rnd, 1 + rnd.nextInt(60));
            List<List<String>> lists = new ArrayList<>();
            for (int l = 0; l < 3; l++) {
                List<String> list = new ArrayList<>();
                int n = rnd.nextInt(pool.size() + 1);
                for (int k = 0; k < n; k++) {
                    list.add(new String(pool.get(rnd.nextInt(pool.size()))));
                }
                lists.add(list);
            }
            for (int op = 0; op < 200; op++) {
                String n = pool.get(rnd.nextInt(pool.size()));
                int what = rnd.nextInt(10);
                if (what < 3) {
                    r.acquire(n);
                } else if (what < 5 && r.find(n) != null) {
                    r.release(r.find(n));
                } else if (what < 6) {
                    List<String> list = lists.get(rnd.nextInt(3));
                    if (!list.isEmpty()) {
                        list.set(rnd.nextInt(list.size()), n);
                    }
                } else {
                    List<String> list = lists.get(rnd.nextInt(3));
                    NodeRegistry.Entry[] first = r.entriesOf(list, s -> s);
                    NodeRegistry.Entry[] again = r.entriesOf(list, s -> s);
                    reused += first == again ? 1 : 0;
                    assertEquals(list.size(), again.length, "seed " + seed);
                    for (int k = 0; k < list.size(); k++) {
                        assertSame(r.find(list.get(k)), first[k], "seed " + seed + " op " + op + " " + list.get(k));
                        assertSame(r.find(list.get(k)), again[k], "seed " + seed + " op " + op + " " + list.get(k));
                    }
                }
            }
        }
        assertTrue(reused > 1000, "resolved lists handed out again: " + reused);
    }
}
