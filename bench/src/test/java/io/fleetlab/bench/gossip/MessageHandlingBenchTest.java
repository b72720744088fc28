package io.fleetlab.bench.gossip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fleetlab.core.membership.wire.NodeStatus;
import io.fleetlab.core.peer.PeerState;
import org.junit.jupiter.api.Test;

/** The stale inputs must really be stale, or the benchmark would measure a changing state. */
class MessageHandlingBenchTest {
    @Test
    void staleTrafficChangesNothingAndSendsNothingWhilePingsAreAnswered() {
        MessageHandlingBench bench = new MessageHandlingBench();
        bench.members = 50;
        bench.joinFleet();
        assertEquals(50, bench.membership.memberCount());
        long sent = bench.transport.packets();
        for (int i = 0; i < 100; i++) {
            bench.staleGossip();
            bench.stalePushPull();
        }
        assertEquals(sent, bench.transport.packets(), "stale news is not answered or re-gossiped");
        assertEquals(50, bench.membership.memberCount());
        for (int m = 1; m < 50; m++) {
            String name = GossipMessages.name(m);
            assertEquals(NodeStatus.ALIVE, bench.membership.statusOf(name), name);
            assertEquals(PeerState.PARTICIPANT, bench.membership.stateOf(name).state(), name);
            assertEquals(MessageHandlingBench.LAMPORT_TIME, bench.membership.stateOf(name).lamportTime(), name);
        }
        for (int i = 1; i <= 10; i++) {
            assertEquals(sent + i, bench.ping(), "one ack per ping");
        }
    }
}
