package io.fleetlab.core.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetlab.core.http.StatusServer;
import io.fleetlab.core.membership.GossipConfig;
import io.fleetlab.core.membership.NodeEvent;
import io.fleetlab.core.peer.PeerState;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ClusterNodeTest {
    @Test
    void parsesFlagsInBothForms() {
        NodeOptions o = NodeOptions.parse(new String[] {"--name", "a", "--bind=127.0.0.1:7000", "--join",
                "127.0.0.1:7001,127.0.0.1:7002", "--join", "127.0.0.1:7003", "--http", "127.0.0.1:8080",
                "--preset", "lan", "--viewer", "--targets=t.json"});
        assertEquals("a", o.name());
        assertEquals("127.0.0.1:7000", o.bind());
        assertEquals(List.of("127.0.0.1:7001", "127.0.0.1:7002", "127.0.0.1:7003"), o.join());
        assertEquals("127.0.0.1:8080", o.http());
        assertEquals(GossipConfig.lan(), o.config());
        assertTrue(o.viewer());
        assertEquals("t.json", o.targets());
        NodeOptions d = NodeOptions.parse(new String[] {"--name", "b"});
        assertEquals(GossipConfig.alloy(), d.config());
        assertEquals("127.0.0.1:7946", d.bind());
        assertNull(d.http());
        assertFalse(d.viewer());
    }

    @Test
    void badFlagsSayWhatWasExpected() {
        assertEquals("--name: required",
                assertThrows(IllegalArgumentException.class, () -> NodeOptions.parse(new String[] {})).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> NodeOptions.parse(new String[] {"--name", "a", "--bind", "nope"})).getMessage()
                .contains("--bind: expected HOST:PORT"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> NodeOptions.parse(new String[] {"--name", "a", "--join", "h:99999"})).getMessage()
                .contains("port"));
        assertEquals("--preset: expected one of [alloy, lan, wan], got 'fast'", assertThrows(IllegalArgumentException.class,
                () -> NodeOptions.parse(new String[] {"--name", "a", "--preset", "fast"})).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> NodeOptions.parse(new String[] {"--name", "a", "--frobnicate"})).getMessage()
                .contains("--frobnicate"));
        assertEquals("--http: expected a value",
                assertThrows(IllegalArgumentException.class,
                        () -> NodeOptions.parse(new String[] {"--name", "a", "--http"})).getMessage());
    }

    @Test
    void theScrapeReloadIntervalIsAlloysUnlessSet() {
        assertEquals(Duration.ofSeconds(5), NodeOptions.parse(new String[] {"--name", "a"}).scrapeReloadInterval());
        assertEquals(Duration.ofMillis(250),
                NodeOptions.parse(new String[] {"--name", "a", "--scrape-reload-interval", "250ms"}).scrapeReloadInterval());
        assertEquals(Duration.ZERO,
                NodeOptions.parse(new String[] {"--name", "a", "--scrape-reload-interval=0s"}).scrapeReloadInterval());
        assertEquals(Duration.ofMinutes(60),
                NodeOptions.parse(new String[] {"--name", "a", "--scrape-reload-interval", "60m"}).scrapeReloadInterval());
        for (String bad : new String[] {"5", "-1s", "1.5s", "5h", "", "61m", "99999999999s"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> NodeOptions.parse(new String[] {"--name", "a", "--scrape-reload-interval", bad}), bad);
            assertTrue(e.getMessage().startsWith("--scrape-reload-interval: "), e.getMessage());
            assertTrue(e.getMessage().endsWith("'" + bad + "'"), e.getMessage());
        }
        assertTrue(NodeOptions.USAGE.contains("[--preset alloy|lan|wan]"), NodeOptions.USAGE);
        assertTrue(NodeOptions.USAGE.contains("(default 5s, Prometheus'"), NodeOptions.USAGE);
    }

    @Test
    void describesEventsForTheConsole() {
        assertEquals("member b: dead (declared by a)", ClusterNode.describe(new NodeEvent.Dead("b", 0, "a", 0)));
        assertEquals("member b: state viewer -> participant", ClusterNode.describe(
                new NodeEvent.StateChanged("b", PeerState.VIEWER, PeerState.PARTICIPANT, 2, 0)));
    }

    @Test
    @Timeout(60) // a hang guard; on a loaded 2-core machine the first HTTP client and server start take seconds
    void servesThePeerListAsJson() throws Exception {
        SplittableRandom seeds = new SplittableRandom(5);
        try (LocalNode a = LocalNode.create("a", new InetSocketAddress("127.0.0.1", 0), LoopbackClusterTest.FAST,
                        seeds.split());
                LocalNode b = LocalNode.create("b", new InetSocketAddress("127.0.0.1", 0), LoopbackClusterTest.FAST,
                        seeds.split())) {
            a.start(List.of(), PeerState.PARTICIPANT);
            b.start(List.of(a.address()), PeerState.VIEWER);
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (a.peers().size() < 2 && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            StatusServer http = ClusterNode.serve(a, "127.0.0.1:0");
            try {
                int port = http.address().getPort();
                HttpResponse<String> r = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/peers")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode());
                JsonNode rows = new ObjectMapper().readTree(r.body());
                assertEquals(2, rows.size(), r.body());
                assertEquals("a", rows.get(0).get("name").asText());
                assertEquals(a.address(), rows.get(0).get("addr").asText());
                assertEquals("participant", rows.get(0).get("state").asText());
                assertTrue(rows.get(0).get("isSelf").asBoolean());
                assertEquals("b", rows.get(1).get("name").asText());
                assertEquals("viewer", rows.get(1).get("state").asText());
                assertFalse(rows.get(1).get("isSelf").asBoolean());
            } finally {
                http.close();
            }
        }
    }
}
