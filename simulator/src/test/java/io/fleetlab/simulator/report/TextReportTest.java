package io.fleetlab.simulator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextReportTest {
    @Test
    void speedKeepsTwoSignificantDigitsBelowRealTime() {
        assertEquals("345x real time", TextReport.speed(300, 0.87));
        assertEquals("2.9x real time", TextReport.speed(600, 205));
        assertEquals("0.35x real time", TextReport.speed(60, 173.3));
        assertEquals("0.019x real time", TextReport.speed(10, 521));
        assertEquals("0.000010x real time", TextReport.speed(1, 100_000), "never in scientific notation");
        assertEquals("no wall time measured", TextReport.speed(10, 0));
    }
}
