package io.fleetlab.simulator.network;

import java.util.List;

/** How memberlist's packets and streams travel between nodes. */
public enum TransportKind {
    /**
     * memberlist's own transport: every packet an independent UDP datagram (lost, duplicated or
     * reordered at random), push-pull over TCP.
     */
    MEMBERLIST_UDP("memberlist-udp"),
    /**
     * ckit's HTTP/2 transport, which Alloy uses: every packet a POST on a reused connection to the
     * peer, sent by one worker per node; see {@link CkitHttp2}.
     */
    CKIT_HTTP2("ckit-http2");

    /** The names a scenario may use, in declaration order. */
    public static final List<String> NAMES = List.of("memberlist-udp", "ckit-http2");

    private final String id;

    TransportKind(String id) {
        this.id = id;
    }

    /** The scenario name, e.g. {@code ckit-http2}. */
    public String id() {
        return id;
    }

    /** The kind a scenario names, or empty when the name is unknown. */
    public static java.util.Optional<TransportKind> of(String id) {
        for (TransportKind k : values()) {
            if (k.id.equals(id)) {
                return java.util.Optional.of(k);
            }
        }
        return java.util.Optional.empty();
    }
}
