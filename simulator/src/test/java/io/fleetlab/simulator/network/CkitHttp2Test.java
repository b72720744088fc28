package io.fleetlab.simulator.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.transport.TransportHandler;
import io.fleetlab.simulator.engine.NodeScheduler;
import io.fleetlab.simulator.engine.Simulation;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * ckit's HTTP/2 transport as grafana/ckit {@code internal/gossiphttp/transport.go} builds it: one
 * sender worker per node with a 5 s timeout per POST ({@code writeToSync}), a 1,000-packet outgoing
 * queue that drops the oldest ({@code packetBufferSize}), ordered delivery on each connection with
 * TCP retransmission instead of loss.
 */
class CkitHttp2Test {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000 * MS;
    private static final LatencyModel ONE_MS = new LatencyModel("constant", 1, 0, 0, 0);

    /** Node name -> (arrival time -> packet number), in arrival order. */
    private final Map<String, List<long[]>> got = new TreeMap<>();

    private SimTransport node(SimNetwork net, Simulation sim, String name) {
        SimTransport t = net.attach(name, name + ":1", new NodeScheduler(sim));
        List<long[]> mine = new ArrayList<>();
        got.put(name, mine);
        t.bind(new TransportHandler() {
            @Override
            public void onPacket(String from, byte[] packet) {
                mine.add(new long[] {sim.now(), ByteBuffer.wrap(packet).getInt()});
            }

            @Override
            public void onReliable(String from, byte[] message) {
                mine.add(new long[] {sim.now(), ByteBuffer.wrap(message).getInt()});
            }
        });
        return t;
    }

    private static byte[] numbered(int i) {
        return ByteBuffer.allocate(64).putInt(i).array();
    }

    private static SimNetwork network(Simulation sim, double loss, long seed) {
        return new SimNetwork(sim, RandomSource.XO_RO_SHI_RO_128_PP.create(seed),
                new NetworkConditions(ONE_MS, loss, 0, 0, 2 * S), TransportKind.CKIT_HTTP2);
    }

    @Test
    void aFullQueueDropsTheOldestAndWhatIsSentArrivesInOrder() {
        Simulation sim = new Simulation();
        SimNetwork net = network(sim, 0, 1);
        SimTransport a = node(net, sim, "a");
        node(net, sim, "b");
        a.sendPacket("b:1", numbered(0)); // opens the connection
        sim.runUntil(S);
        net.partitions().split(List.of(List.of("a"), List.of("b")));
        for (int i = 1; i <= 1500; i++) {
            a.sendPacket("b:1", numbered(i));
        }
        assertEquals(1000, net.queued(a), "the queue holds 1,000 packets");
        assertEquals(499, net.counters().queueDrops(), "1,500 queued while the worker holds one: 499 dropped");
        sim.runUntil(12 * S);
        net.partitions().heal();
        sim.runUntil(400 * S);
        List<Long> order = new ArrayList<>();
        for (long[] g : got.get("b")) {
            order.add(g[1]);
        }
        List<Long> expected = new ArrayList<>(List.of(0L, 1L));
        for (long i = 501; i <= 1500; i++) {
            expected.add(i);
        }
        assertEquals(expected, order, "the oldest were dropped; nothing else lost, nothing reordered");
        assertTrue(net.counters().sendTimeouts() >= 2, "posts into the partition time out");
        assertEquals(0, net.queued(a));
    }

    @Test
    void oneWorkerWaitsFiveSecondsForAnUnansweredPostBeforeTheNextPeer() {
        Simulation sim = new Simulation();
        SimNetwork net = network(sim, 0, 2);
        SimTransport a = node(net, sim, "a");
        node(net, sim, "b");
        node(net, sim, "c");
        a.sendPacket("b:1", numbered(1));
        a.sendPacket("c:1", numbered(2));
        sim.runUntil(S);
        assertEquals(1, got.get("b").size());
        assertEquals(1, got.get("c").size());
        net.partitions().cutOneWay(List.of("b"), List.of("a")); // b hears a but its answers never come back
        long start = sim.now();
        a.sendPacket("b:1", numbered(3));
        a.sendPacket("c:1", numbered(4));
        sim.runUntil(20 * S);
        assertEquals(3, got.get("b").get(1)[1], "the post to b arrives");
        long toC = got.get("c").get(1)[0] - start;
        assertTrue(toC >= 5 * S && toC < 5 * S + 10 * MS, "c's packet waits for b's 5 s timeout: " + toC / 1e9);
        assertEquals(1, net.counters().sendTimeouts());
    }

    @Test
    void lossBecomesRetransmissionDelayNeverLossOrReordering() {
        for (long seed = 1; seed <= 3; seed++) {
            got.clear();
            Simulation sim = new Simulation();
            SimNetwork net = network(sim, 0.2, seed);
            SimTransport a = node(net, sim, "a");
            node(net, sim, "b");
            int n = 400;
            for (int i = 0; i < n; i++) {
                a.sendPacket("b:1", numbered(i));
            }
            sim.runUntil(3_000 * S);
            List<long[]> b = got.get("b");
            assertEquals(n, b.size(), "seed " + seed + ": TCP loses nothing");
            long slowest = 0;
            for (int i = 0; i < n; i++) {
                assertEquals(i, b.get(i)[1], "seed " + seed + ": in order");
                if (i > 0) {
                    slowest = Math.max(slowest, b.get(i)[0] - b.get(i - 1)[0]);
                }
            }
            assertTrue(net.counters().retransmissions() > 0.1 * n, "seed " + seed + ": about one in five is retransmitted");
            assertTrue(slowest >= 200 * MS, "seed " + seed + ": a retransmission waits for the 200 ms RTO floor");
            assertEquals(0, net.counters().packetsLost());
        }
    }

    @Test
    void aPeerThatIsGoneResetsAndTheNextPostConnectsAgain() {
        Simulation sim = new Simulation();
        SimNetwork net = network(sim, 0, 3);
        SimTransport a = node(net, sim, "a");
        SimTransport b = node(net, sim, "b");
        a.sendPacket("b:1", numbered(1));
        sim.runUntil(S);
        assertEquals(1, net.counters().connectionsOpened());
        b.close();
        a.sendPacket("b:1", numbered(2));
        sim.runUntil(2 * S);
        assertEquals(1, net.counters().sendFailures(), "the closed process answers with a reset, not a timeout");
        assertEquals(0, net.counters().sendTimeouts());
        node(net, sim, "b"); // the node restarts at the same address
        a.sendPacket("b:1", numbered(3));
        sim.runUntil(3 * S);
        assertEquals(2, net.counters().connectionsOpened(), "a new connection to the new process");
        assertEquals(3, got.get("b").get(0)[1]);
    }

    @Test
    void aProcessThatExitsClosesItsConnectionsSoAStreamToItsSuccessorGetsThrough() {
        Simulation sim = new Simulation();
        SimNetwork net = network(sim, 0, 6);
        SimTransport a = node(net, sim, "a");
        SimTransport b = node(net, sim, "b");
        a.sendPacket("b:1", numbered(1));
        sim.runUntil(S);
        b.close();
        node(net, sim, "b"); // restarted at once, the join push-pull's reply goes back to it
        sim.runUntil(S + 5 * MS);
        boolean[] failed = {false};
        a.sendReliable("b:1", numbered(2), () -> failed[0] = true);
        sim.runUntil(2 * S);
        assertFalse(failed[0], "the old connection was closed by the exiting process, not reused");
        assertEquals(2, got.get("b").get(0)[1]);
    }

    @Test
    void aFrameLargerThanTwoBytesOfLengthIsNeverSent() {
        Simulation sim = new Simulation();
        SimNetwork net = network(sim, 0, 4);
        SimTransport a = node(net, sim, "a");
        node(net, sim, "b");
        a.sendPacket("b:1", new byte[CkitHttp2.MAX_MESSAGE_BYTES + 1]);
        a.sendPacket("b:1", numbered(7));
        sim.runUntil(S);
        assertEquals(1, net.counters().oversize());
        assertEquals(1, got.get("b").size());
        assertEquals(7, got.get("b").get(0)[1]);
    }

    @Test
    void aStreamIntoAPartitionFailsAfterTheStreamTimeoutAndIsNotDeliveredLate() {
        Simulation sim = new Simulation();
        SimNetwork net = network(sim, 0, 5);
        SimTransport a = node(net, sim, "a");
        node(net, sim, "b");
        net.partitions().split(List.of(List.of("a"), List.of("b")));
        long[] failedAt = {-1};
        a.sendReliable("b:1", numbered(9), () -> failedAt[0] = sim.now());
        sim.runUntil(3 * S);
        assertEquals(2 * S, failedAt[0], "the stream timeout (ckit: memberlist's TCPTimeout of 2 s)");
        net.partitions().heal();
        sim.runUntil(30 * S);
        assertTrue(got.get("b").isEmpty());
        failedAt[0] = -1;
        a.sendReliable("b:1", numbered(10), () -> failedAt[0] = sim.now());
        sim.runUntil(31 * S);
        assertEquals(-1, failedAt[0]);
        assertEquals(10, got.get("b").get(0)[1]);
    }

    @Test
    void theSameSeedReplaysTheSameDeliveries() {
        List<String> runs = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            got.clear();
            Simulation sim = new Simulation();
            SimNetwork net = network(sim, 0.3, 77);
            SimTransport a = node(net, sim, "a");
            node(net, sim, "b");
            node(net, sim, "c");
            for (int i = 0; i < 200; i++) {
                a.sendPacket(i % 2 == 0 ? "b:1" : "c:1", numbered(i));
            }
            sim.runUntil(600 * S);
            StringBuilder sb = new StringBuilder();
            got.forEach((k, v) -> v.forEach(x -> sb.append(k).append(x[0]).append(':').append(x[1]).append(' ')));
            runs.add(sb.toString());
        }
        assertEquals(runs.get(0), runs.get(1));
        assertFalse(runs.get(0).isEmpty());
    }
}
