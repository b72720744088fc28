package io.fleetlab.bench.gossip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.fleetlab.core.membership.wire.IndexedEntries;
import io.fleetlab.core.membership.wire.Message.PushPull;
import io.fleetlab.core.peer.PeerState;
import org.junit.jupiter.api.Test;

/** Both inputs must be the same stale full state, one with indices and one without, or the comparison is void. */
class FullStateMergeBenchTest {
    @Test
    void bothPathsMergeTheSameUnchangedFullStateAndChangeNothing() {
        FullStateMergeBench bench = new FullStateMergeBench();
        bench.members = 60;
        bench.exchange();
        PushPull byIndex = (PushPull) bench.byIndexFrame.message(0);
        PushPull byName = (PushPull) bench.byNameFrame.message(0);
        assertInstanceOf(IndexedEntries.class, byIndex.nodes());
        assertNotEquals(IndexedEntries.class, byName.nodes().getClass());
        assertEquals(byIndex, byName, "the same entries");
        assertEquals(bench.byIndexFrame.size(), bench.byNameFrame.size());
        assertEquals(bench.byIndexFrame.toBytes().length, bench.byIndexFrame.size());
        assertEquals(60, byIndex.nodes().size());
        long sent = bench.receiverNet.sent;
        for (int i = 0; i < 50; i++) {
            assertEquals(60, bench.byIndex());
            assertEquals(60, bench.byName());
        }
        assertEquals(sent, bench.receiverNet.sent, "an answer to a push-pull is not answered, stale news not gossiped");
        for (int m = 1; m < 60; m++) {
            String name = GossipMessages.name(m);
            assertEquals(PeerState.PARTICIPANT, bench.receiver.stateOf(name).state(), name);
            assertEquals(MessageHandlingBench.LAMPORT_TIME, bench.receiver.stateOf(name).lamportTime(), name);
        }
        // the agreed exchange: a view of the agreed state with every member, merged as bringing nothing
        PushPull agreed = (PushPull) bench.agreedFrame.message(0);
        assertEquals(60, agreed.nodes().size());
        assertEquals(60, agreed.states().size());
        assertEquals(bench.agreedFrame.toBytes().length, bench.agreedFrame.size());
        String before = bench.agreedReceiver.peers().toString();
        for (int i = 0; i < 50; i++) {
            assertEquals(60, bench.agreed());
        }
        assertEquals(before, bench.agreedReceiver.peers().toString());
    }
}
