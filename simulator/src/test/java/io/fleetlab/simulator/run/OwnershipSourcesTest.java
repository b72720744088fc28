package io.fleetlab.simulator.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.fleetlab.simulator.result.ResultFiles;
import io.fleetlab.simulator.run.ScenarioRun.OwnershipSource;
import io.fleetlab.simulator.scenario.Scenario;
import io.fleetlab.simulator.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The token index with per-node arc deltas and the shared per-view tables give byte-identical
 * result files for every shipped scenario on Alloy's ring (large-fleet aside: 1,000 nodes take
 * minutes with the tables), and for the determinism story with its loss, pauses and restarts.
 */
class OwnershipSourcesTest {
    static Stream<String> scenarios() {
        return Stream.of("crash-and-detect", "flapping-node", "hashing-sweep", "lossy-network", "partition-and-heal",
                "rolling-restart", "scale-in", "scale-out");
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void bothSourcesWriteTheSameResult(String name) throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", name + ".json"));
        assertSame(s, s.seed());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void bothSourcesAgreeOnTheDeterminismStory(long seed) throws Exception {
        assertSame(DeterminismTest.story(), seed);
    }

    static Stream<Long> seeds() {
        return Stream.of(11L, 12L, 13L);
    }

    private static void assertSame(Scenario s, long seed) throws Exception {
        byte[] tables = ResultFiles.toBytes(
                new ScenarioRun(s, "alloy-ring", seed, OwnershipSource.SHARED_TABLES).run(ProgressListener.NONE));
        byte[] index = ResultFiles.toBytes(
                new ScenarioRun(s, "alloy-ring", seed, OwnershipSource.TOKEN_INDEX).run(ProgressListener.NONE));
        assertArrayEquals(tables, index, s.name() + " seed " + seed);
    }
}
