package io.fleetlab.simulator.result;

/**
 * Whether the live nodes agreed on ownership at one moment.
 *
 * @param time        simulated seconds
 * @param liveNodes   nodes up (not crashed, not paused) at that moment
 * @param unowned     targets no live node scrapes
 * @param doubleOwned targets two or more live nodes scrape
 */
public record AgreementSample(double time, int liveNodes, long unowned, long doubleOwned) {}
