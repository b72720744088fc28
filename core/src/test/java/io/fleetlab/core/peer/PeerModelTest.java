package io.fleetlab.core.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.testing.Property;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeerModelTest {

    @Test
    void onlyTheTwoForwardTransitionsAreAllowed() {
        for (PeerState from : PeerState.values()) {
            for (PeerState to : PeerState.values()) {
                boolean allowed = (from == PeerState.VIEWER && to == PeerState.PARTICIPANT)
                        || (from == PeerState.PARTICIPANT && to == PeerState.TERMINATING);
                assertEquals(allowed, from.canTransitionTo(to), from + " -> " + to);
                Peer p = new Peer("n", "n:1", from, false);
                if (allowed) {
                    assertEquals(to, p.transitionTo(to).state());
                } else {
                    assertThrows(IllegalStateException.class, () -> p.transitionTo(to));
                }
            }
        }
    }

    @Test
    void lamportClockIsMonotonicAndAheadOfEverythingObserved() {
        Property.forAll(300, r -> {
            LamportClock clock = new LamportClock();
            long maxSeen = -1;
            long last = clock.now();
            for (int i = 0; i < 100; i++) {
                if (r.nextBoolean()) {
                    long t = clock.tick();
                    assertTrue(t > last, "tick must advance");
                } else {
                    long seen = r.nextLong(0, 1_000);
                    clock.observe(seen);
                    maxSeen = Math.max(maxSeen, seen);
                }
                assertTrue(clock.now() >= last, "never goes back");
                assertTrue(clock.now() > maxSeen, "after observing t the clock is past t");
                last = clock.now();
            }
        });
    }

    @Test
    void aStateMessageIsKeptOnlyWhenNewer() {
        Property.forAll(300, r -> {
            Map<String, StateMessage> held = new HashMap<>();
            Map<String, Long> newest = new HashMap<>();
            PeerState[] states = PeerState.values();
            for (int i = 0; i < 200; i++) {
                String node = "n" + r.nextInt(5);
                StateMessage m = new StateMessage(node, states[r.nextInt(3)], r.nextLong(0, 50));
                if (m.supersedes(held.get(node))) {
                    held.put(node, m);
                }
                newest.merge(node, m.lamportTime(), Math::max);
            }
            held.forEach((node, m) -> assertEquals(newest.get(node), m.lamportTime(), node));
        });
    }

    @Test
    void equalTimesDoNotReplace() {
        StateMessage a = new StateMessage("n", PeerState.PARTICIPANT, 3);
        assertFalse(new StateMessage("n", PeerState.TERMINATING, 3).supersedes(a));
        assertTrue(new StateMessage("n", PeerState.TERMINATING, 4).supersedes(a));
        assertTrue(a.supersedes(null));
    }
}
