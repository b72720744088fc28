package io.fleetlab.simulator.result;

/**
 * Whether the live nodes agreed on ownership over one sample interval, the one that ends at
 * {@code time}. The counts are the state at that instant; the maxima and integrals cover the whole
 * interval, so a disagreement that comes and goes between two samples still shows. Integrals and
 * maxima count from the first action on, as {@link AgreementTotals} does.
 *
 * @param time                     simulated seconds at the interval's end
 * @param liveNodes                nodes up (not crashed, not paused) at that moment
 * @param unowned                  targets no live node scrapes at that moment
 * @param doubleOwned              targets two or more live nodes scrape at that moment
 * @param maxUnowned               the most unowned targets of any state that lasted within the interval
 * @param maxDoubleOwned           the most double-owned targets of any state that lasted within the interval
 * @param unownedTargetSeconds     unowned targets integrated over the interval
 * @param doubleOwnedTargetSeconds double-owned targets integrated over the interval
 */
public record AgreementSample(double time, int liveNodes, long unowned, long doubleOwned, long maxUnowned,
        long maxDoubleOwned, double unownedTargetSeconds, double doubleOwnedTargetSeconds) {}
