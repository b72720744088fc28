package io.fleetlab.core.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fleetlab.core.net.DeadlineExecutor;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The node's status endpoints over HTTP: read-only {@code GET} routes, each answering with a body
 * a supplier builds. Requests are served by a {@link DeadlineExecutor} (a bounded pool and queue,
 * a time limit per request, see {@link Limits}), never on the server's accepting thread, so one
 * half-open request cannot freeze the others. Other methods get 405, a failing supplier 500.
 *
 * <pre>
 * StatusServer http = StatusServer.builder()
 *         .route("/peers", "application/json", () -> json.writeValueAsBytes(rows()))
 *         .start(new InetSocketAddress("127.0.0.1", 12345), StatusServer.Limits.defaults());
 * </pre>
 */
public final class StatusServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(StatusServer.class.getName());

    /**
     * The server's resource limits.
     *
     * @param threads     requests served at once
     * @param queue       requests that may wait for a thread; beyond that a connection is dropped
     * @param requestTime time from the first byte of a request to the last byte of its answer
     */
    public record Limits(int threads, int queue, Duration requestTime) {
        /** 4 threads, 64 waiting requests, 5 s per request. */
        public static Limits defaults() {
            return new Limits(4, 64, Duration.ofSeconds(5));
        }
    }

    /** A route's answer: a body, built on every request. */
    @FunctionalInterface
    public interface Body {
        /** The bytes to send; an exception becomes a 500 with its message. */
        byte[] build() throws Exception;
    }

    private record Route(String contentType, Body body) {
    }

    /** Collects routes, then starts the server. */
    public static final class Builder {
        private final Map<String, Route> routes = new LinkedHashMap<>();

        private Builder() {
        }

        /** Serves {@code GET path} (exactly that path) with {@code body}. */
        public Builder route(String path, String contentType, Body body) {
            if (!path.startsWith("/") || routes.containsKey(path)) {
                throw new IllegalArgumentException("route '" + path + "' must start with / and be new");
            }
            routes.put(path, new Route(contentType, body));
            return this;
        }

        /** Binds {@code address} ({@code host:port}, port 0 for any free port) and starts serving. */
        public StatusServer start(InetSocketAddress address, Limits limits) throws IOException {
            return new StatusServer(address, Map.copyOf(routes), limits);
        }
    }

    private final HttpServer server;
    private final DeadlineExecutor executor;

    private StatusServer(InetSocketAddress address, Map<String, Route> routes, Limits limits) throws IOException {
        this.executor = new DeadlineExecutor("fleetlab-http", limits.threads(), limits.queue(), limits.requestTime());
        try {
            this.server = HttpServer.create(address, limits.queue());
        } catch (IOException e) {
            executor.close();
            throw e;
        }
        server.setExecutor(executor);
        server.createContext("/", exchange -> serve(exchange, routes));
        server.start();
    }

    /** A new builder without routes. */
    public static Builder builder() {
        return new Builder();
    }

    /** The bound address (with the real port when 0 was asked for). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    private static void serve(HttpExchange exchange, Map<String, Route> routes) throws IOException {
        try (exchange) {
            Route route = routes.get(exchange.getRequestURI().getPath());
            if (route == null) {
                reply(exchange, 404, "text/plain", "not found\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                reply(exchange, 405, "text/plain", "GET only\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            byte[] body;
            try {
                body = route.body().build();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.DEBUG, "status route {0} failed: {1}", exchange.getRequestURI(), e);
                reply(exchange, 500, "text/plain", ("error: " + e + "\n").getBytes(StandardCharsets.UTF_8));
                return;
            }
            reply(exchange, 200, route.contentType(), body);
        }
    }

    private static void reply(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        }
    }
}
