package io.fleetlab.core.membership.wire;

import io.fleetlab.core.peer.StateMessage;
import java.util.List;
import java.util.Objects;

/**
 * Every message of the gossip protocol (see {@link MessageCodec} for the byte layout). Datagrams
 * carry one message or a compound of several; push-pull travels over the reliable stream.
 */
public sealed interface Message {

    /** Probe of {@code target}; answered with an {@link Ack} carrying the same sequence number. */
    record Ping(int seqNo, String target, String sourceName, String sourceAddress) implements Message {
        public Ping {
            Objects.requireNonNull(target);
            Objects.requireNonNull(sourceName);
            Objects.requireNonNull(sourceAddress);
        }
    }

    /** Asks a helper to ping {@code target} on the sender's behalf and relay the ack (or a nack). */
    record IndirectPing(int seqNo, String target, String targetAddress, boolean wantNack, String sourceName,
            String sourceAddress) implements Message {
        public IndirectPing {
            Objects.requireNonNull(target);
            Objects.requireNonNull(targetAddress);
            Objects.requireNonNull(sourceName);
            Objects.requireNonNull(sourceAddress);
        }
    }

    /** Positive answer to a ping. */
    record Ack(int seqNo) implements Message {
    }

    /** A helper could not reach the target of an indirect ping in time (Lifeguard). */
    record Nack(int seqNo) implements Message {
    }

    /** {@code from} suspects {@code node} at {@code incarnation}. */
    record Suspect(long incarnation, String node, String from) implements Message {
        public Suspect {
            Objects.requireNonNull(node);
            Objects.requireNonNull(from);
        }
    }

    /** {@code node} is alive at {@code incarnation}, reachable at {@code address}. */
    record Alive(long incarnation, String node, String address) implements Message {
        public Alive {
            Objects.requireNonNull(node);
            Objects.requireNonNull(address);
        }
    }

    /** {@code from} declares {@code node} dead; when {@code from} is the node itself, it left. */
    record Dead(long incarnation, String node, String from) implements Message {
        public Dead {
            Objects.requireNonNull(node);
            Objects.requireNonNull(from);
        }

        /** Whether this announces a graceful departure rather than a failure. */
        public boolean isLeave() {
            return node.equals(from);
        }
    }

    /** An Alloy peer-state announcement, Lamport-clocked. */
    record PeerStateUpdate(StateMessage state) implements Message {
        public PeerStateUpdate {
            Objects.requireNonNull(state);
        }
    }

    /** One member's entry in a full-state exchange. */
    record NodeRecord(String name, String address, long incarnation, NodeStatus status) {
        public NodeRecord {
            Objects.requireNonNull(name);
            Objects.requireNonNull(address);
            Objects.requireNonNull(status);
        }
    }

    /**
     * Full-state exchange: the sender's whole member table and peer states. A request
     * ({@code reply == false}) is answered with a reply to {@code senderAddress}.
     */
    record PushPull(boolean join, boolean reply, String senderName, String senderAddress, List<NodeRecord> nodes,
            List<StateMessage> states) implements Message {
        public PushPull {
            Objects.requireNonNull(senderName);
            Objects.requireNonNull(senderAddress);
            // a table's full state is immutable already: kept as it is, with its hints
            nodes = nodes instanceof IndexedEntries<NodeRecord> ? nodes : List.copyOf(nodes);
            states = states instanceof IndexedEntries<StateMessage> ? states : List.copyOf(states);
        }
    }
}
