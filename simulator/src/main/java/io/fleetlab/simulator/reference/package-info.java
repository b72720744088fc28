/** Experiments that mirror measurements of a real cluster, to hold the simulator against them. */
package io.fleetlab.simulator.reference;
