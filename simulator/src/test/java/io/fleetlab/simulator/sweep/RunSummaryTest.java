package io.fleetlab.simulator.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.simulator.result.ChangeKind;
import io.fleetlab.simulator.result.MembershipStats;
import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.simulator.run.ProgressListener;
import io.fleetlab.simulator.run.ScenarioRun;
import io.fleetlab.simulator.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A sweep's summary keeps joins, leaves and crashes apart instead of averaging them together. */
class RunSummaryTest {
    static final String STORY = """
            {
              "version": 1, "name": "kinds", "duration": "150s",
              "fleet": { "size": 6, "gossip": { "preset": "alloy" } },
              "targets": { "count": 1000 },
              "timeline": [
                { "at": "20s", "action": "join", "count": 2, "interval": "3s" },
                { "at": "40s", "action": "crash", "node": "alloy-2" },
                { "at": "50s", "action": "leave", "node": "alloy-7" },
                { "at": "60s", "action": "restart", "node": "alloy-3" }
              ]
            }
            """;

    @Test
    void convergenceIsSplitByKindOfChange() throws Exception {
        SimulationResult r = new ScenarioRun(ScenarioLoader.parse("kinds.json", STORY.getBytes(StandardCharsets.UTF_8), "kinds"),
                "alloy-ring", 5).run(ProgressListener.NONE);
        RunSummary s = RunSummary.of(r);
        double joins = r.membership().convergence().stream().filter(c -> c.kind() == ChangeKind.JOIN || c.kind() == ChangeKind.RESTART)
                .mapToDouble(MembershipStats.Convergence::p90).filter(d -> !Double.isNaN(d)).average().orElseThrow();
        assertEquals(joins, s.joinConvergenceP90(), 1e-12);
        double leaves = r.membership().convergence().stream().filter(c -> c.kind() == ChangeKind.LEAVE)
                .mapToDouble(MembershipStats.Convergence::p90).filter(d -> !Double.isNaN(d)).average().orElseThrow();
        assertEquals(leaves, s.leaveConvergenceP90(), 1e-12);
        assertTrue(s.crashConvergenceP90() > 10, "a crash waits for probes and suspicion: " + s.crashConvergenceP90());
        assertTrue(s.joinConvergenceP90() < 2 && s.leaveConvergenceP90() < 3,
                "joins and leaves spread by gossip: " + s.joinConvergenceP90() + ", " + s.leaveConvergenceP90());
    }
}
