package io.fleetlab.core.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.membership.harness.PacketInjector;
import io.fleetlab.core.membership.harness.SimCluster;
import io.fleetlab.core.membership.wire.Message;
import io.fleetlab.core.membership.wire.NodeStatus;
import io.fleetlab.core.peer.LamportClock;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.peer.StateMessage;
import io.fleetlab.core.time.Cancellable;
import io.fleetlab.core.time.Scheduler;
import io.fleetlab.core.transport.Transport;
import io.fleetlab.core.transport.TransportHandler;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Forged counters at their largest value and exceptions inside timers: the node must keep running,
 * keep encoding its own record and keep every periodic task (probe, gossip, push-pull) alive.
 */
class CounterAndTimerHardeningTest {
    private static final GossipConfig LAN = GossipConfig.lan();

    private static SimCluster converged(long seed, int n) {
        SimCluster c = new SimCluster(seed, LAN).start(n);
        assertTrue(c.runUntil(c::converged, Duration.ofSeconds(30)), "seed " + seed + " did not converge");
        return c;
    }

    @Test
    void lamportClockSaturatesInsteadOfWrapping() {
        LamportClock clock = new LamportClock();
        clock.observe(Long.MAX_VALUE - 1);
        assertEquals(Long.MAX_VALUE, clock.now());
        clock.observe(Long.MAX_VALUE);
        assertEquals(Long.MAX_VALUE, clock.now());
        assertEquals(Long.MAX_VALUE, clock.tick());
        assertEquals(Long.MAX_VALUE, clock.tick());
    }

    @Test
    void aForgedSuspicionAtTheLargestIncarnationNeitherOverflowsNorStopsPushPull() {
        for (Message forged : List.<Message>of(new Message.Suspect(Long.MAX_VALUE, "node1", "node2"),
                new Message.Dead(Long.MAX_VALUE, "node1", "node2"))) {
            SimCluster c = converged(31, 3);
            Membership victim = c.node(1);
            long before = victim.incarnation();
            new PacketInjector(c).send(victim, forged);
            c.runFor(Duration.ofSeconds(1));
            // dropped as implausibly far ahead (IncarnationBoundTest): no overflow, no pinned counter
            assertEquals(before, victim.incarnation(), forged + ": the incarnation moved");
            assertTrue(victim.running());
            long reliableBefore = victim.traffic().reliableSent();
            long packetsBefore = victim.traffic().packetsSent();
            // three push-pull intervals (30 s each at LAN settings)
            c.runFor(Duration.ofSeconds(95));
            assertTrue(victim.traffic().reliableSent() >= reliableBefore + 2,
                    forged + ": push-pull stopped (" + reliableBefore + " -> " + victim.traffic().reliableSent() + ")");
            assertTrue(victim.traffic().packetsSent() > packetsBefore + 50, forged + ": probing or gossip stopped");
            assertTrue(victim.running());
        }
    }

    @Test
    void aForgedLamportTimeAtTheLargestValueKeepsStatesEncodable() {
        SimCluster c = converged(32, 3);
        Membership victim = c.node(0);
        new PacketInjector(c).send(victim,
                new Message.PeerStateUpdate(new StateMessage("node2", PeerState.PARTICIPANT, Long.MAX_VALUE)));
        c.runFor(Duration.ofSeconds(1));
        // announcing a state after the clock was pinned must still produce an encodable message
        victim.setState(PeerState.TERMINATING);
        assertEquals(Long.MAX_VALUE, victim.stateOf("node0").lamportTime());
        long reliableBefore = victim.traffic().reliableSent();
        c.runFor(Duration.ofSeconds(95));
        assertTrue(victim.traffic().reliableSent() >= reliableBefore + 2, "push-pull stopped");
        assertTrue(victim.running());
    }

    /** A transport that throws while {@code failing} is set, as a buggy or overloaded one might. */
    private static final class FlakyTransport implements Transport {
        private final Transport inner;
        boolean failing;

        FlakyTransport(Transport inner) {
            this.inner = inner;
        }

        @Override
        public String localAddress() {
            return inner.localAddress();
        }

        @Override
        public void bind(TransportHandler handler) {
            inner.bind(handler);
        }

        @Override
        public void sendPacket(String toAddress, byte[] packet) {
            if (failing) {
                throw new IllegalStateException("send failed");
            }
            inner.sendPacket(toAddress, packet);
        }

        @Override
        public void sendReliable(String toAddress, byte[] message, Runnable onFailure) {
            if (failing) {
                throw new IllegalStateException("send failed");
            }
            inner.sendReliable(toAddress, message, onFailure);
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    /** Logs and swallows a task's exception, as {@code RealTimeScheduler} does. */
    private record GuardingScheduler(Scheduler inner) implements Scheduler {
        @Override
        public long nowNanos() {
            return inner.nowNanos();
        }

        @Override
        public Cancellable schedule(long delayNanos, Runnable task) {
            return inner.schedule(delayNanos, () -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    // swallowed like the real event loop does
                }
            });
        }
    }

    @Test
    void anExceptionInsideEveryTimerDoesNotStopAnyPeriodicTask() {
        SimCluster c = converged(33, 3);
        FlakyTransport flaky = new FlakyTransport(c.network.transport("10.0.0.9:7946"));
        Membership m = new Membership("flaky", LAN, new GuardingScheduler(c.scheduler), flaky, new SplittableRandom(7));
        m.join(List.of(c.node(0).address()));
        m.setState(PeerState.PARTICIPANT);
        assertTrue(c.runUntil(() -> c.node(0).statusOf("flaky") == NodeStatus.ALIVE && m.peers().size() == 4,
                Duration.ofSeconds(30)));
        flaky.failing = true;
        c.runFor(Duration.ofSeconds(65)); // every probe, gossip, push-pull tick in here throws
        flaky.failing = false;
        long reliableBefore = m.traffic().reliableSent();
        long packetsBefore = m.traffic().packetsSent();
        c.runFor(Duration.ofSeconds(95));
        assertTrue(m.traffic().reliableSent() >= reliableBefore + 2, "push-pull did not resume");
        assertTrue(m.traffic().packetsSent() > packetsBefore + 50, "probing and gossip did not resume");
        assertEquals(4, m.peers().size());
    }
}
