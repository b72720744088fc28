/**
 * Ownership at fleet scale: one sorted index of every node's tokens and every target, built once
 * per run and shared by all simulated nodes, and each node's owned targets kept up to date from
 * the arcs that changed hands in its own view, so a view change costs what it changed rather than
 * a ring rebuild and a lookup of every target.
 */
package io.fleetlab.simulator.ownership;
