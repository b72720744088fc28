package io.fleetlab.core.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.membership.wire.Keyring;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The presets against the Go sources they copy: memberlist's {@code config.go}
 * ({@code DefaultLANConfig}, {@code DefaultWANConfig}, grafana's fork as Alloy pins it), ckit's
 * {@code node.go} ({@code NewNode}) and Alloy's {@code cmd_run.go} / {@code cluster.go}.
 */
class GossipConfigTest {
    @Test
    void lanIsMemberlistsDefaultLanConfig() {
        GossipConfig lan = GossipConfig.lan();
        assertEquals(Duration.ofSeconds(1), lan.probeInterval());
        assertEquals(Duration.ofMillis(500), lan.probeTimeout());
        assertEquals(Duration.ofMillis(200), lan.gossipInterval());
        assertEquals(3, lan.gossipNodes());
        assertEquals(3, lan.indirectChecks());
        assertEquals(4, lan.suspicionMult());
        assertEquals(6, lan.suspicionMaxTimeoutMult());
        assertEquals(4, lan.retransmitMult());
        assertEquals(Duration.ofSeconds(30), lan.pushPullInterval());
        assertEquals(8, lan.awarenessMaxMultiplier());
        assertEquals(Duration.ofSeconds(30), lan.gossipToTheDeadTime());
        assertEquals(1400, lan.maxPacketSize());
        assertEquals(Duration.ofSeconds(10), lan.streamTimeout());
        assertEquals(Keyring.none(), lan.keyring());
    }

    @Test
    void wanChangesExactlyTheFieldsDefaultWanConfigChanges() {
        // DefaultWANConfig: TCPTimeout, SuspicionMult, PushPullInterval, ProbeTimeout, ProbeInterval,
        // GossipNodes, GossipInterval, GossipToTheDeadTime
        assertEquals(List.of("probeInterval", "probeTimeout", "gossipInterval", "gossipNodes", "suspicionMult",
                "pushPullInterval", "gossipToTheDeadTime", "streamTimeout"), differences(GossipConfig.lan(), GossipConfig.wan()));
        GossipConfig wan = GossipConfig.wan();
        assertEquals(Duration.ofSeconds(5), wan.probeInterval());
        assertEquals(Duration.ofSeconds(3), wan.probeTimeout());
        assertEquals(Duration.ofMillis(500), wan.gossipInterval());
        assertEquals(4, wan.gossipNodes());
        assertEquals(6, wan.suspicionMult());
        assertEquals(Duration.ofSeconds(60), wan.pushPullInterval());
        assertEquals(Duration.ofSeconds(60), wan.gossipToTheDeadTime());
        assertEquals(Duration.ofSeconds(30), wan.streamTimeout());
    }

    @Test
    void alloyIsLanWithCkitsAndAlloysOverridesOnly() {
        // ckit NewNode: ProbeInterval 5s, ProbeTimeout 2s, TCPTimeout 2s; Alloy: rejoin every 60 s
        assertEquals(List.of("probeInterval", "probeTimeout", "rejoinInterval", "streamTimeout"),
                differences(GossipConfig.lan(), GossipConfig.alloy()));
        GossipConfig alloy = GossipConfig.alloy();
        assertEquals(Duration.ofSeconds(5), alloy.probeInterval());
        assertEquals(Duration.ofSeconds(2), alloy.probeTimeout());
        assertEquals(Duration.ofSeconds(60), alloy.rejoinInterval());
        assertEquals(Duration.ofSeconds(2), alloy.streamTimeout());
        assertEquals(5, alloy.maxJoinPeers());
        assertEquals(Duration.ofSeconds(1), alloy.notifyInterval());
        assertEquals(GossipConfig.alloy(), GossipConfig.defaults());
    }

    @Test
    void toBuilderRoundTripsEveryField() {
        for (GossipPreset p : GossipPreset.values()) {
            assertEquals(p.config(), p.config().toBuilder().build(), p.id());
        }
        GossipConfig changed = GossipConfig.alloy().toBuilder().gossipNodes(7).streamTimeout(Duration.ofSeconds(3)).build();
        assertEquals(List.of("gossipNodes", "streamTimeout"), differences(GossipConfig.alloy(), changed));
        assertEquals(changed, GossipConfig.alloy().withGossipNodes(7).withStreamTimeout(Duration.ofSeconds(3)));
    }

    @Test
    void aBuilderRefusesAFieldLeftUnsetByName() {
        GossipConfig.Builder almost = GossipConfig.lan().toBuilder();
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> GossipConfig.builder().probeInterval(Duration.ofSeconds(1)).build());
        assertEquals("probeTimeout", e.getMessage());
        assertEquals("streamTimeout", assertThrows(NullPointerException.class,
                () -> almost.streamTimeout(null).build()).getMessage());
    }

    @Test
    void outOfRangeValuesAreRefusedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> GossipConfig.lan().withStreamTimeout(Duration.ZERO)).getMessage().startsWith("streamTimeout"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> GossipConfig.lan().withMaxPacketSize(GossipConfig.MAX_PACKET_SIZE + 1)).getMessage()
                .startsWith("maxPacketSize"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> GossipConfig.lan().withGossipNodes(0)).getMessage().startsWith("gossipNodes"));
    }

    @Test
    void presetsAreNamedOnceAndRefuseUnknownNames() {
        assertEquals(List.of("alloy", "lan", "wan"), GossipPreset.ids());
        assertEquals(GossipPreset.ALLOY, GossipPreset.DEFAULT);
        assertEquals(GossipConfig.wan(), GossipPreset.of("wan").config());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GossipPreset.of("fast"));
        assertEquals("unknown gossip preset 'fast'; expected one of [alloy, lan, wan]", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GossipPreset.of("ALLOY"));
    }

    private static List<String> differences(GossipConfig a, GossipConfig b) {
        List<String> names = new ArrayList<>();
        try {
            for (RecordComponent c : GossipConfig.class.getRecordComponents()) {
                if (!c.getAccessor().invoke(a).equals(c.getAccessor().invoke(b))) {
                    names.add(c.getName());
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return names;
    }
}
