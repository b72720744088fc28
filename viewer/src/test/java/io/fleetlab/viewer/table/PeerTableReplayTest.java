package io.fleetlab.viewer.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.simulator.result.PeerTableLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PeerTableReplayTest {
    private static final String[] STATES = {"viewer", "participant", "terminating"};

    /**
     * The table as the schema defines it, computed the slow way, rows in natural order: peer
     * {@code pN} by the number N, so {@code p2} comes before {@code p10}.
     */
    static List<PeerRow> oracle(List<PeerTableLog.Entry> log, double t) {
        Map<String, PeerTableLog.Entry> last = new TreeMap<>(java.util.Comparator.comparingInt(n -> Integer.parseInt(n.substring(1))));
        for (PeerTableLog.Entry e : log) {
            if (e.time() <= t) {
                last.put(e.name(), e);
            }
        }
        List<PeerRow> rows = new ArrayList<>();
        last.values().stream().filter(PeerTableLog.Entry::present).forEach(e -> rows.add(
                new PeerRow(e.name(), e.address(), PeerRow.parseState(e.state(), "oracle"), e.self(), e.time())));
        return rows;
    }

    @Test
    void replayAgreesWithTheSchemaDefinitionOnRandomLogs() {
        long seed = 0x5eed_7ab1eL;
        SplittableRandom random = new SplittableRandom(seed);
        for (int run = 0; run < 400; run++) {
            List<PeerTableLog.Entry> log = randomLog(random);
            PeerTableReplay replay = new PeerTableReplay(new PeerTableLog("p0", log));
            List<Double> probes = new ArrayList<>(List.of(-1.0, 0.0, 1e9));
            for (PeerTableLog.Entry e : log) {
                probes.add(e.time());
                probes.add(Math.nextDown(e.time()));
                probes.add(e.time() + 0.05);
            }
            for (double t : probes) {
                assertEquals(oracle(log, t), replay.at(t), "seed " + seed + " run " + run + " t " + t);
            }
        }
    }

    private static List<PeerTableLog.Entry> randomLog(SplittableRandom random) {
        List<PeerTableLog.Entry> log = new ArrayList<>();
        double t = 0;
        int entries = random.nextInt(0, 40);
        for (int i = 0; i < entries; i++) {
            if (random.nextInt(3) > 0) {
                t += random.nextInt(0, 5) * 0.5; // repeated times on purpose
            }
            int p = random.nextInt(14);
            log.add(new PeerTableLog.Entry(t, "p" + p, "10.0.0." + p + ":80", STATES[random.nextInt(3)], p == 0,
                    random.nextInt(5) > 0));
        }
        return log;
    }

    @Test
    void rowsAreInNaturalOrder() {
        PeerTableReplay replay = new PeerTableReplay(new PeerTableLog("alloy-0", List.of(
                new PeerTableLog.Entry(1, "alloy-10", "x", "participant", false, true),
                new PeerTableLog.Entry(1, "alloy-2", "x", "participant", false, true),
                new PeerTableLog.Entry(1, "alloy-0", "x", "participant", true, true),
                new PeerTableLog.Entry(1, "alloy-1", "x", "participant", false, true))));
        assertEquals(List.of("alloy-0", "alloy-1", "alloy-2", "alloy-10"), replay.at(1).stream().map(PeerRow::name).toList());
    }

    @Test
    void laterEntryAtTheSameTimeWins() {
        PeerTableReplay replay = new PeerTableReplay(new PeerTableLog("a", List.of(
                new PeerTableLog.Entry(1, "a", "x", "viewer", true, true),
                new PeerTableLog.Entry(1, "a", "x", "participant", true, true))));
        assertEquals("participant", replay.at(1).get(0).stateName());
        assertTrue(replay.at(0.999).isEmpty());
    }

    @Test
    void rejectsUnknownStateNamingTheEntry() {
        var e = assertThrows(IllegalArgumentException.class, () -> new PeerTableReplay(new PeerTableLog("a", List.of(
                new PeerTableLog.Entry(1, "a", "x", "participant", true, true),
                new PeerTableLog.Entry(2, "b", "y", "leader", false, true)))));
        assertTrue(e.getMessage().contains("peerChanges.changes[1]") && e.getMessage().contains("'leader'"), e.getMessage());
    }

    @Test
    void rejectsEntriesOutOfTimeOrder() {
        var e = assertThrows(IllegalArgumentException.class, () -> new PeerTableReplay(new PeerTableLog("a", List.of(
                new PeerTableLog.Entry(5, "a", "x", "participant", true, true),
                new PeerTableLog.Entry(2, "b", "y", "participant", false, true)))));
        assertTrue(e.getMessage().contains("peerChanges.changes[1]") && e.getMessage().contains("time order"), e.getMessage());
    }
}
