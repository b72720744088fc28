package io.fleetlab.simulator.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.transport.TransportHandler;
import io.fleetlab.simulator.engine.EventLoop;
import io.fleetlab.simulator.engine.RunRandom;
import io.fleetlab.simulator.engine.SimScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SimNetworkTest {
    private static final long MS = 1_000_000L;

    private static final class Inbox implements TransportHandler {
        final List<String> packets = new ArrayList<>();
        final List<String> reliable = new ArrayList<>();

        @Override
        public void onPacket(String from, byte[] p) {
            packets.add(from + ":" + new String(p));
        }

        @Override
        public void onReliable(String from, byte[] m) {
            reliable.add(from + ":" + new String(m));
        }
    }

    private static SimNetwork network(EventLoop loop, double loss) {
        RunRandom r = new RunRandom(7);
        return new SimNetwork(loop, LatencyModel.of("constant", MS, 0, r.split()),
                new NetworkConditions(loss, 0, 0, 0, 100 * MS), r.split());
    }

    @Test
    void lossDropsAboutTheConfiguredFractionAndCountsWhatWasSent() {
        EventLoop loop = new EventLoop();
        SimNetwork net = network(loop, 0.3);
        SimTransport a = net.attach("a", new SimScheduler(loop));
        SimTransport b = net.attach("b", new SimScheduler(loop));
        Inbox in = new Inbox();
        a.bind(new Inbox());
        b.bind(in);
        for (int i = 0; i < 10_000; i++) {
            a.sendPacket("b", new byte[] {1, 2});
        }
        loop.runUntil(10 * MS);
        double delivered = in.packets.size() / 10_000.0;
        assertTrue(Math.abs(delivered - 0.7) < 0.03, "delivered " + delivered);
        assertEquals(10_000, net.messagesSent(a.id()));
        assertEquals(20_000, net.bytesSent(a.id()));
        assertEquals(in.packets.size(), net.messagesReceived(b.id()));
    }

    @Test
    void partitionsBlockBothWaysOrOneWayAndHealRestores() {
        EventLoop loop = new EventLoop();
        SimNetwork net = network(loop, 0);
        SimTransport a = net.attach("a", new SimScheduler(loop));
        SimTransport b = net.attach("b", new SimScheduler(loop));
        Inbox ina = new Inbox();
        Inbox inb = new Inbox();
        a.bind(ina);
        b.bind(inb);
        net.partition(List.of(List.of("a"), List.of("b")), true);
        a.sendPacket("b", "x".getBytes());
        b.sendPacket("a", "y".getBytes());
        loop.runUntil(5 * MS);
        assertEquals(List.of(), inb.packets);
        assertEquals(List.of("b:y"), ina.packets);
        net.partition(List.of(List.of("a"), List.of("b")), false);
        b.sendPacket("a", "z".getBytes());
        AtomicInteger failures = new AtomicInteger();
        a.sendReliable("b", "r".getBytes(), failures::incrementAndGet);
        loop.runUntil(50 * MS);
        assertEquals(List.of("b:y"), ina.packets);
        assertEquals(0, failures.get(), "a reliable message fails only after the timeout");
        loop.runUntil(200 * MS);
        assertEquals(1, failures.get());
        net.heal();
        a.sendReliable("b", "s".getBytes(), failures::incrementAndGet);
        loop.runUntil(400 * MS);
        assertEquals(List.of("a:s"), inb.reliable);
        assertEquals(1, failures.get());
    }

    @Test
    void reliableMessagesToAClosedNodeFailAndPausedReceiversGetThemLate() {
        EventLoop loop = new EventLoop();
        SimNetwork net = network(loop, 0);
        SimTransport a = net.attach("a", new SimScheduler(loop));
        SimScheduler bs = new SimScheduler(loop);
        SimTransport b = net.attach("b", bs);
        Inbox inb = new Inbox();
        a.bind(new Inbox());
        b.bind(inb);
        bs.pause();
        a.sendPacket("b", "p".getBytes());
        loop.runUntil(20 * MS);
        assertTrue(inb.packets.isEmpty());
        bs.resume();
        loop.runUntil(21 * MS);
        assertEquals(List.of("a:p"), inb.packets);
        b.close();
        AtomicInteger failures = new AtomicInteger();
        a.sendReliable("b", "r".getBytes(), failures::incrementAndGet);
        loop.runUntil(500 * MS);
        assertEquals(1, failures.get());
    }

    @Test
    void latencyDistributionsHaveTheirConfiguredCentre() {
        RunRandom r = new RunRandom(3);
        for (String kind : List.of("uniform", "normal", "lognormal", "exponential")) {
            LatencyModel m = switch (kind) {
                case "uniform" -> LatencyModel.of(kind, 0, 2 * MS, r.split());
                case "normal" -> LatencyModel.of(kind, MS, 0.1 * MS, r.split());
                case "lognormal" -> LatencyModel.of(kind, MS, 0.5, r.split());
                default -> LatencyModel.of(kind, MS, 0, r.split());
            };
            double[] xs = new double[20_001];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = m.sampleNanos();
            }
            java.util.Arrays.sort(xs);
            double centre = kind.equals("exponential") ? java.util.Arrays.stream(xs).average().orElseThrow() : xs[10_000];
            assertTrue(Math.abs(centre - MS) < 0.05 * MS, kind + " centre " + centre);
        }
    }
}
