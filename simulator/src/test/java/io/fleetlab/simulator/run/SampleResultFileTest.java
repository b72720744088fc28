package io.fleetlab.simulator.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.fleetlab.simulator.result.ResultFiles;
import io.fleetlab.simulator.scenario.Scenario;
import io.fleetlab.simulator.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed sample result (a real run at a size the viewer opens instantly) is exactly what
 * the simulator writes for {@code scenarios/crash-and-detect.json} with the scenario's seed and
 * algorithm. After a deliberate change, regenerate it with {@code -Dsample.write=<absolute path>}.
 */
class SampleResultFileTest {
    private static final Path SAMPLE = Path.of("src/test/resources/results/crash-and-detect-sample.json");

    @Test
    void sampleEqualsAFreshRun() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", "crash-and-detect.json"));
        byte[] fresh = ResultFiles.toBytes(new ScenarioRun(s, s.hashing().algorithm(), s.seed()).run(ProgressListener.NONE));
        String write = System.getProperty("sample.write");
        if (write != null) {
            Files.write(Path.of(write), fresh);
        }
        assertArrayEquals(Files.readAllBytes(SAMPLE), fresh, "the sample no longer matches a fresh run; regenerate it");
    }
}
