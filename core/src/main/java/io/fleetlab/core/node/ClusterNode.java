package io.fleetlab.core.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fleetlab.core.membership.NodeEvent;
import io.fleetlab.core.net.NioTransport;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.security.SecureRandom;
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
        LocalNode node = LocalNode.create(options.name(), NioTransport.parse(options.bind()), options.config(),
                new SecureRandom());
        node.onEvent(e -> out.println(describe(e)));
        HttpServer http = options.http() == null ? null : serve(node, options.http());
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
                http.stop(0);
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

    /** Serves {@code GET /peers} on {@code address}. */
    static HttpServer serve(LocalNode node, String address) throws IOException {
        ObjectMapper json = new ObjectMapper();
        HttpServer server = HttpServer.create(NioTransport.parse(address), 0);
        server.createContext("/peers", exchange -> {
            try (exchange) {
                if (!"GET".equals(exchange.getRequestMethod())) {
                    reply(exchange, 405, "{\"error\":\"GET only\"}".getBytes());
                    return;
                }
                List<PeerJson> rows = new ArrayList<>();
                for (Peer p : node.peers()) {
                    rows.add(PeerJson.of(p));
                }
                reply(exchange, 200, json.writeValueAsBytes(rows));
            } catch (RuntimeException e) {
                reply(exchange, 500, ("{\"error\":" + json.writeValueAsString(String.valueOf(e)) + "}").getBytes());
            }
        });
        server.start();
        return server;
    }

    private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(body);
        }
    }
}
