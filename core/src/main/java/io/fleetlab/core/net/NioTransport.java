package io.fleetlab.core.net;

import io.fleetlab.core.membership.wire.PacketCodec;
import io.fleetlab.core.transport.Transport;
import io.fleetlab.core.transport.TransportHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The real {@link Transport}: UDP datagrams and TCP streams on one port, with Java NIO channels.
 * A reliable message travels on its own TCP connection as a 4-byte big-endian length and the
 * bytes. Receiving threads hand everything to the {@link RealTimeScheduler}'s event loop, so the
 * handler runs on the protocol's thread.
 *
 * <p>Threads and memory are bounded by {@link StreamLimits}: one thread receives datagrams (into
 * one reused buffer), one selector thread reads every inbound stream ({@link StreamReceiver}), and
 * a fixed pool with a bounded queue dials and writes outbound streams.
 */
public final class NioTransport implements Transport {
    private static final System.Logger LOG = System.getLogger(NioTransport.class.getName());

    private final RealTimeScheduler loop;
    private final DatagramChannel udp;
    private final ServerSocketChannel tcp;
    private final String localAddress;
    private final ExecutorService receivers;
    private final DeadlineExecutor senders;
    private final StreamReceiver streams;
    private final int dialTimeoutMillis;
    private final Map<String, InetSocketAddress> resolved = new ConcurrentHashMap<>();
    private volatile TransportHandler handler;
    private volatile boolean closed;

    /**
     * Binds UDP and TCP on {@code bind}; port 0 picks a free port shared by both.
     *
     * @throws IOException when the port cannot be bound
     */
    public NioTransport(InetSocketAddress bind, RealTimeScheduler loop) throws IOException {
        this(bind, loop, StreamLimits.defaults());
    }

    /**
     * Binds UDP and TCP on {@code bind} with the given stream limits.
     *
     * @throws IOException when the port cannot be bound
     */
    public NioTransport(InetSocketAddress bind, RealTimeScheduler loop, StreamLimits limits) throws IOException {
        this.loop = loop;
        // memberlist dials with the same TCPTimeout that bounds the whole stream
        this.dialTimeoutMillis = Math.toIntExact(Math.max(1, limits.maxStreamTime().toMillis()));
        DatagramChannel u = null;
        ServerSocketChannel t = null;
        for (int attempt = 0; ; attempt++) {
            try {
                u = DatagramChannel.open();
                u.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
                u.bind(bind);
                int port = ((InetSocketAddress) u.getLocalAddress()).getPort();
                t = ServerSocketChannel.open();
                t.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                t.bind(new InetSocketAddress(bind.getAddress(), port));
                break;
            } catch (IOException e) {
                closeQuietly(u);
                closeQuietly(t);
                if (bind.getPort() != 0 || attempt >= 10) {
                    throw e;
                }
            }
        }
        this.udp = u;
        this.tcp = t;
        InetSocketAddress local = (InetSocketAddress) udp.getLocalAddress();
        this.localAddress = format(local);
        String prefix = "fleetlab-net-" + local.getPort() + "-";
        this.receivers = Executors.newFixedThreadPool(2, r -> daemon(r, prefix + "receive"));
        // an outbound stream to a peer that stops reading is cut off at the stream time limit
        this.senders = new DeadlineExecutor(prefix + "send", limits.outboundThreads(), limits.outboundQueue(),
                limits.maxStreamTime());
        this.streams = new StreamReceiver(tcp, limits, (sender, message) -> {
            if (!closed) {
                loop.execute(() -> handler.onReliable(sender, message));
            }
        });
    }

    private static Thread daemon(Runnable r, String name) {
        Thread th = new Thread(r, name);
        th.setDaemon(true);
        return th;
    }

    @Override
    public String localAddress() {
        return localAddress;
    }

    @Override
    public void bind(TransportHandler h) {
        if (handler != null) {
            throw new IllegalStateException("already bound");
        }
        handler = h;
        receivers.execute(this::receiveDatagrams);
        receivers.execute(streams);
    }

    @Override
    public void sendPacket(String toAddress, byte[] packet) {
        if (closed) {
            return;
        }
        try {
            udp.send(ByteBuffer.wrap(packet), resolve(toAddress));
        } catch (IOException | IllegalArgumentException e) {
            LOG.log(System.Logger.Level.DEBUG, "datagram to {0} failed: {1}", toAddress, e);
        }
    }

    @Override
    public void sendReliable(String toAddress, byte[] message, Runnable onFailure) {
        if (closed) {
            return;
        }
        try {
            senders.execute(() -> {
                try (SocketChannel ch = SocketChannel.open()) {
                    ch.socket().connect(resolve(toAddress), dialTimeoutMillis);
                    ByteBuffer buf = ByteBuffer.allocate(4 + message.length);
                    buf.putInt(message.length).put(message).flip();
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.log(System.Logger.Level.DEBUG, "stream to {0} failed: {1}", toAddress, e);
                    if (!closed) {
                        loop.execute(onFailure);
                    }
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed, or too many sends queued: the send fails like an unreachable peer
            if (!closed) {
                loop.execute(onFailure);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(udp);
        streams.close();
        closeQuietly(tcp);
        receivers.shutdownNow();
        senders.close();
    }

    private void receiveDatagrams() {
        ByteBuffer buf = ByteBuffer.allocateDirect(PacketCodec.MAX_PACKET_BYTES + 1);
        while (!closed) {
            try {
                buf.clear();
                SocketAddress from = udp.receive(buf);
                buf.flip();
                byte[] data = new byte[buf.remaining()];
                buf.get(data);
                String sender = format((InetSocketAddress) from);
                loop.execute(() -> handler.onPacket(sender, data));
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "datagram receive failed: {0}", e);
            }
        }
    }

    /** Inbound stream figures: {open now, most open at once, most buffer bytes at once, refused}. */
    public long[] streamFigures() {
        return new long[] {streams.open(), streams.peakOpen(), streams.peakBytesInFlight(), streams.refused()};
    }

    private InetSocketAddress resolve(String address) {
        return resolved.computeIfAbsent(address, NioTransport::parse);
    }

    /** Parses {@code host:port} (IPv6 hosts in brackets). */
    public static InetSocketAddress parse(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new IllegalArgumentException("expected host:port, got '" + address + "'");
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port in '" + address + "'", e);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range in '" + address + "'");
        }
        return new InetSocketAddress(host, port);
    }

    static String format(InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    private static void closeQuietly(java.io.Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                // nothing left to do
            }
        }
    }
}
