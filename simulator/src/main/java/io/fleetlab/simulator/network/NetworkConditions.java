package io.fleetlab.simulator.network;

/**
 * What happens to packets in flight.
 *
 * @param latency       one-way latency
 * @param loss          probability a packet is dropped
 * @param duplication   probability a packet is delivered twice
 * @param reorder       probability a packet is held back by an extra latency draw (so later ones overtake it)
 * @param streamTimeoutNanos how long a reliable send to an unreachable peer takes to fail
 */
public record NetworkConditions(LatencyModel latency, double loss, double duplication, double reorder, long streamTimeoutNanos) {}
