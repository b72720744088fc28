package io.fleetlab.core.net;

import io.fleetlab.core.log.ThrottledLog;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Reads inbound length-prefixed TCP streams on one selector thread, within {@link StreamLimits}:
 * a bounded number of streams at once, a shared budget of buffer bytes, a time limit per stream,
 * and buffers that start small and grow only as bytes arrive (a 4-byte header claiming 8 MiB
 * costs 4 bytes until the bytes come). Complete messages go to {@code deliver}.
 */
final class StreamReceiver implements Runnable {
    private static final System.Logger LOG = System.getLogger(StreamReceiver.class.getName());
    /** First body buffer; doubled as bytes arrive, up to the announced length. */
    private static final int INITIAL_BUFFER = 16 * 1024;

    private final ServerSocketChannel server;
    private final Selector selector;
    private final StreamLimits limits;
    private final BiConsumer<String, byte[]> deliver;
    private final ThrottledLog refusals;
    private final long maxStreamNanos;
    private long bytesInFlight;
    private long peakBytesInFlight;
    private int open;
    private int peakOpen;
    private long refused;
    private volatile boolean closed;

    /** One stream being read. */
    private static final class Inbound {
        final SocketChannel channel;
        final String sender;
        final long startNanos;
        final ByteBuffer header = ByteBuffer.allocate(4);
        ByteBuffer body;
        int length = -1;

        Inbound(SocketChannel channel, String sender, long startNanos) {
            this.channel = channel;
            this.sender = sender;
            this.startNanos = startNanos;
        }
    }

    StreamReceiver(ServerSocketChannel server, StreamLimits limits, BiConsumer<String, byte[]> deliver)
            throws IOException {
        this.server = server;
        this.limits = limits;
        this.deliver = deliver;
        this.maxStreamNanos = limits.maxStreamTime().toNanos();
        this.refusals = new ThrottledLog(LOG, System.Logger.Level.WARNING, Duration.ofSeconds(10), System::nanoTime);
        this.selector = Selector.open();
        server.configureBlocking(false);
        server.register(selector, SelectionKey.OP_ACCEPT);
    }

    @Override
    public void run() {
        long tick = Math.max(1, Math.min(250, limits.maxStreamTime().toMillis() / 4));
        try {
            while (!closed) {
                selector.select(tick);
                for (SelectionKey key : selector.selectedKeys()) {
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        accept();
                    } else if (key.isReadable()) {
                        read(key);
                    }
                }
                selector.selectedKeys().clear();
                expire();
            }
        } catch (ClosedSelectorException e) {
            // closed
        } catch (IOException e) {
            if (!closed) {
                LOG.log(System.Logger.Level.ERROR, "stream selector failed", e);
            }
        } finally {
            closeAll();
        }
    }

    void close() {
        closed = true;
        selector.wakeup();
    }

    /** Streams open right now (read on the selector thread; approximate elsewhere). */
    synchronized int open() {
        return open;
    }

    /** The most streams open at once so far. */
    synchronized int peakOpen() {
        return peakOpen;
    }

    /** The most buffer bytes held at once so far. */
    synchronized long peakBytesInFlight() {
        return peakBytesInFlight;
    }

    /** Connections closed at once or dropped for breaking a limit. */
    synchronized long refused() {
        return refused;
    }

    private void accept() {
        SocketChannel ch;
        try {
            ch = server.accept();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "accept failed: {0}", e);
            return;
        }
        if (ch == null) {
            return;
        }
        String sender;
        try {
            sender = NioTransport.format((InetSocketAddress) ch.getRemoteAddress());
        } catch (IOException e) {
            closeQuietly(ch);
            return;
        }
        synchronized (this) {
            if (open >= limits.maxInboundStreams()) {
                refused++;
                closeQuietly(ch);
                refusals.log("too_many_streams", "stream from " + sender + " refused: "
                        + limits.maxInboundStreams() + " streams already open");
                return;
            }
            open++;
            peakOpen = Math.max(peakOpen, open);
        }
        try {
            ch.configureBlocking(false);
            ch.register(selector, SelectionKey.OP_READ, new Inbound(ch, sender, System.nanoTime()));
        } catch (IOException e) {
            synchronized (this) {
                open--;
            }
            closeQuietly(ch);
        }
    }

    private void read(SelectionKey key) {
        Inbound in = (Inbound) key.attachment();
        try {
            while (true) {
                if (in.length < 0) {
                    int n = in.channel.read(in.header);
                    if (n < 0) {
                        drop(key, null, null);
                        return;
                    }
                    if (in.header.hasRemaining()) {
                        return;
                    }
                    int len = in.header.getInt(0);
                    if (len < 0 || len > limits.maxMessageBytes()) {
                        drop(key, "bad_length", "stream from " + in.sender + " announced " + len
                                + " bytes (at most " + limits.maxMessageBytes() + "); dropped");
                        return;
                    }
                    in.length = len;
                    if (!grow(in, Math.min(len, INITIAL_BUFFER))) {
                        drop(key, "bytes_in_flight", "stream from " + in.sender + " dropped: "
                                + limits.maxBytesInFlight() + " bytes already in flight");
                        return;
                    }
                }
                if (in.body.position() == in.length) {
                    finish(key, in);
                    return;
                }
                if (!in.body.hasRemaining()) {
                    int next = (int) Math.min(in.length, 2L * in.body.capacity());
                    if (!grow(in, next)) {
                        drop(key, "bytes_in_flight", "stream from " + in.sender + " dropped: "
                                + limits.maxBytesInFlight() + " bytes already in flight");
                        return;
                    }
                }
                int n = in.channel.read(in.body);
                if (n < 0) {
                    drop(key, null, null);
                    return;
                }
                if (n == 0) {
                    return;
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "stream read failed: {0}", e);
            drop(key, null, null);
        }
    }

    /** Replaces the body buffer by one of {@code capacity} bytes, if the shared budget allows. */
    private boolean grow(Inbound in, int capacity) {
        int old = in.body == null ? 0 : in.body.capacity();
        synchronized (this) {
            if (bytesInFlight - old + capacity > limits.maxBytesInFlight()) {
                return false;
            }
            bytesInFlight += capacity - old;
            peakBytesInFlight = Math.max(peakBytesInFlight, bytesInFlight);
        }
        ByteBuffer next = ByteBuffer.allocate(capacity);
        if (in.body != null) {
            in.body.flip();
            next.put(in.body);
        }
        in.body = next;
        return true;
    }

    private void finish(SelectionKey key, Inbound in) {
        byte[] message = in.body.array().length == in.length ? in.body.array()
                : java.util.Arrays.copyOf(in.body.array(), in.length);
        release(key, in);
        deliver.accept(in.sender, message);
    }

    private void drop(SelectionKey key, String kind, String why) {
        Inbound in = (Inbound) key.attachment();
        if (kind != null) {
            synchronized (this) {
                refused++;
            }
            refusals.log(kind, why);
        }
        release(key, in);
    }

    private void release(SelectionKey key, Inbound in) {
        key.cancel();
        closeQuietly(in.channel);
        synchronized (this) {
            open--;
            bytesInFlight -= in.body == null ? 0 : in.body.capacity();
        }
    }

    private void expire() {
        long now = System.nanoTime();
        List<SelectionKey> late = new ArrayList<>();
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof Inbound in && key.isValid() && now - in.startNanos > maxStreamNanos) {
                late.add(key);
            }
        }
        for (SelectionKey key : late) {
            Inbound in = (Inbound) key.attachment();
            drop(key, "too_slow", "stream from " + in.sender + " dropped: not complete within "
                    + limits.maxStreamTime().toMillis() + " ms");
        }
    }

    private void closeAll() {
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof Inbound in && key.isValid()) {
                release(key, in);
            }
        }
        closeQuietly(selector);
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }
}
