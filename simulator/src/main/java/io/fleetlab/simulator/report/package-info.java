/** The terminal summary of a run, and optional CSV of its time series. */
package io.fleetlab.simulator.report;
