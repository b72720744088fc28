package io.fleetlab.core.node;

import com.fasterxml.jackson.databind.ObjectMapper;
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
    /** One row of the JSON peer list. */
    public record PeerJson(String name, String address, String state, boolean self) {
        static PeerJson of(Peer p) {
            return new PeerJson(p.name(), p.address(), p.state().name().toLowerCase(Locale.ROOT), p.self());
        }
    }

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
        LocalNode node = LocalNode.create(options.name(), NioTransport.parse(options.bind()), config,
                new SecureRandom());
        KeyringWatcher watcher = options.keyringFile() == null ? null
                : new KeyringWatcher(Path.of(options.keyringFile()), keys, Duration.ofSeconds(10), node::setKeyring);
        node.onEvent(e -> out.println(describe(e)));
        StatusServer http = options.http() == null ? null : serve(node, options.http());
        node.start(options.join(), options.viewer() ? PeerState.VIEWER : PeerState.PARTICIPANT);
        out.println("node " + options.name() + " gossiping on " + node.address()
                + (options.join().isEmpty() ? " (new cluster)" : " joining " + options.join())
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

    /** Serves {@code GET /peers} on {@code address} with the default {@link StatusServer.Limits}. */
    static StatusServer serve(LocalNode node, String address) throws IOException {
        ObjectMapper json = new ObjectMapper();
        return StatusServer.builder()
                .route("/peers", "application/json", () -> {
                    List<PeerJson> rows = new ArrayList<>();
                    for (Peer p : node.peers()) {
                        rows.add(PeerJson.of(p));
                    }
                    return json.writeValueAsBytes(rows);
                })
                .start(NioTransport.parse(address), StatusServer.Limits.defaults());
    }
}
