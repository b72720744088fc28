package io.fleetlab.core.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.membership.GossipConfig;
import io.fleetlab.core.membership.NodeEvent;
import io.fleetlab.core.membership.wire.NodeStatus;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.ring.HashingAlgorithm;
import io.fleetlab.core.ring.Op;
import io.fleetlab.core.ring.Sharder;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Five nodes on real loopback UDP/TCP sockets with fast timings: converge, crash one, agree it is gone. */
class LoopbackClusterTest {
    static final GossipConfig FAST = GossipConfig.lan()
            .withProbeInterval(Duration.ofMillis(200))
            .withProbeTimeout(Duration.ofMillis(100))
            .withGossipInterval(Duration.ofMillis(50))
            .withPushPullInterval(Duration.ofSeconds(2))
            .withNotifyInterval(Duration.ofMillis(100));

    private final List<LocalNode> nodes = new ArrayList<>();

    @AfterEach
    void stopAll() {
        for (LocalNode n : nodes) {
            n.kill();
        }
    }

    @Test
    @Timeout(30)
    void fiveNodesConvergeAndAgreeACrashedNodeIsDead() throws Exception {
        SplittableRandom seeds = new SplittableRandom(2026);
        ConcurrentLinkedQueue<NodeEvent> events = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < 5; i++) {
            LocalNode n = LocalNode.create("loop-" + i, new InetSocketAddress("127.0.0.1", 0), FAST, seeds.split());
            nodes.add(n);
            n.onEvent(events::add);
            n.start(i == 0 ? List.of() : List.of(nodes.get(0).address()), PeerState.PARTICIPANT);
        }
        assertTrue(await(() -> nodes.stream().allMatch(n -> participants(n).size() == 5), Duration.ofSeconds(10)),
                "no convergence: " + views());

        Sharder before = HashingAlgorithm.ALLOY_RING.create(512);
        before.setPeers(nodes.get(0).peers());
        LocalNode victim = nodes.get(4);
        victim.kill();
        List<LocalNode> survivors = nodes.subList(0, 4);
        assertTrue(await(() -> survivors.stream().allMatch(n -> n.statusOf("loop-4") == NodeStatus.DEAD),
                Duration.ofSeconds(12)), "crash not detected by all: " + views());
        for (LocalNode n : survivors) {
            assertFalse(participants(n).contains("loop-4"), n.name() + " still lists loop-4 as a participant");
            assertEquals(4, participants(n).size(), n.name() + " sees " + participants(n));
        }
        assertTrue(events.stream().anyMatch(e -> e instanceof NodeEvent.Dead && e.node().equals("loop-4")));
        assertFalse(events.stream().anyMatch(e -> e instanceof NodeEvent.Dead && !e.node().equals("loop-4")),
                "false positive: " + events);

        // The ring agrees: only the victim's keys move, and they move to survivors.
        Sharder after = HashingAlgorithm.ALLOY_RING.create(512);
        after.setPeers(survivors.get(1).peers());
        SplittableRandom keys = new SplittableRandom(7);
        int moved = 0;
        int owned = 0;
        for (int i = 0; i < 10_000; i++) {
            long key = keys.nextLong();
            String was = before.owner(key, Op.READ_WRITE).name();
            String now = after.owner(key, Op.READ_WRITE).name();
            if (was.equals("loop-4")) {
                owned++;
                assertFalse(now.equals("loop-4"));
                moved++;
            } else {
                assertEquals(was, now, "a key not owned by the crashed node moved");
            }
        }
        assertTrue(owned > 1000 && owned < 3000, "loop-4 owned " + owned + " of 10000 keys");
        assertEquals(owned, moved);
    }

    @Test
    @Timeout(20)
    void gracefulLeaveIsSeenAsLeftOnRealSockets() throws Exception {
        SplittableRandom seeds = new SplittableRandom(77);
        for (int i = 0; i < 3; i++) {
            LocalNode n = LocalNode.create("leave-" + i, new InetSocketAddress("127.0.0.1", 0), FAST, seeds.split());
            nodes.add(n);
            n.start(i == 0 ? List.of() : List.of(nodes.get(0).address()), PeerState.PARTICIPANT);
        }
        assertTrue(await(() -> nodes.stream().allMatch(n -> participants(n).size() == 3), Duration.ofSeconds(10)));
        assertTrue(nodes.get(2).leave(5_000), "leave did not finish");
        assertTrue(await(() -> nodes.get(0).statusOf("leave-2") == NodeStatus.LEFT
                && nodes.get(1).statusOf("leave-2") == NodeStatus.LEFT, Duration.ofSeconds(5)), views());
    }

    private static List<String> participants(LocalNode n) {
        List<String> out = new ArrayList<>();
        for (Peer p : n.peers()) {
            if (p.state() == PeerState.PARTICIPANT) {
                out.add(p.name());
            }
        }
        return out;
    }

    private String views() {
        StringBuilder sb = new StringBuilder();
        for (LocalNode n : nodes) {
            try {
                sb.append(n.name()).append("=").append(participants(n)).append(' ');
            } catch (RuntimeException e) {
                sb.append(n.name()).append("=stopped ");
            }
        }
        return sb.toString();
    }

    private static boolean await(BooleanSupplier cond, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            if (cond.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return cond.getAsBoolean();
    }
}
