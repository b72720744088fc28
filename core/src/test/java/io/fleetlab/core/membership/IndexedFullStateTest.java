package io.fleetlab.core.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.fleetlab.core.membership.wire.IndexedEntries;
import io.fleetlab.core.membership.wire.Keyring;
import io.fleetlab.core.membership.wire.Message;
import io.fleetlab.core.membership.wire.Message.NodeRecord;
import io.fleetlab.core.membership.wire.MessageFrame;
import io.fleetlab.core.membership.wire.NodeStatus;
import io.fleetlab.core.membership.wire.PacketCodec;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.peer.StateMessage;
import io.fleetlab.core.testkit.ManualScheduler;
import io.fleetlab.core.transport.Payload;
import io.fleetlab.core.transport.Transport;
import io.fleetlab.core.transport.TransportHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A full state passed decoded between nodes sharing a registry lists each entry's registry index
 * and the entries' summed size ({@link IndexedEntries}); the receiver recognises what it already
 * holds by identity at that index. Seeded cases (seed printed on failure): the receiver must end
 * exactly as when the same full state arrives as bytes (merged by name), whatever subset of the
 * members the sender learned news about (a newer incarnation, a suspicion, a death, a newer peer
 * state, a member the receiver never heard of), and the size must be the encoding's length.
 */
class IndexedFullStateTest {
    private static final GossipConfig LAN = GossipConfig.lan();
    private static final String RECEIVER_AT = "10.0.0.1:7946";
    private static final String SENDER_AT = "10.0.0.2:7946";

    /** Keeps what is sent; the test delivers. */
    private static final class Capture implements Transport {
        final String address;
        TransportHandler handler;
        final List<Payload> streams = new ArrayList<>();
        final List<String> sent = new ArrayList<>();

        Capture(String address) {
            this.address = address;
        }

        @Override
        public String localAddress() {
            return address;
        }

        @Override
        public void bind(TransportHandler h) {
            handler = h;
        }

        @Override
        public void sendPacket(String toAddress, byte[] packet) {
        }

        @Override
        public void sendReliable(String toAddress, byte[] message, Runnable onFailure) {
            streams.add(Payload.of(message));
        }

        @Override
        public void sendPacket(String toAddress, Payload packet) {
            sent.add(toAddress + " " + java.util.Base64.getEncoder().encodeToString(packet.toBytes()));
        }

        @Override
        public void sendReliable(String toAddress, Payload message, Runnable onFailure) {
            streams.add(message);
            sent.add(toAddress + " " + java.util.Base64.getEncoder().encodeToString(message.toBytes()));
        }

        @Override
        public void close() {
        }
    }

    /** What the receiver holds about every name, as text. */
    private static List<String> held(Membership m, List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.add(n + " " + m.statusOf(n) + " " + m.stateOf(n));
        }
        out.add(m.peers().toString());
        out.add(m.traffic().toString());
        return out;
    }

    /** One case: the receiver's tables after the sender's join push-pull, delivered decoded or as bytes. */
    private static List<String> receiverAfter(long seed, boolean decoded, List<String> names) {
        SplittableRandom r = new SplittableRandom(seed);
        NodeRegistry registry = new NodeRegistry();
        ManualScheduler scheduler = new ManualScheduler();
        Capture receiverNet = new Capture(RECEIVER_AT);
        Capture senderNet = new Capture(SENDER_AT);
        Membership receiver = new Membership("receiver", LAN, scheduler, receiverNet, new SplittableRandom(seed + 1),
                registry);
        Membership sender = new Membership("sender", LAN, scheduler, senderNet, new SplittableRandom(seed + 2),
                registry);
        int members = 20 + r.nextInt(60);
        List<NodeRecord> records = new ArrayList<>();
        List<StateMessage> states = new ArrayList<>();
        records.add(new NodeRecord("receiver", RECEIVER_AT, 0, NodeStatus.ALIVE));
        records.add(new NodeRecord("sender", SENDER_AT, 0, NodeStatus.ALIVE));
        for (int i = 0; i < members; i++) {
            String name = "m" + i;
            records.add(new NodeRecord(name, "10.1." + (i >> 8) + "." + (i & 0xFF) + ":7946", 3, NodeStatus.ALIVE));
            states.add(new StateMessage(name, PeerState.PARTICIPANT, 5));
        }
        // a later message of one member in the same list: taken in place of the first (a warm start's replace)
        states.add(new StateMessage(states.get(0).nodeName(), PeerState.PARTICIPANT, 200 + r.nextInt(2))); // a two-byte varint
        names.clear();
        records.forEach(rec -> names.add(rec.name()));
        receiver.assumeConverged(records, states);
        sender.assumeConverged(records, states);
        receiver.join(List.of());
        sender.join(List.of());
        // the sender announces a state and the receiver hears it; then the receiver announces one
        // (its clock then at that message's time) and the sender hears it (the very message), so the
        // full state brings the receiver's own latest message back to it: both hold the same agreed state
        sender.setState(PeerState.PARTICIPANT);
        receiverNet.handler.onPacket(SENDER_AT, new PacketCodec(Keyring.none(), new SplittableRandom(seed)).packet(
                List.of(PacketCodec.sized(new Message.PeerStateUpdate(sender.stateOf("sender"))))));
        receiver.setState(PeerState.PARTICIPANT);
        senderNet.handler.onPacket(RECEIVER_AT, new PacketCodec(Keyring.none(), new SplittableRandom(seed)).packet(
                List.of(PacketCodec.sized(new Message.PeerStateUpdate(receiver.stateOf("receiver"))))));
        // in one case of three nobody hears news: the full state brings the receiver nothing; in the
        // others the sender hears news about some members the receiver has not heard
        boolean quiet = seed % 3 == 0;
        PacketCodec news = new PacketCodec(Keyring.none(), new SplittableRandom(seed + 3));
        for (int i = 0; i < members && !quiet; i++) {
            String name = "m" + i;
            String address = "10.1." + (i >> 8) + "." + (i & 0xFF) + ":7946";
            Message m = switch (r.nextInt(8)) {
                case 0 -> new Message.Alive(4 + r.nextInt(3), name, address);
                case 1 -> new Message.Suspect(3, name, "m0");
                case 2 -> new Message.Dead(3, name, name);
                case 3 -> new Message.PeerStateUpdate(new StateMessage(name, PeerState.TERMINATING, 6 + r.nextInt(3)));
                case 4 -> new Message.Alive(0, "new" + i, "10.2.0." + (i & 0xFF) + ":7946");
                default -> null;
            };
            if (m != null) {
                senderNet.handler.onPacket("10.9.9.9:7946", news.packet(List.of(PacketCodec.sized(m))));
            }
        }
        for (int i = 0; i < members; i++) {
            names.add("new" + i);
        }
        sender.rejoin(List.of(RECEIVER_AT));
        MessageFrame frame = assertInstanceOf(MessageFrame.class, senderNet.streams.get(0));
        Message.PushPull sent = (Message.PushPull) frame.message(0);
        assertInstanceOf(IndexedEntries.class, sent.nodes(), "seed " + seed);
        assertSame(registry, ((IndexedEntries<?>) sent.states()).indexSpace(), "seed " + seed);
        // in half the quiet cases the receiver hears news after the full state left: no longer agreed
        boolean lateNews = quiet && seed % 2 == 0;
        if (lateNews) {
            receiverNet.handler.onPacket("10.9.9.9:7946", news.packet(List.of(PacketCodec.sized(
                    new Message.Alive(4, "m1", "10.1.0.1:7946")))));
        }
        byte[] bytes = frame.toBytes();
        assertEquals(bytes.length, frame.size(), "seed " + seed + ": size by sum is the encoding's length");
        if (decoded) {
            receiverNet.handler.onReliable(SENDER_AT, frame);
        } else {
            receiverNet.handler.onReliable(SENDER_AT, bytes);
        }
        assertEquals(decoded && quiet && !lateNews ? 1 : 0, receiver.fullStatesBringingNothing(),
                "seed " + seed + ": merged without a pass exactly when both held the agreed state");
        // the receiver's answer, too, is the same either way
        MessageFrame answer = assertInstanceOf(MessageFrame.class, receiverNet.streams.get(0));
        assertEquals(answer.toBytes().length, answer.size(), "seed " + seed + ": the answer's size");
        // a state it announces now is stamped after every time it observed (its own included)
        receiver.setState(PeerState.TERMINATING);
        // what the receiver then gossips and exchanges shows what it merged (news it took is re-gossiped)
        receiverNet.sent.clear();
        scheduler.runFor(java.time.Duration.ofSeconds(40));
        List<String> out = held(receiver, names);
        out.addAll(receiverNet.sent);
        return out;
    }

    @Test
    void aFullStateMergedByIndexEndsAsTheSameFullStateMergedByName() {
        List<String> names = new ArrayList<>();
        for (long seed = 1; seed <= 200; seed++) {
            List<String> byName = receiverAfter(seed, false, names);
            List<String> byIndex = receiverAfter(seed, true, names);
            assertEquals(byName, byIndex, "seed " + seed);
        }
    }
}
