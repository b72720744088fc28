/**
 * Operator inputs read from files (target lists, Prometheus target responses, peer dumps): strict
 * parsers with size and count limits, whose every refusal names file, line and column.
 */
package io.fleetlab.simulator.input;
