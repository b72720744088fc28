package io.fleetlab.core.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.transport.TransportHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile TCP clients on loopback against a {@link NioTransport} with tight limits: headers that
 * claim 8 MiB and then trickle, more connections than allowed, and a legitimate large message
 * that must still arrive whole.
 */
class StreamLimitsTest {
    private static final StreamLimits TIGHT = new StreamLimits(8, 1L << 20, Duration.ofMillis(800), 8 << 20, 2, 16);

    private record Node(RealTimeScheduler loop, NioTransport transport, LinkedBlockingQueue<byte[]> received)
            implements AutoCloseable {
        static Node start(StreamLimits limits) throws IOException {
            RealTimeScheduler loop = new RealTimeScheduler("stream-test");
            NioTransport t = new NioTransport(new InetSocketAddress("127.0.0.1", 0), loop, limits);
            LinkedBlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
            t.bind(new TransportHandler() {
                @Override
                public void onPacket(String fromAddress, byte[] packet) {
                }

                @Override
                public void onReliable(String fromAddress, byte[] message) {
                    received.add(message);
                }
            });
            return new Node(loop, t, received);
        }

        int port() {
            return NioTransport.parse(transport.localAddress()).getPort();
        }

        @Override
        public void close() {
            transport.close();
            loop.close();
        }
    }

    private static long threadsOf(Node n) {
        String prefix = "fleetlab-net-" + n.port() + "-";
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix)).count();
    }

    @Test
    @Timeout(30)
    void tricklingHeadersClaimingMegabytesAreBoundedInCountMemoryAndTime() throws Exception {
        try (Node node = Node.start(TIGHT)) {
            List<Socket> attackers = new ArrayList<>();
            try {
                for (int i = 0; i < 60; i++) {
                    Socket s = new Socket("127.0.0.1", node.port());
                    OutputStream out = s.getOutputStream();
                    out.write(ByteBuffer.allocate(5).putInt(8 << 20).put((byte) 1).array());
                    out.flush();
                    attackers.add(s);
                }
                long t0 = System.nanoTime();
                // trickle a byte every 100 ms on every connection still open, for 2 s
                while (System.nanoTime() - t0 < Duration.ofSeconds(2).toNanos()) {
                    for (Socket s : attackers) {
                        try {
                            s.getOutputStream().write(7);
                        } catch (IOException e) {
                            // closed by the node: expected
                        }
                    }
                    Thread.sleep(100);
                }
                long[] f = node.transport.streamFigures();
                assertTrue(f[1] <= TIGHT.maxInboundStreams(), "streams open at once: " + f[1]);
                assertTrue(f[2] <= TIGHT.maxBytesInFlight(), "bytes in flight at once: " + f[2]);
                assertTrue(f[3] >= 60, "every attacker refused or dropped: " + f[3]);
                assertTrue(threadsOf(node) <= 2 + TIGHT.outboundThreads(), "threads: " + threadsOf(node));
                // every attacking connection was closed by the node within its time limit
                for (Socket s : attackers) {
                    s.setSoTimeout(2000);
                    InputStream in = s.getInputStream();
                    try {
                        assertEquals(-1, in.read());
                    } catch (SocketTimeoutException e) {
                        throw new AssertionError("a trickling stream was still open after 2 s", e);
                    } catch (IOException e) {
                        // reset: closed too
                    }
                }
                assertEquals(0, node.transport.streamFigures()[0], "streams still open");
            } finally {
                for (Socket s : attackers) {
                    s.close();
                }
            }
            // the node still takes a real message afterwards
            byte[] hello = "hello".getBytes();
            try (Node sender = Node.start(TIGHT)) {
                sender.transport.sendReliable(node.transport.localAddress(), hello, () -> { });
                assertArrayEquals(hello, node.received.poll(5, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    @Timeout(30)
    void aLargeLegitimateMessageArrivesWholeAndBuffersGrowOnlyAsBytesArrive() throws Exception {
        StreamLimits limits = new StreamLimits(8, 8L << 20, Duration.ofSeconds(5), 8 << 20, 2, 16);
        try (Node a = Node.start(limits); Node b = Node.start(limits)) {
            byte[] big = new byte[3 << 20];
            new SplittableRandom(13).nextBytes(big);
            b.transport.sendReliable(a.transport.localAddress(), big, () -> { });
            assertArrayEquals(big, a.received.poll(10, TimeUnit.SECONDS));
            // a header announcing 8 MiB followed by 10 bytes holds 16 KiB, not 8 MiB
            try (Socket s = new Socket("127.0.0.1", a.port())) {
                s.getOutputStream().write(ByteBuffer.allocate(14).putInt(8 << 20).array());
                s.getOutputStream().flush();
                Thread.sleep(300);
                long peak = a.transport.streamFigures()[2];
                assertTrue(peak <= (4L << 20) + (16 << 10), "peak buffer bytes " + peak);
            }
        }
    }

    @Test
    @Timeout(30)
    void headersOutOfRangeAreDropped() throws Exception {
        try (Node node = Node.start(TIGHT)) {
            for (int len : new int[] {-1, (8 << 20) + 1, Integer.MAX_VALUE}) {
                try (Socket s = new Socket("127.0.0.1", node.port())) {
                    s.getOutputStream().write(ByteBuffer.allocate(4).putInt(len).array());
                    s.setSoTimeout(2000);
                    try {
                        assertEquals(-1, s.getInputStream().read(), "len " + len);
                    } catch (IOException e) {
                        // reset: dropped too
                    }
                }
            }
            assertTrue(node.transport.streamFigures()[3] >= 3);
        }
    }
}
