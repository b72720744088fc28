/**
 * The simulated network: per-link latency drawn from a distribution, loss, duplication,
 * reordering and partitions, and the core's {@code Transport} over it.
 */
package io.fleetlab.simulator.network;
