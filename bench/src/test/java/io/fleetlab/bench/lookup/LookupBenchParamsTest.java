package io.fleetlab.bench.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fleetlab.core.ring.Sharders;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

class LookupBenchParamsTest {
    @Test
    void benchmarksEveryAlgorithmTheCoreOffers() throws NoSuchFieldException {
        Param param = LookupBench.class.getDeclaredField("algorithm").getAnnotation(Param.class);
        assertEquals(Sharders.algorithms(), List.of(param.value()));
    }

    @Test
    void baselineUsesTheSameFleetSizes() throws NoSuchFieldException {
        Param lookup = LookupBench.class.getDeclaredField("nodes").getAnnotation(Param.class);
        Param guava = GuavaJumpBench.class.getDeclaredField("nodes").getAnnotation(Param.class);
        assertEquals(List.of(lookup.value()), List.of(guava.value()));
    }
}
