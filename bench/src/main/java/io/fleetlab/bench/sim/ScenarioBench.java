package io.fleetlab.bench.sim;

import io.fleetlab.core.ring.HashingAlgorithm;
import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.simulator.run.ProgressListener;
import io.fleetlab.simulator.run.ScenarioRun;
import io.fleetlab.simulator.scenario.Scenario;
import io.fleetlab.simulator.scenario.ScenarioException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole simulator runs, timed once each (single shot: a run is seconds to minutes long and the
 * JIT warms up within it). {@code largeFleet}: a fleet of {@code fleetSize} nodes for
 * {@code fleetSeconds} simulated seconds (the case is 1,000 nodes for 10 minutes).
 * {@code rollingRestart}: a rollout over {@code restartSize} nodes (the case is 10,000) for
 * {@code restartSeconds} simulated seconds, in the 8 GiB heap the target allows. {@code warmFleet}:
 * a warm-started fleet of {@code warmSize} nodes for {@code warmSeconds}, 10 joins and a crash
 * (250 and 1,000 nodes side by side: how the cost grows with the fleet). The
 * {@code simulatedSeconds} counter lets the report print simulated seconds per wall second.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g", "--add-opens=java.base/java.lang=ALL-UNNAMED"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class ScenarioBench {

    /** The simulated duration of the run, so the report can divide it by the wall time. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class SimulatedTime {
        public double simulatedSeconds;

        @Setup(Level.Iteration)
        public void reset() {
            simulatedSeconds = 0;
        }
    }

    @State(Scope.Benchmark)
    public static class LargeFleet {
        @Param("1000")
        int fleetSize;

        @Param("600")
        int fleetSeconds;

        Scenario scenario;

        @Setup
        public void load() throws ScenarioException {
            scenario = BenchScenarios.largeFleet(fleetSize, fleetSeconds);
        }
    }

    @State(Scope.Benchmark)
    public static class WarmFleet {
        @Param({"250", "1000"})
        int warmSize;

        @Param("180")
        int warmSeconds;

        Scenario scenario;

        @Setup
        public void load() throws ScenarioException {
            scenario = BenchScenarios.warmFleet(warmSize, warmSeconds);
        }
    }

    @State(Scope.Benchmark)
    public static class RollingRestart {
        @Param("10000")
        int restartSize;

        @Param("180")
        int restartSeconds;

        Scenario scenario;

        @Setup
        public void load() throws ScenarioException {
            scenario = BenchScenarios.rollingRestart(restartSize, restartSeconds, 1000);
        }
    }

    @Benchmark
    public SimulationResult largeFleet(LargeFleet s, SimulatedTime time) {
        return play(s.scenario, time);
    }

    @Benchmark
    public SimulationResult warmFleet(WarmFleet s, SimulatedTime time) {
        return play(s.scenario, time);
    }

    @Benchmark
    public SimulationResult rollingRestart(RollingRestart s, SimulatedTime time) {
        return play(s.scenario, time);
    }

    private static SimulationResult play(Scenario scenario, SimulatedTime time) {
        SimulationResult result = new ScenarioRun(scenario, HashingAlgorithm.ALLOY_RING.id(), scenario.seed()).run(ProgressListener.NONE);
        time.simulatedSeconds += scenario.duration().toNanos() / 1e9;
        return result;
    }
}
