package io.fleetlab.core.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetlab.core.cluster.Component;
import io.fleetlab.core.cluster.MemberSettings;
import io.fleetlab.core.http.StatusServer;
import io.fleetlab.core.membership.wire.NodeStatus;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.rebalance.ClusteringOptions;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Five real nodes on loopback share 1,000 targets through their own rings, read over HTTP as a
 * user would: after convergence the union of their {@code /targets} is every target exactly once;
 * after one is killed and detected, its targets are owned by the others, each once.
 */
class TargetOwnershipLoopbackTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<LocalNode> nodes = new ArrayList<>();
    private final List<StatusServer> servers = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void stopAll() {
        servers.forEach(StatusServer::close);
        nodes.forEach(LocalNode::kill);
    }

    @Test
    @Timeout(60)
    void everyTargetIsOwnedExactlyOnceBeforeAndAfterACrash() throws Exception {
        StringBuilder file = new StringBuilder("[");
        for (int i = 0; i < 1000; i++) {
            file.append(i == 0 ? "" : ",").append("{\"job\":\"node\",\"instance\":\"10.1.").append(i / 250).append('.')
                    .append(i % 250).append(":9100\",\"__meta_kubernetes_pod_name\":\"p").append(i).append("\"}");
        }
        TargetsFile targets = TargetsFile.parse("targets.json", file.append(']').toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(1000, targets.entries().size());
        MemberSettings settings = MemberSettings.of(LoopbackClusterTest.FAST.withStreamTimeout(Duration.ofSeconds(2)));
        Component scrape = new Component("prometheus.scrape.default", targets.keys(), ClusteringOptions.alloyDefaults(),
                Duration.ZERO);
        SplittableRandom seeds = new SplittableRandom(11);
        for (int i = 0; i < 5; i++) {
            LocalNode n = LocalNode.create("own-" + i, new InetSocketAddress("127.0.0.1", 0), settings, seeds.split(),
                    List.of(scrape));
            nodes.add(n);
            servers.add(ClusterNode.serve(n, "127.0.0.1:0", targets));
            n.start(i == 0 ? List.of() : List.of(nodes.get(0).address()), PeerState.PARTICIPANT);
        }
        assertTrue(await(() -> exactlyOnce(servers, targets), Duration.ofSeconds(20)), "never owned exactly once: " + counts(servers));
        JsonNode peers = get(servers.get(2), "/peers");
        assertEquals(5, peers.size());
        JsonNode first = peers.get(0);
        assertTrue(first.has("name") && first.has("addr") && first.has("isSelf") && first.has("state"), first.toString());

        nodes.get(4).kill();
        servers.get(4).close();
        List<StatusServer> survivors = servers.subList(0, 4);
        assertTrue(await(() -> nodes.subList(0, 4).stream().allMatch(n -> n.statusOf("own-4") == NodeStatus.DEAD),
                Duration.ofSeconds(15)), "the crash was not detected");
        assertTrue(await(() -> exactlyOnce(survivors, targets), Duration.ofSeconds(10)),
                "the dead node's targets were not taken over exactly once: " + counts(survivors));

        String metrics = new String(raw(servers.get(0), "/metrics"), StandardCharsets.UTF_8);
        assertTrue(metrics.contains("memberlist_node_instances{node_state=\"dead\"} 1"), metrics);
        assertTrue(metrics.contains("cluster_node_peers{state=\"participant\"} 4"), metrics);
        assertTrue(metrics.contains("fleetlab_owned_targets{component=\"prometheus.scrape.default\"}"), metrics);
        assertTrue(metrics.contains("memberlist_probe_node_total"), metrics);
    }

    private boolean exactlyOnce(List<StatusServer> from, TargetsFile targets) {
        Map<String, Integer> counts = counts(from);
        if (counts == null || counts.size() != targets.entries().size()) {
            return false;
        }
        for (JsonNode e : targets.entries()) {
            if (counts.getOrDefault(e.toString(), 0) != 1) {
                return false;
            }
        }
        return true;
    }

    private Map<String, Integer> counts(List<StatusServer> from) {
        Map<String, Integer> counts = new HashMap<>();
        try {
            for (StatusServer s : from) {
                for (JsonNode t : get(s, "/targets")) {
                    counts.merge(t.toString(), 1, Integer::sum);
                }
            }
        } catch (Exception e) {
            return null;
        }
        return counts;
    }

    private JsonNode get(StatusServer s, String path) throws Exception {
        return JSON.readTree(raw(s, path));
    }

    private byte[] raw(StatusServer s, String path) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.address().getPort() + path))
                .timeout(Duration.ofSeconds(2)).build();
        HttpResponse<byte[]> res = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, res.statusCode(), path);
        return res.body();
    }

    private static boolean await(BooleanSupplier done, Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < end) {
            if (done.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return done.getAsBoolean();
    }
}
