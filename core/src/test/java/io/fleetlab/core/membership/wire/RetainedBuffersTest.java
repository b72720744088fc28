package io.fleetlab.core.membership.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.membership.wire.Message.NodeRecord;
import io.fleetlab.core.membership.wire.Message.PushPull;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.peer.StateMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A codec does not keep the large messages it encoded or decoded: every node has one, so a
 * buffer kept per node at the size of a 10,000-member push-pull (about 600 KB) would hold
 * gigabytes across a simulated fleet.
 */
class RetainedBuffersTest {

    @Test
    void aLargePushPullLeavesNoLargeBufferBehind() throws Exception {
        List<NodeRecord> nodes = new ArrayList<>();
        List<StateMessage> states = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            nodes.add(new NodeRecord("alloy-" + i, "alloy-" + i + ":7946", i, NodeStatus.ALIVE));
            states.add(new StateMessage("alloy-" + i, PeerState.PARTICIPANT, 2));
        }
        PushPull big = new PushPull(false, false, "alloy-0", "alloy-0:7946", nodes, states);
        PacketCodec sender = new PacketCodec(Keyring.none(), new SplittableRandom(1));
        PacketCodec receiver = new PacketCodec(Keyring.none(), new SplittableRandom(2));
        byte[] frame = sender.frame(big);
        assertTrue(frame.length > 100_000, "a push-pull of 5,000 members: " + frame.length + " bytes");
        assertEquals(big, receiver.decodeStream(frame));
        assertTrue(sender.retainedBytes() <= 4 * WireWriter.RETAINED_BYTES, "sender keeps " + sender.retainedBytes());
        assertTrue(receiver.retainedBytes() <= 4 * WireWriter.RETAINED_BYTES, "receiver keeps " + receiver.retainedBytes());
    }
}
