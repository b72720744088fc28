package io.fleetlab.simulator.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.fleetlab.core.membership.GossipConfig;
import io.fleetlab.core.membership.GossipPreset;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A scenario that leaves everything out is resolved once, from {@link Defaults}, into values without nulls. */
class DefaultsTest {
    private static final String MINIMAL = """
            { "version": 1, "duration": "2m", "fleet": { "size": 3 },
              "timeline": [
                { "at": "10s", "action": "join" },
                { "at": "20s", "action": "restart", "node": "alloy-1" },
                { "at": "30s", "action": "rolling-restart" },
                { "at": "40s", "action": "scale-to", "size": 2 } ] }
            """;

    /** Not applicable to synthetic targets: a shape has no file and no file format. */
    private static final Set<String> MAY_BE_NULL = Set.of("Targets.file", "Targets.format");

    private static Scenario minimal() throws Exception {
        return ScenarioLoader.parse("minimal.json", MINIMAL.getBytes(StandardCharsets.UTF_8), "minimal");
    }

    @Test
    void everyOmittedFieldTakesItsDefault() throws Exception {
        Scenario s = minimal();
        assertEquals("minimal", s.name());
        assertEquals(Defaults.SEED, s.seed());
        assertEquals(Defaults.SAMPLE_INTERVAL, s.sampleInterval());
        Scenario.Fleet f = s.fleet();
        assertEquals(Defaults.NAME_PATTERN, f.namePattern());
        assertEquals(Defaults.MEMBERSHIP, f.membership());
        assertEquals(Defaults.MIN_CLUSTER_SIZE, f.minClusterSize());
        assertEquals(Defaults.MIN_CLUSTER_SIZE_TIMEOUT, f.minClusterSizeTimeout());
        assertEquals(Defaults.SCRAPE_RELOAD_INTERVAL, f.scrapeReloadInterval());
        assertEquals(Defaults.JOIN_SPREAD, f.joinSpread());
        assertEquals(Defaults.START, f.start());
        assertEquals(Defaults.GOSSIP_PRESET, f.gossip().preset());
        GossipConfig alloy = GossipPreset.ALLOY.config();
        assertEquals(new Scenario.Gossip("alloy", alloy.probeInterval(), alloy.probeTimeout(), alloy.gossipInterval(),
                alloy.gossipNodes(), alloy.indirectChecks(), alloy.suspicionMult(), alloy.retransmitMult(),
                alloy.pushPullInterval(), alloy.notifyInterval()), f.gossip(), "every gossip field is the preset's");
        assertEquals(Defaults.TARGET_COUNT, s.targets().count());
        assertEquals(Defaults.TARGET_SHAPE, s.targets().shape());
        assertEquals(Defaults.ALGORITHM, s.hashing().algorithm());
        assertEquals(Defaults.TOKENS_PER_NODE, s.hashing().tokensPerNode());
        assertEquals(List.of(), s.hashing().compare());
        Scenario.Network n = s.network();
        assertEquals(Defaults.transport(Defaults.GOSSIP_PRESET), n.transport());
        assertEquals(Duration.ofSeconds(2), n.streamTimeout(), "ckit's TCPTimeout with Alloy's preset");
        assertEquals(Defaults.LATENCY_DISTRIBUTION, n.latency().distribution());
        assertEquals(Defaults.LATENCY_MEAN_MS, n.latency().meanMs());
        assertEquals(Defaults.latencySpreadMs(Defaults.LATENCY_MEAN_MS), n.latency().spreadMs());
        assertEquals(Defaults.LATENCY_SIGMA, n.latency().sigma());
        assertEquals(Defaults.LATENCY_MIN_MS, n.latency().minMs());
        assertEquals(Defaults.LOSS, n.loss());
        assertEquals(List.of(
                new Action.Join(Duration.ofSeconds(10), Defaults.JOIN_COUNT, Defaults.ACTION_INTERVAL),
                new Action.Restart(Duration.ofSeconds(20), "alloy-1", Defaults.DOWNTIME, Defaults.GRACEFUL),
                new Action.RollingRestart(Duration.ofSeconds(30), Defaults.ROLLING_INTERVAL, Defaults.DOWNTIME,
                        Defaults.GRACEFUL),
                new Action.ScaleTo(Duration.ofSeconds(40), 2, Defaults.ACTION_INTERVAL)), s.timeline());
    }

    @Test
    void theStreamTimeoutAndTransportFollowThePreset() throws Exception {
        for (String preset : List.of("lan", "wan")) {
            String json = MINIMAL.replace("\"size\": 3 }", "\"size\": 3, \"gossip\": { \"preset\": \"" + preset + "\" } }");
            Scenario s = ScenarioLoader.parse("p.json", json.getBytes(StandardCharsets.UTF_8), "p");
            assertEquals(Defaults.streamTimeout(preset), s.network().streamTimeout());
            assertEquals("memberlist-udp", s.network().transport());
        }
        assertEquals(Duration.ofSeconds(10), Defaults.streamTimeout("lan"), "memberlist DefaultLANConfig TCPTimeout");
        assertEquals(Duration.ofSeconds(30), Defaults.streamTimeout("wan"), "memberlist DefaultWANConfig TCPTimeout");
    }

    @Test
    void aGossipBlockWithoutAPresetTakesTheDefaultPresetsNetworkToo() throws Exception {
        String json = MINIMAL.replace("\"size\": 3 }", "\"size\": 3, \"gossip\": { \"suspicionMult\": 7 } }");
        Scenario s = ScenarioLoader.parse("n.json", json.getBytes(StandardCharsets.UTF_8), "n");
        assertEquals(Defaults.GOSSIP_PRESET, s.fleet().gossip().preset());
        assertEquals(Defaults.transport(Defaults.GOSSIP_PRESET), s.network().transport());
        assertEquals(Defaults.streamTimeout(Defaults.GOSSIP_PRESET), s.network().streamTimeout());
        assertEquals(minimal().network(), s.network(), "the same network as a scenario without a gossip block");
    }

    @Test
    void aGossipFieldGivenKeepsItsValueAndTheRestComeFromThePreset() throws Exception {
        String json = MINIMAL.replace("\"size\": 3 }",
                "\"size\": 3, \"gossip\": { \"preset\": \"lan\", \"suspicionMult\": 7 } }");
        Scenario.Gossip g = ScenarioLoader.parse("g.json", json.getBytes(StandardCharsets.UTF_8), "g").fleet().gossip();
        assertEquals(7, g.suspicionMult());
        assertEquals(GossipPreset.LAN.config().probeInterval(), g.probeInterval());
        assertEquals(GossipPreset.LAN.config().retransmitMult(), g.retransmitMult());
    }

    @Test
    void theResolvedScenarioHasNoNulls() throws Exception {
        noNulls("Scenario", minimal());
    }

    @Test
    void theResultFilesScenarioIsTheResolvedOneAndReadsBackEqual() throws Exception {
        Scenario s = minimal();
        byte[] tree = ScenarioLoader.toTree(s).toString().getBytes(StandardCharsets.UTF_8);
        Scenario again = ScenarioLoader.parse("again.json", tree, "other");
        assertEquals(s, again);
        assertEquals(ScenarioLoader.toTree(s), ScenarioLoader.toTree(again));
    }

    private static void noNulls(String path, Object value) throws Exception {
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                assertNotNull(list.get(i), path + "[" + i + "]");
                noNulls(path + "[" + i + "]", list.get(i));
            }
            return;
        }
        if (value == null || !value.getClass().isRecord()) {
            return;
        }
        for (RecordComponent c : value.getClass().getRecordComponents()) {
            Object v = c.getAccessor().invoke(value);
            String name = value.getClass().getSimpleName() + "." + c.getName();
            if (v == null && !MAY_BE_NULL.contains(name)) {
                throw new AssertionError(path + "." + c.getName() + " is null after resolution");
            }
            noNulls(path + "." + c.getName(), v);
        }
    }
}
