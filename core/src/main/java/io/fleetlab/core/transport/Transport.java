package io.fleetlab.core.transport;

/**
 * How the core talks to other nodes: unreliable datagrams (UDP in a real node) for probes and
 * gossip, and reliable messages (a TCP stream) for full-state push-pull and joins.
 *
 * <p>The simulator supplies a transport over its simulated network; a real node supplies UDP and
 * TCP sockets. Handlers are invoked on the scheduler's thread.
 */
public interface Transport {
    /** The address other nodes use to reach this one, {@code host:port}. */
    String localAddress();

    /** Registers the receiver of everything that arrives; must be called before any traffic. */
    void bind(TransportHandler handler);

    /**
     * Sends a datagram. Best effort: it may be lost, duplicated or reordered, and no error is
     * reported. The transport takes ownership of {@code packet}; the caller must not reuse it.
     */
    void sendPacket(String toAddress, byte[] packet);

    /**
     * Sends a message over a reliable stream. It arrives whole and in order or not at all; when it
     * cannot be delivered (peer unreachable, connection refused, timeout) {@code onFailure} runs.
     */
    void sendReliable(String toAddress, byte[] message, Runnable onFailure);

    /**
     * Sends a datagram given as a payload; a transport of bytes (the default) encodes it here, on
     * the caller's thread. Same contract as {@link #sendPacket(String, byte[])}.
     */
    default void sendPacket(String toAddress, Payload packet) {
        sendPacket(toAddress, packet.toBytes());
    }

    /**
     * Sends a stream message given as a payload; a transport of bytes (the default) encodes it
     * here, on the caller's thread. Same contract as {@link #sendReliable(String, byte[], Runnable)}.
     */
    default void sendReliable(String toAddress, Payload message, Runnable onFailure) {
        sendReliable(toAddress, message.toBytes(), onFailure);
    }

    /** Stops sending and receiving; later sends are dropped silently. */
    void close();
}
