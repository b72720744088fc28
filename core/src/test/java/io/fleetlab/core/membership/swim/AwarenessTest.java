package io.fleetlab.core.membership.swim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AwarenessTest {
    @Test
    void scoreIsClampedAndStretchesTimeouts() {
        Awareness a = new Awareness(8);
        assertEquals(1000, a.scale(1000));
        a.apply(-3);
        assertEquals(0, a.score());
        a.apply(3);
        assertEquals(4000, a.scale(1000));
        a.apply(100);
        assertEquals(7, a.score());
        assertEquals(8000, a.scale(1000), "at most awarenessMaxMultiplier x");
        a.apply(-1);
        assertEquals(7000, a.scale(1000));
    }
}
