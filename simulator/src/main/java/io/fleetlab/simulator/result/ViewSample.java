package io.fleetlab.simulator.result;

/**
 * A node's view of the fleet changed size.
 *
 * @param time     simulated seconds
 * @param node     the observing node
 * @param viewSize how many members (including itself) it believes alive
 */
public record ViewSample(double time, String node, int viewSize) {}
