package io.fleetlab.simulator.result;

/**
 * A node of the run.
 *
 * @param name    its name (what the ring hashes)
 * @param address its simulated address
 */
public record NodeInfo(String name, String address) {}
