package io.fleetlab.simulator.network;

import java.util.List;

/**
 * How messages pass between simulated nodes. Both give byte-identical runs: sizes, the bytes
 * metric and the packet budget are the same, only the work differs.
 */
public enum MessagePath {
    /**
     * As the sender holds them: each message with the exact size of its encoding, never encoded
     * nor decoded (immutable, so a receiver never sees the sender's later changes).
     */
    DECODED("decoded"),
    /** As a real network carries them: encoded by the sender, decoded (and checked) by the receiver. */
    BYTES("bytes");

    /** The names the command line accepts, in declaration order. */
    public static final List<String> NAMES = List.of("decoded", "bytes");

    private final String id;

    MessagePath(String id) {
        this.id = id;
    }

    /** The command-line name, e.g. {@code bytes}. */
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
