package io.fleetlab.core.net;

import io.fleetlab.core.membership.wire.PacketCodec;
import java.time.Duration;

/**
 * What TCP streams may cost a node. Inbound streams are read by one selector thread into buffers
 * that grow only as bytes arrive, so memory follows what peers actually sent, never what a length
 * header claims; outbound streams are written by a fixed pool.
 *
 * @param maxInboundStreams  inbound streams open at once; a connection beyond that is closed at once
 * @param maxBytesInFlight   buffer bytes held by all unfinished inbound streams together; a stream
 *                           that would need more is dropped
 * @param maxStreamTime      time from dialling or accepting a stream to its last byte; slower streams
 *                           are dropped
 * @param maxMessageBytes    the largest message a length header may announce
 * @param outboundThreads    threads that dial and write outbound streams
 * @param outboundQueue      outbound messages that may wait for such a thread; beyond that a send
 *                           fails at once (its failure callback runs)
 */
public record StreamLimits(int maxInboundStreams, long maxBytesInFlight, Duration maxStreamTime, int maxMessageBytes,
        int outboundThreads, int outboundQueue) {

    public StreamLimits {
        if (maxInboundStreams < 1 || maxBytesInFlight < 1 || maxMessageBytes < 1 || outboundThreads < 1
                || outboundQueue < 1 || maxStreamTime.isNegative() || maxStreamTime.isZero()
                || maxStreamTime.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("stream limits must be positive: " + maxInboundStreams + ", "
                    + maxBytesInFlight + ", " + maxStreamTime + ", " + maxMessageBytes + ", " + outboundThreads
                    + ", " + outboundQueue);
        }
    }

    /**
     * 64 inbound streams, 32 MiB in flight, 10 s per stream, messages up to
     * {@link PacketCodec#MAX_STREAM_BYTES}, 4 outbound threads with 256 queued sends.
     */
    public static StreamLimits defaults() {
        return new StreamLimits(64, 32L << 20, Duration.ofSeconds(10), PacketCodec.MAX_STREAM_BYTES, 4, 256);
    }

    /**
     * These limits with another stream time, which bounds dialling too. A node passes its
     * {@code GossipConfig.streamTimeout()}: memberlist uses its one {@code TCPTimeout} to dial
     * and as the deadline of every stream, inbound and outbound ({@code net.go}: {@code handleConn},
     * {@code sendAndReceiveState}).
     */
    public StreamLimits withMaxStreamTime(Duration d) {
        return new StreamLimits(maxInboundStreams, maxBytesInFlight, d, maxMessageBytes, outboundThreads, outboundQueue);
    }
}
