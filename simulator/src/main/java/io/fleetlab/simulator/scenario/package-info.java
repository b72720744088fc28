/**
 * Scenario files: the JSON schema (records), reading with Jackson, and validation that names the
 * file, line, column and field of every mistake before anything runs.
 */
package io.fleetlab.simulator.scenario;
