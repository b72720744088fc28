package io.fleetlab.bench.lookup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fleetlab.core.ring.HashingAlgorithm;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Param;

class LookupBenchParamsTest {
    @Test
    void benchmarksEveryAlgorithmOfTheRegistry() throws NoSuchFieldException {
        var field = LookupBench.class.getDeclaredField("algorithm");
        // an enum @Param with no values: JMH runs every constant (a listed value would narrow that)
        assertEquals(HashingAlgorithm.class, field.getType());
        assertArrayEquals(new String[] {Param.BLANK_ARGS}, field.getAnnotation(Param.class).value());
    }

    @Test
    void baselineUsesTheSameFleetSizes() throws NoSuchFieldException {
        Param lookup = LookupBench.class.getDeclaredField("nodes").getAnnotation(Param.class);
        Param guava = GuavaJumpBench.class.getDeclaredField("nodes").getAnnotation(Param.class);
        assertEquals(List.of(lookup.value()), List.of(guava.value()));
    }
}
