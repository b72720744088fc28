/**
 * The simulated fleet: the nodes (each the core's {@code ClusterMember}), how they start, leave
 * and crash, and the membership and ownership changes they emit to the run's observers.
 */
package io.fleetlab.simulator.fleet;
