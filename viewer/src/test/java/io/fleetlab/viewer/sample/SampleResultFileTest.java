package io.fleetlab.viewer.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.fleetlab.simulator.result.ResultFiles;
import io.fleetlab.simulator.result.SimulationResult;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

class SampleResultFileTest {

    /** {@code mvn -pl viewer -am test -Dtest=SampleResultFileTest -Dsample.write=$PWD/viewer/src/test/resources/results/sample-scale-out.json -Dsurefire.failIfNoSpecifiedTests=false} */
    @Test
    @EnabledIfSystemProperty(named = "sample.write", matches = ".+")
    void rewriteSample() throws Exception {
        SampleResult.main(new String[] {System.getProperty("sample.write")});
    }

    @Test
    @DisabledIfSystemProperty(named = "sample.write", matches = ".+")
    void committedSampleIsWhatTheBuilderProducesAndReadsBack() throws Exception {
        byte[] committed;
        try (InputStream in = SampleResultFileTest.class.getResourceAsStream(SampleResult.RESOURCE)) {
            assertNotNull(in, SampleResult.RESOURCE + " missing; run SampleResult.main to write it");
            committed = in.readAllBytes();
        }
        assertArrayEquals(ResultFiles.toBytes(SampleResult.build()), committed,
                "sample result drifted from SampleResult; rerun SampleResult.main");
        SimulationResult read = ResultFiles.read(SampleResult.file());
        assertEquals(SampleResult.build(), read);
    }
}
