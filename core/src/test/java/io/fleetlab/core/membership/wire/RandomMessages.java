package io.fleetlab.core.membership.wire;

import io.fleetlab.core.membership.wire.Message.NodeRecord;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.peer.StateMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded generator of arbitrary valid messages, edge values included. */
final class RandomMessages {
    private final SplittableRandom r;

    RandomMessages(SplittableRandom r) {
        this.r = r;
    }

    String name() {
        int kind = r.nextInt(4);
        if (kind == 0) {
            return "n";
        }
        if (kind == 1) {
            return "x".repeat(255);
        }
        if (kind == 2) {
            return "nœud-" + r.nextInt(1000) + "-ü";
        }
        return "node-" + r.nextInt(100_000);
    }

    long inc() {
        return switch (r.nextInt(4)) {
            case 0 -> 0;
            case 1 -> Long.MAX_VALUE;
            case 2 -> r.nextLong(128);
            default -> r.nextLong(Long.MAX_VALUE);
        };
    }

    int seq() {
        return r.nextInt(3) == 0 ? -1 : r.nextInt();
    }

    StateMessage state() {
        return new StateMessage(name(), PeerState.values()[r.nextInt(3)], inc());
    }

    Message message() {
        return switch (r.nextInt(9)) {
            case 0 -> new Message.Ping(seq(), name(), name(), name());
            case 1 -> new Message.IndirectPing(seq(), name(), name(), r.nextBoolean(), name(), name());
            case 2 -> new Message.Ack(seq());
            case 3 -> new Message.Nack(seq());
            case 4 -> new Message.Suspect(inc(), name(), name());
            case 5 -> new Message.Alive(inc(), name(), name());
            case 6 -> new Message.Dead(inc(), name(), name());
            case 7 -> new Message.PeerStateUpdate(state());
            default -> pushPull();
        };
    }

    /** A message small enough to share a datagram with others. */
    Message small() {
        Message m;
        do {
            m = message();
        } while (m instanceof Message.PushPull);
        return m;
    }

    Message.PushPull pushPull() {
        int n = r.nextInt(20);
        List<NodeRecord> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            nodes.add(new NodeRecord(name(), name(), inc(), NodeStatus.values()[r.nextInt(4)]));
        }
        List<StateMessage> states = new ArrayList<>();
        int s = r.nextInt(20);
        for (int i = 0; i < s; i++) {
            states.add(state());
        }
        return new Message.PushPull(r.nextBoolean(), r.nextBoolean(), name(), name(), nodes, states);
    }
}
