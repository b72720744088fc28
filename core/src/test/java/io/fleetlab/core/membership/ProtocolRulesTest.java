package io.fleetlab.core.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.membership.harness.PacketInjector;
import io.fleetlab.core.membership.harness.SimCluster;
import io.fleetlab.core.membership.wire.Keyring;
import io.fleetlab.core.membership.wire.Message;
import io.fleetlab.core.membership.wire.NodeStatus;
import io.fleetlab.core.membership.wire.PacketCodec;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.peer.StateMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** One rule at a time, by injecting crafted packets into a small converged cluster. */
class ProtocolRulesTest {
    private static final GossipConfig LAN = GossipConfig.lan();

    private static SimCluster converged(long seed, int n) {
        SimCluster c = new SimCluster(seed, LAN).start(n);
        assertTrue(c.runUntil(c::converged, Duration.ofSeconds(30)), "seed " + seed + " did not converge");
        return c;
    }

    private static long count(SimCluster c, String observer, String node, Class<? extends NodeEvent> kind) {
        long n = 0;
        for (int i = 0; i < c.events.size(); i++) {
            NodeEvent e = c.events.get(i);
            if (kind.isInstance(e) && e.node().equals(node) && (observer == null || c.observers.get(i).equals(observer))) {
                n++;
            }
        }
        return n;
    }

    /**
     * memberlist's gossip ticker (state.go schedule, triggerFunc) has the phase of the node's
     * creation: its random stagger delays only the first read of a ticker that fires after a whole
     * interval. Nodes started at the same instant therefore gossip at the same instants, and news
     * that arrives just after a tick waits for the next one.
     */
    @Test
    void nodesStartedTogetherGossipOnTheSameTicks() {
        SimCluster c = new SimCluster(40, LAN);
        for (int i = 0; i < 6; i++) {
            c.add();
        }
        for (int i = 0; i < 6; i++) {
            c.node(i).join(i == 0 ? List.of() : List.of(c.node(0).address()));
            c.node(i).setState(PeerState.PARTICIPANT);
        }
        assertTrue(c.runUntil(c::converged, Duration.ofSeconds(30)));
        long interval = LAN.gossipInterval().toNanos();
        // Just after a tick of everyone's gossip ticker, away from the probe ticks (every second).
        long tick = ((c.scheduler.nowNanos() / 1_000_000_000L) + 1) * 1_000_000_000L + 3 * interval;
        c.scheduler.runFor(Duration.ofNanos(tick + 1_000_000 - c.scheduler.nowNanos()));
        int before = c.events.size();
        c.node(0).setState(PeerState.TERMINATING);
        c.scheduler.runFor(Duration.ofSeconds(3));
        int learned = 0;
        for (int i = before; i < c.events.size(); i++) {
            if (c.events.get(i) instanceof NodeEvent.StateChanged sc && sc.node().equals("node0")
                    && !c.observers.get(i).equals("node0")) {
                learned++;
                long since = sc.atNanos() - tick;
                assertTrue(since >= interval, "no one hears it before the next tick: " + since);
                long phase = since % interval;
                assertTrue(phase < interval / 10, "news travels on the shared ticks: " + since);
            }
        }
        assertEquals(5, learned);
    }

    @Test
    void refutationBeatsSuspicion() {
        SimCluster c = converged(21, 4);
        PacketInjector inj = new PacketInjector(c);
        Membership accused = c.node(1);
        long before = accused.incarnation();
        inj.send(c.node(0), new Message.Suspect(before, accused.name(), "node3"));
        c.runFor(Duration.ofMillis(5));
        assertEquals(NodeStatus.SUSPECT, c.node(0).statusOf("node1"));
        assertEquals(1, count(c, "node0", "node1", NodeEvent.Suspected.class));
        assertTrue(c.runUntil(() -> c.allSee("node1", NodeStatus.ALIVE) && accused.incarnation() > before,
                Duration.ofSeconds(10)), "node1 did not refute");
        assertEquals(1, count(c, "node0", "node1", NodeEvent.Alive.class), "node0 saw the refutation");
        c.runFor(Duration.ofSeconds(60));
        assertEquals(0, count(c, null, "node1", NodeEvent.Dead.class), "a refuted suspicion must not kill");
        assertTrue(c.converged());
    }

    @Test
    void aNodeDeclaredDeadByOthersRefutesWithAHigherIncarnation() {
        SimCluster c = converged(22, 3);
        PacketInjector inj = new PacketInjector(c);
        inj.send(c.node(2), new Message.Dead(5, "node2", "node0"));
        assertTrue(c.runUntil(() -> c.node(2).incarnation() == 6, Duration.ofSeconds(1)));
        assertTrue(c.node(2).running());
        c.runFor(Duration.ofSeconds(10));
        assertTrue(c.allSee("node2", NodeStatus.ALIVE));
    }

    @Test
    void olderAliveIsIgnoredAndStaleSuspicionDoesNotApply() {
        SimCluster c = converged(23, 3);
        PacketInjector inj = new PacketInjector(c);
        // raise node1's incarnation, then try to suspect it at the older one
        inj.send(c.node(1), new Message.Suspect(0, "node1", "node2"));
        assertTrue(c.runUntil(() -> c.node(0).incarnation() == 0 && c.allSee("node1", NodeStatus.ALIVE)
                && c.node(1).incarnation() >= 1, Duration.ofSeconds(5)));
        c.runFor(Duration.ofSeconds(5));
        int suspectedBefore = (int) count(c, "node0", "node1", NodeEvent.Suspected.class);
        inj.send(c.node(0), new Message.Suspect(0, "node1", "node2"));
        c.runFor(Duration.ofMillis(10));
        assertEquals(NodeStatus.ALIVE, c.node(0).statusOf("node1"), "a suspicion about an old incarnation is stale");
        assertEquals(suspectedBefore, count(c, "node0", "node1", NodeEvent.Suspected.class));
    }

    @Test
    void newerLamportStateWinsAndOlderIsIgnored() {
        SimCluster c = converged(24, 3);
        PacketInjector inj = new PacketInjector(c);
        long held = c.node(0).stateOf("node1").lamportTime();
        inj.send(c.node(0), new Message.PeerStateUpdate(new StateMessage("node1", PeerState.TERMINATING, held + 100)));
        c.runFor(Duration.ofMillis(5));
        assertEquals(new StateMessage("node1", PeerState.TERMINATING, held + 100), c.node(0).stateOf("node1"));
        inj.send(c.node(0), new Message.PeerStateUpdate(new StateMessage("node1", PeerState.PARTICIPANT, held + 99)));
        c.runFor(Duration.ofMillis(5));
        assertEquals(PeerState.TERMINATING, c.node(0).stateOf("node1").state(), "older message must be ignored");
        inj.send(c.node(0), new Message.PeerStateUpdate(new StateMessage("node1", PeerState.PARTICIPANT, held + 100)));
        c.runFor(Duration.ofMillis(5));
        assertEquals(PeerState.TERMINATING, c.node(0).stateOf("node1").state(), "equal time is not newer");
        // the accepted message spreads to the others
        assertTrue(c.runUntil(() -> c.node(2).stateOf("node1").state() == PeerState.TERMINATING,
                Duration.ofSeconds(5)));
        Peer seen = c.node(2).peers().stream().filter(p -> p.name().equals("node1")).findFirst().orElseThrow();
        assertEquals(PeerState.TERMINATING, seen.state());
    }

    @Test
    void aNodeRestatesItselfWhenItHearsANewerStateAboutItself() {
        SimCluster c = converged(25, 3);
        PacketInjector inj = new PacketInjector(c);
        inj.send(c.node(1), new Message.PeerStateUpdate(new StateMessage("node1", PeerState.VIEWER, 500)));
        c.runFor(Duration.ofMillis(5));
        StateMessage own = c.node(1).stateOf("node1");
        assertEquals(PeerState.PARTICIPANT, own.state());
        assertTrue(own.lamportTime() > 500, "restated with time " + own.lamportTime());
    }

    @Test
    void illegalTransitionsAreRefused() {
        SimCluster c = converged(26, 2);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> c.node(0).setState(PeerState.VIEWER));
        c.node(0).setState(PeerState.TERMINATING);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> c.node(0).setState(PeerState.PARTICIPANT));
    }

    @Test
    void misdirectedPingIsRejectedAndCounted() {
        SimCluster c = converged(27, 2);
        PacketInjector inj = new PacketInjector(c);
        inj.send(c.node(0), new Message.Ping(1, "someone-else", "x", "10.9.9.9:1"));
        c.runFor(Duration.ofMillis(5));
        assertEquals(1, c.node(0).traffic().rejected(RejectReason.UNEXPECTED));
    }

    @Test
    void indirectProbesKeepAMemberAliveWhenOnlyTheDirectLinkIsCut() {
        SimCluster c = converged(28, 5);
        c.network.cut("10.0.0.0:7946", "10.0.0.1:7946");
        c.runFor(Duration.ofSeconds(120));
        assertEquals(0, count(c, null, "node1", NodeEvent.Dead.class));
        assertEquals(0, count(c, null, "node0", NodeEvent.Dead.class));
        assertTrue(c.converged());
    }

    @Test
    void anIsolatedNodeLosesHealthAndDeclaresTheOthersDead() {
        SimCluster c = converged(29, 4);
        for (int i = 1; i < 4; i++) {
            c.network.cut("10.0.0.0:7946", "10.0.0." + i + ":7946");
        }
        assertTrue(c.runUntil(() -> c.node(0).healthScore() > 0, Duration.ofSeconds(10)));
        assertTrue(c.runUntil(() -> c.allSee("node0", NodeStatus.DEAD), Duration.ofSeconds(120)));
    }

    @Test
    void bootstrapsAloneWhenNoSeedAnswersAndRejoinsLater() {
        GossipConfig cfg = LAN.withRejoinInterval(Duration.ofSeconds(5)).withStreamTimeout(Duration.ofSeconds(1));
        SimCluster c = new SimCluster(30, cfg);
        Membership lonely = c.add();
        Membership late = c.add();
        lonely.join(List.of(late.address()));
        lonely.setState(PeerState.PARTICIPANT);
        c.runFor(Duration.ofSeconds(2));
        assertTrue(lonely.running());
        assertEquals(List.of("node0"), lonely.peers().stream().map(Peer::name).toList());
        late.join(List.of());
        late.setState(PeerState.PARTICIPANT);
        assertTrue(c.runUntil(c::converged, Duration.ofSeconds(10)), "rejoin did not merge the two");
    }

    @Test
    void joinContactsAtMostMaxJoinPeersSeeds() {
        GossipConfig cfg = LAN.withMaxJoinPeers(2);
        SimCluster d = new SimCluster(31, cfg);
        Membership m = d.add();
        List<String> seeds = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            seeds.add("10.1.0." + i + ":7946");
        }
        m.join(seeds);
        assertEquals(1, m.traffic().reliableSent(), "seeds are tried one after another");
        d.runFor(Duration.ofSeconds(30));
        assertEquals(2, m.traffic().reliableSent());
    }

    @Test
    void peerSetListenerIsCoalescedAndEndsWithTheLatestView() {
        SimCluster c = new SimCluster(32, LAN);
        List<Long> calls = new ArrayList<>();
        List<List<Peer>> views = new ArrayList<>();
        Membership first = c.add();
        first.addPeerSetListener(peers -> {
            calls.add(c.scheduler.nowNanos());
            views.add(peers);
        });
        first.join(List.of());
        first.setState(PeerState.PARTICIPANT);
        for (int i = 1; i < 10; i++) {
            Membership m = c.add();
            m.join(List.of(first.address()));
            m.setState(PeerState.PARTICIPANT);
        }
        assertTrue(c.runUntil(c::converged, Duration.ofSeconds(30)));
        c.runFor(Duration.ofSeconds(2));
        for (int i = 1; i < calls.size(); i++) {
            assertTrue(calls.get(i) - calls.get(i - 1) >= Duration.ofSeconds(1).toNanos(),
                    "two notifications within the notify interval: " + calls);
        }
        assertEquals(first.peers(), views.get(views.size() - 1));
        assertEquals(10, views.get(views.size() - 1).size());
    }

    @Test
    void garbageIntoTheReceivePathIsCountedNeverThrown() {
        SimCluster c = converged(33, 3);
        PacketInjector inj = new PacketInjector(c);
        long seed = 424242;
        SplittableRandom r = new SplittableRandom(seed);
        int sent = 3000;
        for (int i = 0; i < sent; i++) {
            byte[] junk = new byte[r.nextInt(64)];
            r.nextBytes(junk);
            inj.transport.sendPacket(c.node(0).address(), junk);
            inj.transport.sendReliable(c.node(0).address(), junk, () -> { });
        }
        c.runFor(Duration.ofSeconds(1));
        TrafficCounters t = c.node(0).traffic();
        assertTrue(t.rejectedTotal() >= 2L * sent - 50, "seed " + seed + ": rejected only " + t.rejectedByReason());
        c.runFor(Duration.ofSeconds(10));
        assertTrue(c.converged(), "seed " + seed + ": junk disturbed the cluster");
        assertFalse(t.rejectedByReason().isEmpty());
    }

    @Test
    void probesOfASuspectCarryTheSuspicionToIt() {
        // a long suspicion so node0 keeps node2 suspect (not dead) for the whole test
        SimCluster c = new SimCluster(34, LAN.withSuspicionMult(30)).start(3);
        assertTrue(c.runUntil(c::converged, Duration.ofSeconds(30)));
        PacketCodec reader = new PacketCodec(Keyring.none(), new SplittableRandom(1));
        List<Long> buddyPackets = new ArrayList<>();
        c.network.setTap((from, to, packet) -> {
            if (!from.equals(c.node(0).address()) || !to.equals(c.node(2).address())) {
                return;
            }
            List<Message> msgs = new ArrayList<>();
            try {
                reader.decodePacket(packet, msgs);
            } catch (io.fleetlab.core.membership.wire.MalformedMessageException e) {
                throw new AssertionError(e);
            }
            boolean ping = msgs.stream().anyMatch(m -> m instanceof Message.Ping p && p.target().equals("node2"));
            boolean suspect = msgs.stream().anyMatch(m -> m instanceof Message.Suspect s && s.node().equals("node2"));
            if (ping && suspect) {
                buddyPackets.add(c.scheduler.nowNanos());
            }
        });
        c.node(1).shutdown();
        c.network.cut(c.node(0).address(), c.node(2).address());
        PacketInjector inj = new PacketInjector(c);
        inj.send(c.node(0), new Message.Suspect(c.node(2).incarnation(), "node2", "node1"));
        // while the link is cut, node0's gossip uses up the suspicion's retransmissions
        c.runFor(Duration.ofSeconds(3));
        assertEquals(NodeStatus.SUSPECT, c.node(0).statusOf("node2"));
        assertEquals(0, c.node(2).incarnation());
        c.network.heal();
        assertTrue(c.runUntil(() -> !buddyPackets.isEmpty(), Duration.ofSeconds(20)),
                "node0 never probed suspect node2 with the suspicion attached");
        assertTrue(c.runUntil(() -> c.node(2).incarnation() > 0, Duration.ofSeconds(1)), "node2 did not refute");
        assertTrue(c.runUntil(() -> c.node(0).statusOf("node2") == NodeStatus.ALIVE, Duration.ofSeconds(2)));
    }
}
