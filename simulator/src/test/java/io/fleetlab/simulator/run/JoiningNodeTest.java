package io.fleetlab.simulator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.simulator.result.AgreementSample;
import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.simulator.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A node that joins a running fleet starts scraping only once its join went through, as in Alloy;
 * it must never claim the whole target set on a one-node view of its own.
 */
class JoiningNodeTest {
    private static SimulationResult run(String json) throws Exception {
        var s = ScenarioLoader.parse("join.json", json.getBytes(StandardCharsets.UTF_8), "join");
        return new ScenarioRun(s, "alloy-ring", 5).run(ProgressListener.NONE);
    }

    @Test
    void joinersDoNotClaimEveryTarget() throws Exception {
        SimulationResult r = run("""
                {
                  "version": 1, "duration": "90s", "sampleInterval": "250ms",
                  "fleet": { "size": 8 }, "targets": { "count": 4000 },
                  "timeline": [ { "at": "30s", "action": "join", "count": 3, "interval": "10s" } ]
                }
                """);
        assertEquals(3, r.redistribution().size());
        long worst = 0;
        for (AgreementSample a : r.agreement()) {
            if (a.time() >= 30) {
                worst = Math.max(worst, a.doubleOwned());
            }
        }
        // a joiner takes about 1/(N+1) of the targets; anything near all 4,000 is the one-node claim
        assertTrue(worst < 1000, "double-owned peaked at " + worst + " after the joins");
    }

    @Test
    void aNodeNobodyAnswersRunsAloneAfterTheJoinTimeout() throws Exception {
        SimulationResult r = run("""
                {
                  "version": 1, "duration": "40s",
                  "fleet": { "size": 1 }, "targets": { "count": 500 },
                  "timeline": []
                }
                """);
        AgreementSample last = r.agreement().get(r.agreement().size() - 1);
        assertEquals(0, last.unowned(), "a lone node owns every target once it gave up waiting for seeds");
    }
}
