/** The targets every simulated node discovers, generated from the run's seed. */
package io.fleetlab.simulator.workload;
