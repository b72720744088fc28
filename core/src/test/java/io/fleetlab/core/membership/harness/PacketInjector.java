package io.fleetlab.core.membership.harness;

import io.fleetlab.core.membership.Membership;
import io.fleetlab.core.membership.wire.Keyring;
import io.fleetlab.core.membership.wire.Message;
import io.fleetlab.core.membership.wire.PacketCodec;
import io.fleetlab.core.transport.Transport;
import io.fleetlab.core.transport.TransportHandler;
import java.util.SplittableRandom;

/** A raw endpoint on a {@link SimCluster}'s network that sends hand-made frames and ignores replies. */
public final class PacketInjector {
    public final Transport transport;
    private final PacketCodec codec = new PacketCodec(Keyring.none(), new SplittableRandom(99));

    public PacketInjector(SimCluster cluster) {
        transport = cluster.network.transport("10.9.9.9:1");
        transport.bind(new TransportHandler() {
            @Override
            public void onPacket(String fromAddress, byte[] packet) {
            }

            @Override
            public void onReliable(String fromAddress, byte[] message) {
            }
        });
    }

    public void send(Membership to, Message m) {
        transport.sendPacket(to.address(), codec.frame(m));
    }
}
