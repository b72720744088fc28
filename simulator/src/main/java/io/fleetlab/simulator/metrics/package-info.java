/**
 * What a run measures: ownership agreement over time, redistribution per membership change,
 * convergence and detection, against the theory in the design notes.
 */
package io.fleetlab.simulator.metrics;
