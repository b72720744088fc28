package io.fleetlab.simulator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.simulator.result.AgreementSample;
import io.fleetlab.simulator.result.AgreementTotals;
import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.simulator.scenario.Scenario;
import io.fleetlab.simulator.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The agreement series misses nothing: each sample interval carries its maximum and its integral,
 * the integrals add up to the run's target-second totals, and a rolling restart, whose double
 * ownership mostly comes and goes between two samples, shows in the series.
 */
class AgreementSeriesTest {
    /** A rolling restart of 8 nodes, one every 7 s, sampled every 10 s; the run's length is not a multiple of the sample interval. */
    static final String STORY = """
            {
              "version": 1, "name": "agreement-series", "duration": "100500ms", "sampleInterval": "10s",
              "fleet": { "size": 8, "gossip": { "preset": "alloy" } },
              "targets": { "count": 4000 },
              "network": { "latency": { "distribution": "log-normal", "meanMs": 1 } },
              "timeline": [ { "at": "30s", "action": "rolling-restart", "interval": "7s", "downtime": "2s" } ]
            }
            """;

    @Test
    void intervalIntegralsSumToTheTotals() throws Exception {
        Scenario s = ScenarioLoader.parse("agreement-series.json", STORY.getBytes(StandardCharsets.UTF_8), "agreement-series");
        SimulationResult r = new ScenarioRun(s, "alloy-ring", 3).run(ProgressListener.NONE);
        AgreementTotals totals = r.totals();
        double unowned = 0;
        double doubled = 0;
        long maxU = 0;
        long maxD = 0;
        for (AgreementSample a : r.agreement()) {
            unowned += a.unownedTargetSeconds();
            doubled += a.doubleOwnedTargetSeconds();
            maxU = Math.max(maxU, a.maxUnowned());
            maxD = Math.max(maxD, a.maxDoubleOwned());
            assertTrue(a.maxUnowned() >= 0 && a.maxDoubleOwned() >= 0);
        }
        assertTrue(totals.doubleOwnedTargetSeconds() > 0 && totals.unownedTargetSeconds() > 0, "the restart costs something");
        assertEquals(totals.unownedTargetSeconds(), unowned, 1e-6 * totals.unownedTargetSeconds());
        assertEquals(totals.doubleOwnedTargetSeconds(), doubled, 1e-6 * totals.doubleOwnedTargetSeconds());
        assertEquals(totals.maxUnowned(), maxU);
        assertEquals(totals.maxDoubleOwned(), maxD);
        assertEquals(100.5, r.agreement().get(r.agreement().size() - 1).time(), 1e-9, "the short last interval is sampled");
        long hidden = r.agreement().stream()
                .filter(a -> a.doubleOwned() == 0 && a.doubleOwnedTargetSeconds() > 0 && a.maxDoubleOwned() > 0).count();
        assertTrue(hidden > 0, "some double ownership came and went between two samples, and the intervals keep it");
    }
}
