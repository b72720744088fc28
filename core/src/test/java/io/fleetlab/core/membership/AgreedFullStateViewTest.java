package io.fleetlab.core.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.membership.wire.IndexedEntries;
import io.fleetlab.core.membership.wire.Keyring;
import io.fleetlab.core.membership.wire.Message;
import io.fleetlab.core.membership.wire.Message.NodeRecord;
import io.fleetlab.core.membership.wire.Message.PushPull;
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
 * A node whose tables are the registry's agreed state sends a full state that is a view (the
 * registry's agreed values by index, its own order), built without a pass over the entries. The
 * view must read, whenever it is read, exactly what the node's tables listed entry by entry when
 * it was built: the registry and the node copy the arrays they shared before changing them.
 * Seeded cases (seed printed on failure): after the view is built the node hears news that
 * changes the agreed values in place, adds members (a new row in the probe order, a new entry in
 * the peer-state order) or both.
 */
class AgreedFullStateViewTest {
    private static final GossipConfig LAN = GossipConfig.lan();

    /** Drops everything sent: the test reads the full states it asks for. */
    private static final class Silent implements Transport {
        final String address;
        TransportHandler handler;

        Silent(String address) {
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
        }

        @Override
        public void sendPacket(String toAddress, Payload packet) {
        }

        @Override
        public void sendReliable(String toAddress, Payload message, Runnable onFailure) {
        }

        @Override
        public void close() {
        }
    }

    private static String addressOf(int i) {
        return "10.1." + (i >> 8) + "." + (i & 0xFF) + ":7946";
    }

    /** Each entry with its index, as text. */
    private static List<String> listed(List<?> entries) {
        IndexedEntries<?> e = assertInstanceOf(IndexedEntries.class, entries);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < e.size(); k++) {
            out.add(e.index(k) + " " + e.get(k));
        }
        out.add("bytes " + e.encodedBytes());
        return out;
    }

    @Test
    void aViewOfTheAgreedStateReadsAsTheTablesListedItWhenBuilt() {
        viewsReadAsListedWhenBuilt(true);
    }

    /**
     * The same for a node whose tables are not the agreed state (it holds a member dead): its full
     * state is a view of its own rows and order, which it copies before changing them.
     */
    @Test
    void aViewOfTablesNotAgreedReadsAsTheyWereWhenBuilt() {
        viewsReadAsListedWhenBuilt(false);
    }

    private static void viewsReadAsListedWhenBuilt(boolean agreed) {
        int changedInPlace = 0;
        int grown = 0;
        for (long seed = 1; seed <= 200; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            NodeRegistry registry = new NodeRegistry();
            ManualScheduler scheduler = new ManualScheduler();
            Silent aNet = new Silent("10.0.0.1:7946");
            Silent bNet = new Silent("10.0.0.2:7946");
            Membership a = new Membership("a", LAN, scheduler, aNet, new SplittableRandom(seed + 1), registry);
            Membership b = new Membership("b", LAN, scheduler, bNet, new SplittableRandom(seed + 2), registry);
            int members = 10 + r.nextInt(60);
            List<NodeRecord> records = new ArrayList<>();
            List<StateMessage> states = new ArrayList<>();
            records.add(new NodeRecord("a", aNet.address, 0, NodeStatus.ALIVE));
            records.add(new NodeRecord("b", bNet.address, 0, NodeStatus.ALIVE));
            for (int i = 0; i < members; i++) {
                records.add(new NodeRecord("m" + i, addressOf(i), 3, NodeStatus.ALIVE));
                states.add(new StateMessage("m" + i, PeerState.PARTICIPANT, 5));
            }
            a.assumeConverged(records, states);
            b.assumeConverged(records, states);
            a.join(List.of());
            b.join(List.of());
            PacketCodec codec = new PacketCodec(Keyring.none(), new SplittableRandom(seed + 3));
            a.setState(PeerState.PARTICIPANT);
            bNet.handler.onPacket(aNet.address, codec.packet(List.of(PacketCodec.sized(
                    new Message.PeerStateUpdate(a.stateOf("a"))))));
            b.setState(PeerState.PARTICIPANT);
            aNet.handler.onPacket(bNet.address, codec.packet(List.of(PacketCodec.sized(
                    new Message.PeerStateUpdate(b.stateOf("b"))))));

            if (!agreed) {
                // b alone buries a member: a dead record is never agreed
                bNet.handler.onPacket("10.9.9.9:7946", codec.packet(List.of(PacketCodec.sized(
                        new Message.Dead(3, "m" + r.nextInt(members), "b")))));
            }

            PushPull view = b.fullState(false, false);
            PushPull listedThen = b.fullStateListed();
            assertEquals(agreed, ((IndexedEntries<?>) view.nodes()).agreedVersion() >= 0, "seed " + seed + ": agreed");
            assertEquals(-1, ((IndexedEntries<?>) listedThen.nodes()).agreedVersion(), "seed " + seed);
            List<String> nodesThen = listed(listedThen.nodes());
            List<String> statesThen = listed(listedThen.states());
            assertEquals(nodesThen, listed(view.nodes()), "seed " + seed + ": members as built");
            assertEquals(statesThen, listed(view.states()), "seed " + seed + ": peer states as built");

            // news after the view was built, heard by b, a or both
            int news = 1 + r.nextInt(6);
            for (int n = 0; n < news; n++) {
                int i = r.nextInt(members);
                Message m = switch (r.nextInt(5)) {
                    case 0 -> new Message.Alive(4 + r.nextInt(3), "m" + i, addressOf(i));
                    case 1 -> new Message.PeerStateUpdate(new StateMessage("m" + i, PeerState.TERMINATING, 6 + r.nextInt(3)));
                    case 2 -> new Message.Alive(0, "new" + n, "10.2.0." + n + ":7946");
                    case 3 -> new Message.PeerStateUpdate(new StateMessage("new" + n, PeerState.PARTICIPANT, 3));
                    default -> new Message.Dead(3, "m" + i, "m" + i);
                };
                if (m instanceof Message.Alive alive && alive.node().startsWith("new")
                        || m instanceof Message.PeerStateUpdate u && u.state().nodeName().startsWith("new")) {
                    grown++;
                } else {
                    changedInPlace++;
                }
                Payload packet = codec.packet(List.of(PacketCodec.sized(m)));
                switch (r.nextInt(3)) {
                    case 0 -> bNet.handler.onPacket("10.9.9.9:7946", packet);
                    case 1 -> aNet.handler.onPacket("10.9.9.9:7946", packet);
                    default -> {
                        aNet.handler.onPacket("10.9.9.9:7946", packet);
                        bNet.handler.onPacket("10.9.9.9:7946", packet);
                    }
                }
            }
            assertEquals(nodesThen, listed(view.nodes()), "seed " + seed + ": members");
            assertEquals(statesThen, listed(view.states()), "seed " + seed + ": peer states");
        }
        assertTrue(changedInPlace > 100 && grown > 100, changedInPlace + " in place, " + grown + " grown");
    }
}
