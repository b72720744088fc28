package io.fleetlab.bench.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.fleetlab.core.ring.HashingAlgorithm;
import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.simulator.run.ProgressListener;
import io.fleetlab.simulator.run.ScenarioRun;
import io.fleetlab.simulator.scenario.Action;
import io.fleetlab.simulator.scenario.Scenario;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchScenariosTest {
    @Test
    void largeFleetIsTheIssuesCaseAtFullSize() throws Exception {
        Scenario s = BenchScenarios.largeFleet(1000, 600);
        assertEquals(1000, s.fleet().size());
        assertEquals(Duration.ofMinutes(10), s.duration());
        assertEquals(100_000, s.targets().count());
        assertEquals(2, s.timeline().size());
        Action.ScaleTo grow = assertInstanceOf(Action.ScaleTo.class, s.timeline().get(0));
        assertEquals(1010, grow.size());
        assertEquals(Duration.ofSeconds(180), grow.at());
        assertEquals("alloy-500", assertInstanceOf(Action.Crash.class, s.timeline().get(1)).node());
    }

    @Test
    void rollingRestartIsTheIssuesCaseAtFullSize() throws Exception {
        Scenario s = BenchScenarios.rollingRestart(10_000, 180, 1000);
        assertEquals(10_000, s.fleet().size());
        assertEquals(Duration.ofSeconds(180), s.duration());
        Action.RollingRestart r = assertInstanceOf(Action.RollingRestart.class, s.timeline().get(0));
        assertEquals(Duration.ofSeconds(1), r.interval());
        assertEquals(Duration.ofSeconds(5), r.downtime());
    }

    @Test
    void theWarmFleetStartsConvergedWithTenJoinsAndACrash() throws Exception {
        Scenario s = BenchScenarios.warmFleet(10_000, 600);
        assertEquals("converged", s.fleet().start());
        assertEquals(1_000_000, s.targets().count());
        Action.Join join = assertInstanceOf(Action.Join.class, s.timeline().get(0));
        assertEquals(10, join.count());
        assertEquals(Duration.ofSeconds(180), join.at());
        Action.Crash crash = assertInstanceOf(Action.Crash.class, s.timeline().get(1));
        assertEquals(Duration.ofSeconds(360), crash.at());
        Scenario small = BenchScenarios.warmFleet(20, 30);
        SimulationResult result = new ScenarioRun(small, HashingAlgorithm.ALLOY_RING.id(), small.seed()).run(ProgressListener.NONE);
        assertEquals(30.0, result.durationSeconds(), 1e-9);
    }

    @Test
    void smokeSizedScenariosRunToTheEnd() throws Exception {
        Scenario s = BenchScenarios.largeFleet(10, 30);
        SimulationResult result = new ScenarioRun(s, HashingAlgorithm.ALLOY_RING.id(), s.seed()).run(ProgressListener.NONE);
        assertEquals(s.name(), result.scenario());
        assertEquals(30.0, result.durationSeconds(), 1e-9);
    }
}
