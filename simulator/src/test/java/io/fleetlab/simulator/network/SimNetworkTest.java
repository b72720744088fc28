package io.fleetlab.simulator.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.transport.TransportHandler;
import io.fleetlab.simulator.engine.NodeScheduler;
import io.fleetlab.simulator.engine.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

class SimNetworkTest {
    private static final LatencyModel ONE_MS = new LatencyModel("constant", 1, 0, 0, 0);

    private static NetworkConditions conditions(double loss, double dup) {
        return new NetworkConditions(ONE_MS, loss, dup, 0, 5_000_000_000L);
    }

    private record Pair(Simulation sim, SimNetwork net, SimTransport a, SimTransport b, List<byte[]> got) {}

    private static Pair pair(double loss, double dup) {
        Simulation sim = new Simulation();
        SimNetwork net = new SimNetwork(sim, RandomSource.XO_RO_SHI_RO_128_PP.create(5L), conditions(loss, dup));
        SimTransport a = net.attach("a", "a:1", new NodeScheduler(sim));
        SimTransport b = net.attach("b", "b:1", new NodeScheduler(sim));
        List<byte[]> got = new ArrayList<>();
        b.bind(new TransportHandler() {
            @Override
            public void onPacket(String from, byte[] packet) {
                got.add(packet);
            }

            @Override
            public void onReliable(String from, byte[] message) {
                got.add(message);
            }
        });
        a.bind(new TransportHandler() {
            @Override
            public void onPacket(String from, byte[] packet) {}

            @Override
            public void onReliable(String from, byte[] message) {}
        });
        return new Pair(sim, net, a, b, got);
    }

    @Test
    void lossDropsTheConfiguredShareWithinABinomialBound() {
        Pair p = pair(0.3, 0);
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            p.a().sendPacket("b:1", new byte[] {1});
        }
        p.sim().runUntil(1_000_000_000L);
        BinomialDistribution delivered = BinomialDistribution.of(n, 0.7);
        int lo = delivered.inverseCumulativeProbability(1e-6);
        int hi = delivered.inverseSurvivalProbability(1e-6);
        assertTrue(p.got().size() >= lo && p.got().size() <= hi, p.got().size() + " delivered, expected within [" + lo + ", " + hi + "]");
    }

    @Test
    void duplicationDeliversTwice() {
        Pair p = pair(0, 0.5);
        for (int i = 0; i < 10_000; i++) {
            p.a().sendPacket("b:1", new byte[] {1});
        }
        p.sim().runUntil(1_000_000_000L);
        assertTrue(p.got().size() > 14_000 && p.got().size() < 16_000, "about 15,000 copies, got " + p.got().size());
    }

    @Test
    void partitionsCutPacketsAndFailStreamsAfterTheTimeout() {
        Pair p = pair(0, 0);
        p.net().partitions().split(List.of(List.of("a"), List.of("b")));
        AtomicInteger failedAt = new AtomicInteger(-1);
        p.a().sendPacket("b:1", new byte[] {1});
        p.a().sendReliable("b:1", new byte[] {2}, () -> failedAt.set((int) (p.sim().now() / 1_000_000)));
        p.sim().runUntil(10_000_000_000L);
        assertEquals(0, p.got().size());
        assertEquals(5_000, failedAt.get(), "stream fails after the stream timeout (ms)");
        p.net().partitions().heal();
        p.a().sendPacket("b:1", new byte[] {3});
        p.sim().runUntil(11_000_000_000L);
        assertEquals(1, p.got().size());
    }

    @Test
    void oneWayPartitionCutsOneDirectionOnly() {
        Partitions parts = new Partitions();
        parts.cutOneWay(List.of("a"), List.of("b"));
        assertTrue(parts.blocked("a", "b"));
        assertTrue(!parts.blocked("b", "a"));
    }

    @Test
    void latencyIsNeverBelowTheFloor() {
        var rng = RandomSource.XO_RO_SHI_RO_128_PP.create(9L);
        for (String kind : LatencyModel.KINDS) {
            LatencyModel.Sampler s = new LatencyModel(kind, 2, 1.5, 0.8, 0.3).sampler(rng);
            for (int i = 0; i < 10_000; i++) {
                assertTrue(s.sampleNanos() >= 300_000, kind);
            }
        }
    }
}
