package io.fleetlab.core.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.membership.GossipConfig;
import io.fleetlab.core.net.NioTransport;
import io.fleetlab.core.peer.PeerState;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real node has one stream timeout, its gossip configuration's: memberlist dials and bounds
 * every stream with the same {@code TCPTimeout} ({@code net.go}, {@code handleConn}), which ckit
 * sets to 2 s ({@code node.go}, {@code NewNode}); the transport has no deadline of its own.
 */
class StreamTimeoutTest {
    @Test
    @Timeout(30)
    void aStalledInboundStreamIsCutAtTheConfiguredStreamTimeout() throws Exception {
        GossipConfig config = LoopbackClusterTest.FAST.withStreamTimeout(Duration.ofSeconds(1));
        try (LocalNode node = LocalNode.create("a", new InetSocketAddress("127.0.0.1", 0), config, new SplittableRandom(3));
                Socket s = new Socket()) {
            node.start(List.of(), PeerState.PARTICIPANT);
            s.connect(NioTransport.parse(node.address()), 5_000);
            OutputStream out = s.getOutputStream();
            out.write(ByteBuffer.allocate(6).putInt(1_000).put((byte) 1).put((byte) 2).array()); // then stall
            out.flush();
            long t0 = System.nanoTime();
            s.setSoTimeout(9_000); // below the transport's stand-alone default of 10 s
            InputStream in = s.getInputStream();
            try {
                assertEquals(-1, in.read(), "the node sends nothing on an inbound stream");
            } catch (SocketTimeoutException e) {
                throw new AssertionError("a stalled stream was still open after 9 s (streamTimeout 1 s)", e);
            } catch (IOException e) {
                // reset by the node: closed too
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertTrue(seconds >= 0.9, "cut after " + seconds + " s, before its 1 s were up");
        }
    }
}
