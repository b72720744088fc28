package io.fleetlab.core.node;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetlab.core.cluster.Component;
import io.fleetlab.core.cluster.MemberSettings;
import io.fleetlab.core.http.StatusServer;
import io.fleetlab.core.membership.GossipConfig;
import io.fleetlab.core.membership.wire.Keyring;
import io.fleetlab.core.membership.NodeEvent;
import io.fleetlab.core.net.NioTransport;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A runnable cluster member on real sockets: joins, prints every membership change, and serves
 * the peer list as JSON ({@code GET /peers}: name, address, state, self). Ctrl-C leaves gracefully.
 *
 * <pre>java -cp ... io.fleetlab.core.node.ClusterNode --name a --bind 127.0.0.1:7946 \
 *     --join 127.0.0.1:7947 --http 127.0.0.1:12345</pre>
 */
public final class ClusterNode {
    /** One row of the JSON peer list, in the shape of Alloy's {@code /api/v0/web/peers} (ckit {@code peer.Peer}'s JSON). */
    public record PeerJson(@JsonProperty("name") String name, @JsonProperty("addr") String addr,
            @JsonProperty("isSelf") boolean isSelf, @JsonProperty("state") String state) {
        static PeerJson of(Peer p) {
            return new PeerJson(p.name(), p.address(), p.self(), p.state().name().toLowerCase(Locale.ROOT));
        }
    }

    /** The component a {@code --targets} file feeds: a clustered {@code prometheus.scrape} as Alloy runs it. */
    static final String COMPONENT = "prometheus.scrape.default";

    private ClusterNode() {
    }

    public static void main(String[] args) throws Exception {
        NodeOptions options;
        try {
            options = NodeOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(NodeOptions.USAGE);
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        GossipConfig config = options.config();
        Keyring keys = Keyring.none();
        if (options.keyringFile() != null) {
            Path file = Path.of(options.keyringFile());
            try {
                keys = KeyringFile.read(file);
            } catch (IOException | IllegalArgumentException e) {
                System.err.println("error: --keyring-file: " + e.getMessage());
                System.exit(2);
                return;
            }
            if (KeyringFile.readableByOthers(file)) {
                System.err.println("warning: " + file + " is readable by other users; the gossip keys are not secret");
            }
            config = config.withKeyring(keys);
        } else {
            System.err.println("warning: gossip is plaintext; anyone who can reach " + options.bind()
                    + " can join, forge or remove members (use --keyring-file on untrusted networks)");
        }
        TargetsFile targets = null;
        if (options.targets() != null) {
            try {
                targets = TargetsFile.read(Path.of(options.targets()));
            } catch (IOException | IllegalArgumentException e) {
                System.err.println("error: --targets: " + e.getMessage());
                System.exit(2);
                return;
            }
        }
        List<Component> components = targets == null ? List.of()
                : List.of(Component.scrape(COMPONENT, targets.keys(), options.scrapeReloadInterval()));
        LocalNode node = LocalNode.create(options.name(), NioTransport.parse(options.bind()),
                MemberSettings.of(config), new SecureRandom(), components);
        KeyringWatcher watcher = options.keyringFile() == null ? null
                : new KeyringWatcher(Path.of(options.keyringFile()), keys, Duration.ofSeconds(10), node::setKeyring);
        node.onEvent(e -> out.println(describe(e)));
        StatusServer http = options.http() == null ? null : serve(node, options.http(), targets);
        node.start(options.join(), options.viewer() ? PeerState.VIEWER : PeerState.PARTICIPANT);
        out.println("node " + options.name() + " gossiping on " + node.address()
                + (options.join().isEmpty() ? " (new cluster)" : " joining " + options.join())
                + (targets == null ? "" : ", sharing " + targets.entries().size() + " targets"
                        + (targets.dropped() == 0 ? "" : " (" + targets.dropped() + " duplicates dropped)"))
                + (http == null ? "" : ", peers at http://" + options.http() + "/peers"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                out.println("leaving...");
                node.leave(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (http != null) {
                http.close();
            }
            if (watcher != null) {
                watcher.close();
            }
        }, "leave"));
        Thread.currentThread().join();
    }

    static String describe(NodeEvent e) {
        String what;
        if (e instanceof NodeEvent.Joined j) {
            what = "joined from " + j.address();
        } else if (e instanceof NodeEvent.Suspected s) {
            what = "suspected by " + s.by();
        } else if (e instanceof NodeEvent.Alive a) {
            what = "refuted suspicion (incarnation " + a.incarnation() + ")";
        } else if (e instanceof NodeEvent.Dead d) {
            what = "dead (declared by " + d.by() + ")";
        } else if (e instanceof NodeEvent.Left) {
            what = "left";
        } else if (e instanceof NodeEvent.StateChanged s) {
            what = "state " + s.previous().name().toLowerCase(Locale.ROOT) + " -> "
                    + s.state().name().toLowerCase(Locale.ROOT);
        } else {
            what = e.toString();
        }
        return "member " + e.node() + ": " + what;
    }

    /** Serves {@code GET /peers} and {@code /metrics} on {@code address}, no targets. */
    static StatusServer serve(LocalNode node, String address) throws IOException {
        return serve(node, address, null);
    }

    /**
     * Serves, with the default {@link StatusServer.Limits}: {@code GET /peers} (Alloy's peer list),
     * {@code /targets} (the entries of {@code targets} the node owns now, as given; an empty list
     * without a file) and {@code /metrics} (Prometheus text format).
     */
    static StatusServer serve(LocalNode node, String address, TargetsFile targets) throws IOException {
        ObjectMapper json = new ObjectMapper();
        NodeMetrics metrics = new NodeMetrics(node::metricsSnapshot);
        return StatusServer.builder()
                .route("/peers", "application/json", () -> {
                    List<PeerJson> rows = new ArrayList<>();
                    for (Peer p : node.peers()) {
                        rows.add(PeerJson.of(p));
                    }
                    return json.writeValueAsBytes(rows);
                })
                .route("/targets", "application/json", () -> {
                    List<JsonNode> owned = new ArrayList<>();
                    if (targets != null) {
                        for (int i : node.owned(0)) {
                            owned.add(targets.entries().get(i));
                        }
                    }
                    return json.writeValueAsBytes(owned);
                })
                .route("/metrics", "text/plain; version=0.0.4; charset=utf-8", metrics::scrape)
                .start(NioTransport.parse(address), StatusServer.Limits.defaults());
    }
}
