package io.fleetlab.core.node;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fleetlab.core.membership.wire.Keyring;
import io.fleetlab.core.membership.wire.Message;
import io.fleetlab.core.membership.wire.PacketCodec;
import io.fleetlab.core.net.NioTransport;
import io.fleetlab.core.peer.PeerState;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A push-pull names the address its answer goes to. On loopback: a node answers one that came
 * from the host it names, and dials nobody for one that names another host (127.0.0.2).
 */
class DialOnlyWhatTheProtocolNeedsTest {
    private static Socket pushPullNaming(LocalNode node, String answerAt) throws Exception {
        PacketCodec codec = new PacketCodec(Keyring.none(), new SplittableRandom(3));
        byte[] frame = codec.frame(new Message.PushPull(false, false, "mallory", answerAt, List.of(), List.of()));
        InetSocketAddress target = NioTransport.parse(node.address());
        Socket s = new Socket(target.getAddress(), target.getPort());
        OutputStream out = s.getOutputStream();
        out.write(ByteBuffer.allocate(4 + frame.length).putInt(frame.length).put(frame).array());
        out.flush();
        return s;
    }

    private static Socket acceptWithin(ServerSocket listener, int millis) throws Exception {
        listener.setSoTimeout(millis);
        try {
            return listener.accept();
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    @Test
    @Timeout(20)
    void answersOnlyTheHostThePushPullCameFrom() throws Exception {
        try (LocalNode node = LocalNode.create("a", new InetSocketAddress("127.0.0.1", 0), LoopbackClusterTest.FAST,
                new SplittableRandom(8));
                ServerSocket sameHost = new ServerSocket(0, 4, java.net.InetAddress.getByName("127.0.0.1"));
                ServerSocket otherHost = new ServerSocket(0, 4, java.net.InetAddress.getByName("127.0.0.2"))) {
            node.start(List.of(), PeerState.PARTICIPANT);
            // control: the answer to a push-pull from 127.0.0.1 naming 127.0.0.1 is sent
            try (Socket s = pushPullNaming(node, "127.0.0.1:" + sameHost.getLocalPort());
                    Socket answer = acceptWithin(sameHost, 3000)) {
                assertNotNull(answer, "the legitimate push-pull got no answer");
            }
            // from 127.0.0.1 naming 127.0.0.2: no dial
            try (Socket s = pushPullNaming(node, "127.0.0.2:" + otherHost.getLocalPort());
                    Socket answer = acceptWithin(otherHost, 2000)) {
                assertNull(answer, "the node dialled an address named by a stranger");
            }
        }
    }
}
