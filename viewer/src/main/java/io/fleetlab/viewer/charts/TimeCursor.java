package io.fleetlab.viewer.charts;

/** A figure over simulated time with a cursor the time slider moves. */
public interface TimeCursor {
    /** Moves the cursor to {@code time} (NaN hides it); cheap, it redraws only the cursor. */
    void setCursor(double time);
}
