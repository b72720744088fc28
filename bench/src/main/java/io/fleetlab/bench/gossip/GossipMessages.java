package io.fleetlab.bench.gossip;

import io.fleetlab.core.membership.wire.Message;
import io.fleetlab.core.membership.wire.Message.Alive;
import io.fleetlab.core.membership.wire.Message.NodeRecord;
import io.fleetlab.core.membership.wire.Message.PeerStateUpdate;
import io.fleetlab.core.membership.wire.Message.Ping;
import io.fleetlab.core.membership.wire.Message.PushPull;
import io.fleetlab.core.membership.wire.Message.Suspect;
import io.fleetlab.core.membership.wire.NodeStatus;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.peer.StateMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Gossip traffic of a StatefulSet fleet ({@code alloy-i} at {@code 10.0.x.y:12345}) as the
 * benchmarks send it: probes, the piggybacked news a gossip round carries, and full-state
 * push-pull exchanges.
 */
final class GossipMessages {
    /** Messages in a typical gossip datagram: news about several peers piggybacked together. */
    static final int GOSSIP_BATCH = 8;

    private GossipMessages() {}

    static String name(int ordinal) {
        return "alloy-" + ordinal;
    }

    static String address(int ordinal) {
        return "10.0." + (ordinal >>> 8) + "." + (ordinal & 0xFF) + ":12345";
    }

    static Ping ping(int seqNo, int from, int to) {
        return new Ping(seqNo, name(to), name(from), address(from));
    }

    /** News about members {@code first..first+GOSSIP_BATCH-1}: alive, suspect and state messages mixed. */
    static List<Message> gossipBatch(int first, long incarnation, long lamportTime) {
        List<Message> batch = new ArrayList<>(GOSSIP_BATCH);
        for (int i = 0; i < GOSSIP_BATCH; i++) {
            int member = first + i;
            batch.add(switch (i % 4) {
                case 0, 1 -> new Alive(incarnation, name(member), address(member));
                case 2 -> new PeerStateUpdate(new StateMessage(name(member), PeerState.PARTICIPANT, lamportTime));
                default -> new Suspect(incarnation - 1, name(member), name(first));
            });
        }
        return batch;
    }

    /** A full-state reply from {@code alloy-1} listing members {@code 0..members-1}, all alive participants. */
    static PushPull fullState(int members, long incarnation, long lamportTime) {
        List<NodeRecord> nodes = new ArrayList<>(members);
        List<StateMessage> states = new ArrayList<>(members);
        for (int i = 0; i < members; i++) {
            nodes.add(new NodeRecord(name(i), address(i), incarnation, NodeStatus.ALIVE));
            states.add(new StateMessage(name(i), PeerState.PARTICIPANT, lamportTime));
        }
        return new PushPull(false, true, name(1), address(1), nodes, states);
    }
}
