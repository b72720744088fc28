package io.fleetlab.simulator.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.cluster.Component;
import io.fleetlab.simulator.result.AgreementSample;
import io.fleetlab.simulator.result.EventKind;
import io.fleetlab.simulator.result.ResultFiles;
import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.simulator.scenario.Scenario;
import io.fleetlab.simulator.scenario.ScenarioException;
import io.fleetlab.simulator.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code "fleet": {"start": "converged"}}: the fleet begins as after a long steady state. */
class WarmStartTest {
    private static final String STORY = """
            {
              "version": 1, "name": "warm", "duration": "150s", "sampleInterval": "1s",
              "fleet": { "size": 40, "start": "converged" },
              "targets": { "count": 4000 },
              "timeline": [
                { "at": "30s", "action": "join", "count": 1 },
                { "at": "60s", "action": "crash", "node": "alloy-7" }
              ]
            }
            """;

    private static Scenario story(String json) throws Exception {
        return ScenarioLoader.parse("warm.json", json.getBytes(StandardCharsets.UTF_8), "warm");
    }

    @Test
    void everyTargetHasExactlyOneOwnerFromTheFirstReloadOn() throws Exception {
        SimulationResult r = new ScenarioRun(story(STORY), "alloy-ring", 5).run(ProgressListener.NONE);
        double reload = Component.PROMETHEUS_RELOAD_INTERVAL.toSeconds();
        int checked = 0;
        for (AgreementSample a : r.agreement()) {
            if (a.time() > reload && a.time() < 30) {
                // no start-up: one owner per target as soon as the scrapers took their first targets
                assertEquals(40, a.liveNodes(), "at " + a.time());
                assertEquals(0, a.unowned(), "at " + a.time());
                assertEquals(0, a.doubleOwned(), "at " + a.time());
                checked++;
            }
        }
        assertTrue(checked >= 20, checked + " samples checked");
        assertEquals(2, r.redistribution().size(), "the join and the crash");
        assertTrue(r.events().stream().noneMatch(e -> e.kind() == EventKind.JOINED && e.time() < 30),
                "nobody is news before the join");
        long owned = r.load().perNode().stream().mapToLong(l -> l.targets()).sum();
        assertEquals(4000, owned, "once the crash is detected every target has one owner again");
    }

    @Test
    void aWarmRunIsDeterministic() throws Exception {
        Scenario s = story(STORY);
        byte[] a = ResultFiles.toBytes(new ScenarioRun(s, "alloy-ring", 9).run(ProgressListener.NONE));
        byte[] b = ResultFiles.toBytes(new ScenarioRun(s, "alloy-ring", 9).run(ProgressListener.NONE));
        assertArrayEquals(a, b);
    }

    @Test
    void anUnknownStartIsRefusedWithItsField() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> story(STORY.replace("converged", "tepid")));
        assertTrue(e.getMessage().contains("fleet.start"), e.getMessage());
        assertTrue(e.getMessage().contains("cold, converged"), e.getMessage());
    }
}
