package io.fleetlab.simulator.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fleetlab.simulator.result.ResultFiles;
import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.simulator.scenario.Scenario;
import io.fleetlab.simulator.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed sample result (a real run at a size the viewer opens instantly) was written by
 * the simulator for {@code scenarios/crash-and-detect.json} with the scenario's seed and algorithm.
 * It must still read with the current schema, and everything that does not depend on the gossip
 * protocol's details (the fleet, the targets, the redistribution on the ideal fleet) must equal a
 * fresh run; protocol changes in the core may change its timings without failing this module.
 * Regenerate it with {@code -Dsample.write=<absolute path>}.
 */
class SampleResultFileTest {
    private static final Path SAMPLE = Path.of("src/test/resources/results/crash-and-detect-sample.json");

    @Test
    void sampleIsARunOfTheShippedScenario() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", "crash-and-detect.json"));
        SimulationResult fresh = new ScenarioRun(s, s.hashing().algorithm(), s.seed()).run(ProgressListener.NONE);
        String write = System.getProperty("sample.write");
        if (write != null) {
            Files.write(Path.of(write), ResultFiles.toBytes(fresh));
        }
        SimulationResult sample = ResultFiles.read(SAMPLE);
        assertEquals(fresh.scenario(), sample.scenario());
        assertEquals(fresh.seed(), sample.seed());
        assertEquals(fresh.algorithm(), sample.algorithm());
        assertEquals(fresh.tokensPerNode(), sample.tokensPerNode());
        assertEquals(fresh.durationSeconds(), sample.durationSeconds());
        assertEquals(fresh.targetCount(), sample.targetCount());
        assertEquals(fresh.nodes(), sample.nodes());
        assertEquals(fresh.redistribution(), sample.redistribution());
        assertEquals(fresh.agreement().size(), sample.agreement().size());
    }
}
