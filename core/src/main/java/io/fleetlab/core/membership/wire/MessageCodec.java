package io.fleetlab.core.membership.wire;

import io.fleetlab.core.membership.RejectReason;
import io.fleetlab.core.membership.wire.Message.Ack;
import io.fleetlab.core.membership.wire.Message.Alive;
import io.fleetlab.core.membership.wire.Message.Dead;
import io.fleetlab.core.membership.wire.Message.IndirectPing;
import io.fleetlab.core.membership.wire.Message.Nack;
import io.fleetlab.core.membership.wire.Message.NodeRecord;
import io.fleetlab.core.membership.wire.Message.PeerStateUpdate;
import io.fleetlab.core.membership.wire.Message.Ping;
import io.fleetlab.core.membership.wire.Message.PushPull;
import io.fleetlab.core.membership.wire.Message.Suspect;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.peer.StateMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The byte layout of one message (without the frame's version byte): a type byte followed by the
 * fields in record order. Integers are unsigned LEB128 varints, strings a one-byte length and 1..255
 * UTF-8 bytes, booleans one byte 0/1, enums one byte (their ordinal).
 */
public final class MessageCodec {
    /** Longest string field (node names, addresses), in UTF-8 bytes. */
    public static final int MAX_STRING_BYTES = 255;

    static final int PING = 1;
    static final int INDIRECT_PING = 2;
    static final int ACK = 3;
    static final int NACK = 4;
    static final int SUSPECT = 5;
    static final int ALIVE = 6;
    static final int DEAD = 7;
    static final int PEER_STATE = 8;
    static final int PUSH_PULL = 9;
    static final int COMPOUND = 10;

    /** Smallest encodings, used to reject counts that the remaining bytes cannot hold. */
    private static final int MIN_NODE_RECORD = 2 + 2 + 1 + 1;
    private static final int MIN_STATE_RECORD = 2 + 1 + 1;
    private static final PeerState[] PEER_STATES = PeerState.values();

    private MessageCodec() {
    }

    /** Appends {@code m}'s encoding to {@code w}. */
    static void encode(Message m, WireWriter w) {
        if (m instanceof Ping p) {
            w.u8(PING);
            w.varLong(p.seqNo() & 0xFFFFFFFFL);
            w.string(p.target());
            w.string(p.sourceName());
            w.string(p.sourceAddress());
        } else if (m instanceof IndirectPing p) {
            w.u8(INDIRECT_PING);
            w.varLong(p.seqNo() & 0xFFFFFFFFL);
            w.string(p.target());
            w.string(p.targetAddress());
            w.bool(p.wantNack());
            w.string(p.sourceName());
            w.string(p.sourceAddress());
        } else if (m instanceof Ack a) {
            w.u8(ACK);
            w.varLong(a.seqNo() & 0xFFFFFFFFL);
        } else if (m instanceof Nack n) {
            w.u8(NACK);
            w.varLong(n.seqNo() & 0xFFFFFFFFL);
        } else if (m instanceof Suspect s) {
            w.u8(SUSPECT);
            w.varLong(s.incarnation());
            w.string(s.node());
            w.string(s.from());
        } else if (m instanceof Alive a) {
            w.u8(ALIVE);
            w.varLong(a.incarnation());
            w.string(a.node());
            w.string(a.address());
        } else if (m instanceof Dead d) {
            w.u8(DEAD);
            w.varLong(d.incarnation());
            w.string(d.node());
            w.string(d.from());
        } else if (m instanceof PeerStateUpdate u) {
            w.u8(PEER_STATE);
            state(u.state(), w);
        } else if (m instanceof PushPull p) {
            w.u8(PUSH_PULL);
            w.bool(p.join());
            w.bool(p.reply());
            w.string(p.senderName());
            w.string(p.senderAddress());
            w.varLong(p.nodes().size());
            for (NodeRecord n : p.nodes()) {
                w.string(n.name());
                w.string(n.address());
                w.varLong(n.incarnation());
                w.u8(n.status().ordinal());
            }
            w.varLong(p.states().size());
            for (StateMessage s : p.states()) {
                state(s, w);
            }
        } else {
            throw new IllegalArgumentException("unknown message " + m);
        }
    }

    /**
     * The exact length of {@code m}'s encoding, computed without encoding it; throws what
     * {@link #encode} would for a message it cannot encode (an empty or over-long string, a
     * negative number).
     */
    static int size(Message m) {
        if (m instanceof Ping p) {
            return 1 + varLongSize(p.seqNo() & 0xFFFFFFFFL) + stringSize(p.target()) + stringSize(p.sourceName())
                    + stringSize(p.sourceAddress());
        } else if (m instanceof IndirectPing p) {
            return 1 + varLongSize(p.seqNo() & 0xFFFFFFFFL) + stringSize(p.target()) + stringSize(p.targetAddress())
                    + 1 + stringSize(p.sourceName()) + stringSize(p.sourceAddress());
        } else if (m instanceof Ack a) {
            return 1 + varLongSize(a.seqNo() & 0xFFFFFFFFL);
        } else if (m instanceof Nack n) {
            return 1 + varLongSize(n.seqNo() & 0xFFFFFFFFL);
        } else if (m instanceof Suspect s) {
            return 1 + varLongSize(s.incarnation()) + stringSize(s.node()) + stringSize(s.from());
        } else if (m instanceof Alive a) {
            return 1 + varLongSize(a.incarnation()) + stringSize(a.node()) + stringSize(a.address());
        } else if (m instanceof Dead d) {
            return 1 + varLongSize(d.incarnation()) + stringSize(d.node()) + stringSize(d.from());
        } else if (m instanceof PeerStateUpdate u) {
            return 1 + stateSize(u.state());
        } else if (m instanceof PushPull p) {
            long size = 1 + 1 + 1 + stringSize(p.senderName()) + stringSize(p.senderAddress())
                    + varLongSize(p.nodes().size()) + varLongSize(p.states().size());
            // a table's full state carries its entries' summed length, kept as the table changed
            if (p.nodes() instanceof IndexedEntries<NodeRecord> e && e.encodedBytes() >= 0) {
                size += e.encodedBytes();
            } else {
                for (NodeRecord n : p.nodes()) {
                    size += recordSize(n);
                }
            }
            if (p.states() instanceof IndexedEntries<StateMessage> e && e.encodedBytes() >= 0) {
                size += e.encodedBytes();
            } else {
                for (StateMessage s : p.states()) {
                    size += stateSize(s);
                }
            }
            return Math.toIntExact(size);
        }
        throw new IllegalArgumentException("unknown message " + m);
    }

    /** The length of one push-pull member entry, and the refusals of its encoding. */
    static int recordSize(NodeRecord n) {
        return stringSize(n.name()) + stringSize(n.address()) + varLongSize(n.incarnation()) + 1;
    }

    /** The length of one peer-state entry (also a {@code PeerStateUpdate}'s body), and its refusals. */
    static int stateSize(StateMessage s) {
        return stringSize(s.nodeName()) + 1 + varLongSize(s.lamportTime());
    }

    /** {@link WireWriter#varLong}'s length, and its refusal of negative values. */
    static int varLongSize(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative value " + v + " cannot be encoded");
        }
        int n = 1;
        while ((v & ~0x7FL) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    /** {@link WireWriter#string}'s length (the length byte included), and its refusals. */
    static int stringSize(String s) {
        int bytes = utf8Length(s);
        if (bytes == 0 || bytes > MAX_STRING_BYTES) {
            throw new IllegalArgumentException("string must be 1.." + MAX_STRING_BYTES + " UTF-8 bytes: '" + s + "'");
        }
        return 1 + bytes;
    }

    /**
     * The length of {@code s.getBytes(UTF_8)} without making the array: a surrogate pair takes four
     * bytes, an unpaired surrogate one (the encoder replaces it with '?').
     */
    static int utf8Length(String s) {
        int n = s.length();
        int bytes = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * Whether {@code s} survives a trip through UTF-8 unchanged (no unpaired surrogate): a message
     * handed over decoded must read as it would after encoding and decoding.
     */
    public static boolean isWellFormed(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static void state(StateMessage s, WireWriter w) {
        w.string(s.nodeName());
        w.u8(s.state().ordinal());
        w.varLong(s.lamportTime());
    }

    /**
     * Decodes exactly one message spanning the reader's remaining bytes.
     *
     * @throws MalformedMessageException when the bytes are not exactly one valid message
     */
    static Message decode(WireReader r) throws MalformedMessageException {
        int type = r.u8("type");
        Message m = switch (type) {
            case PING -> new Ping(seq(r), r.string("target"), r.string("sourceName"), r.string("sourceAddress"));
            case INDIRECT_PING -> new IndirectPing(seq(r), r.string("target"), r.string("targetAddress"),
                    r.bool("wantNack"), r.string("sourceName"), r.string("sourceAddress"));
            case ACK -> new Ack(seq(r));
            case NACK -> new Nack(seq(r));
            case SUSPECT -> new Suspect(r.varLong("incarnation"), r.string("node"), r.string("from"));
            case ALIVE -> new Alive(r.varLong("incarnation"), r.string("node"), r.string("address"));
            case DEAD -> new Dead(r.varLong("incarnation"), r.string("node"), r.string("from"));
            case PEER_STATE -> new PeerStateUpdate(state(r));
            case PUSH_PULL -> pushPull(r);
            case COMPOUND -> throw new MalformedMessageException(RejectReason.UNEXPECTED, "nested compound message");
            default -> throw new MalformedMessageException(RejectReason.UNKNOWN_TYPE, "message type " + type);
        };
        if (r.remaining() != 0) {
            throw new MalformedMessageException(RejectReason.BAD_LENGTH,
                    r.remaining() + " trailing bytes after message type " + type);
        }
        return m;
    }

    private static int seq(WireReader r) throws MalformedMessageException {
        long v = r.varLong("seqNo");
        if (v > 0xFFFFFFFFL) {
            throw new MalformedMessageException(RejectReason.BAD_FIELD, "seqNo exceeds 32 bits");
        }
        return (int) v;
    }

    private static StateMessage state(WireReader r) throws MalformedMessageException {
        String node = r.string("state.node");
        int code = r.u8("state.state");
        if (code >= PEER_STATES.length) {
            throw new MalformedMessageException(RejectReason.BAD_FIELD, "peer state code " + code);
        }
        return new StateMessage(node, PEER_STATES[code], r.varLong("state.lamportTime"));
    }

    private static PushPull pushPull(WireReader r) throws MalformedMessageException {
        boolean join = r.bool("join");
        boolean reply = r.bool("reply");
        String senderName = r.string("senderName");
        String senderAddress = r.string("senderAddress");
        int nodeCount = count(r, "nodeCount", MIN_NODE_RECORD);
        List<NodeRecord> nodes = new ArrayList<>(nodeCount);
        for (int i = 0; i < nodeCount; i++) {
            String name = r.string("node.name");
            String address = r.string("node.address");
            long inc = r.varLong("node.incarnation");
            int code = r.u8("node.status");
            NodeStatus status = NodeStatus.ofCode(code);
            if (status == null) {
                throw new MalformedMessageException(RejectReason.BAD_FIELD, "node status code " + code);
            }
            nodes.add(new NodeRecord(name, address, inc, status));
        }
        int stateCount = count(r, "stateCount", MIN_STATE_RECORD);
        List<StateMessage> states = new ArrayList<>(stateCount);
        for (int i = 0; i < stateCount; i++) {
            states.add(state(r));
        }
        return new PushPull(join, reply, senderName, senderAddress, nodes, states);
    }

    private static int count(WireReader r, String field, int minRecord) throws MalformedMessageException {
        long n = r.varLong(field);
        if (n > r.remaining() / minRecord) {
            throw new MalformedMessageException(RejectReason.BAD_LENGTH,
                    field + " " + n + " cannot fit in " + r.remaining() + " remaining bytes");
        }
        return (int) n;
    }
}
