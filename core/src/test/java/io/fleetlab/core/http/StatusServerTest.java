package io.fleetlab.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The status server on loopback, against clients that never finish their requests. */
class StatusServerTest {
    private static final StatusServer.Limits TIGHT = new StatusServer.Limits(2, 4, Duration.ofMillis(400));

    private static StatusServer start() throws IOException {
        return StatusServer.builder()
                .route("/peers", "application/json", () -> "[]".getBytes(StandardCharsets.UTF_8))
                .route("/broken", "text/plain", () -> {
                    throw new IllegalStateException("no view yet");
                })
                .start(new InetSocketAddress("127.0.0.1", 0), TIGHT);
    }

    private static HttpResponse<String> get(StatusServer s, String path, String method) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.address().getPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(3)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Half a request line and headers, then silence: the slow-loris client. */
    private static Socket halfOpen(StatusServer s) throws IOException {
        Socket socket = new Socket("127.0.0.1", s.address().getPort());
        OutputStream out = socket.getOutputStream();
        out.write("GET /peers HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    @Test
    @Timeout(20)
    void halfOpenRequestsNeitherFreezeNorHoldTheServer() throws Exception {
        try (StatusServer s = start()) {
            List<Socket> loris = new ArrayList<>();
            try {
                // more half-open requests than threads and queue together
                for (int i = 0; i < 8; i++) {
                    loris.add(halfOpen(s));
                }
                long t0 = System.nanoTime();
                HttpResponse<String> r = null;
                // the pool frees up within one request time; a dropped connection is retried
                while (r == null && System.nanoTime() - t0 < Duration.ofSeconds(5).toNanos()) {
                    try {
                        r = get(s, "/peers", "GET");
                    } catch (IOException e) {
                        Thread.sleep(50);
                    }
                }
                assertTrue(r != null, "no answer within 5 s while half-open requests were held");
                assertEquals(200, r.statusCode());
                assertEquals("[]", r.body());
                // and every half-open connection was closed by the server within its time limit
                for (Socket socket : loris) {
                    socket.setSoTimeout(3000);
                    InputStream in = socket.getInputStream();
                    try {
                        int b = in.read();
                        assertEquals(-1, b, "server answered a half request");
                    } catch (SocketTimeoutException e) {
                        throw new AssertionError("a half-open request was held for more than 3 s", e);
                    } catch (IOException e) {
                        // reset: closed as well
                    }
                }
            } finally {
                for (Socket socket : loris) {
                    socket.close();
                }
            }
        }
    }

    @Test
    @Timeout(20)
    void aClientThatNeverReadsTheAnswerIsCutOffAtTheTimeLimit() throws Exception {
        byte[] big = new byte[32 << 20];
        try (StatusServer s = StatusServer.builder().route("/big", "application/octet-stream", () -> big)
                .start(new InetSocketAddress("127.0.0.1", 0), new StatusServer.Limits(1, 4, Duration.ofMillis(400)));
                Socket socket = new Socket("127.0.0.1", s.address().getPort())) {
            socket.setReceiveBufferSize(4096);
            socket.getOutputStream().write("GET /big HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            Thread.sleep(1000);
            // the only thread was freed: a second request is answered
            try (StatusServer small = s) {
                long t0 = System.nanoTime();
                int status = 0;
                while (status == 0 && System.nanoTime() - t0 < Duration.ofSeconds(5).toNanos()) {
                    try {
                        status = get(small, "/nope", "GET").statusCode();
                    } catch (IOException e) {
                        Thread.sleep(50);
                    }
                }
                assertEquals(404, status);
            }
        }
    }

    @Test
    @Timeout(20)
    void answersStatusCodesForWrongPathsMethodsAndFailingRoutes() throws Exception {
        try (StatusServer s = start()) {
            assertEquals(200, get(s, "/peers", "GET").statusCode());
            assertEquals(404, get(s, "/nope", "GET").statusCode());
            assertEquals(405, get(s, "/peers", "POST").statusCode());
            HttpResponse<String> broken = get(s, "/broken", "GET");
            assertEquals(500, broken.statusCode());
            assertTrue(broken.body().contains("no view yet"), broken.body());
        }
    }
}
