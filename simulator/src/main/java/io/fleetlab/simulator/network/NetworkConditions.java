package io.fleetlab.simulator.network;

/**
 * The imperfections of the simulated network, all probabilities per datagram.
 *
 * @param loss             probability a datagram is dropped
 * @param duplicate        probability a delivered datagram arrives twice
 * @param reorder          probability a datagram is held back by up to {@code reorderDelayNanos}
 * @param reorderDelayNanos the largest extra delay of a reordered datagram
 * @param reliableTimeoutNanos how long a reliable message to an unreachable node takes to fail
 */
public record NetworkConditions(
        double loss, double duplicate, double reorder, long reorderDelayNanos, long reliableTimeoutNanos) {}
