package io.fleetlab.simulator.result;

/**
 * Ownership disagreement integrated over the run: what users suffer during rollouts.
 *
 * @param unownedTargetSeconds     sum over time of targets nobody scraped, in target-seconds
 * @param doubleOwnedTargetSeconds sum over time of targets scraped twice or more
 * @param maxUnowned               the worst moment's unowned count
 * @param maxDoubleOwned           the worst moment's double-owned count
 */
public record AgreementTotals(
        double unownedTargetSeconds, double doubleOwnedTargetSeconds, long maxUnowned, long maxDoubleOwned) {}
