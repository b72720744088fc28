package io.fleetlab.simulator.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.fleetlab.simulator.result.ResultFiles;
import io.fleetlab.simulator.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed sample result (for the viewer and for readers of the docs) is exactly what the
 * simulator writes for scenarios/crash-and-detect.json with seed 1. Regenerate it with
 * {@code -Dsample.write=<path>} after a deliberate change.
 */
class SampleResultFileTest {
    private static final Path SAMPLE = Path.of("src/test/resources/results/crash-and-detect-1.json");

    @Test
    void sampleEqualsAFreshRun() throws Exception {
        var cfg = ScenarioLoader.load(Path.of("..", "scenarios"), "crash-and-detect");
        byte[] fresh = ResultFiles.toBytes(new Simulation(cfg, 1).run(t -> {}));
        String write = System.getProperty("sample.write");
        if (write != null) {
            Files.createDirectories(Path.of(write).toAbsolutePath().getParent());
            Files.write(Path.of(write), fresh);
        }
        assertArrayEquals(Files.readAllBytes(SAMPLE), fresh);
    }
}
