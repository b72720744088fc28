/**
 * The discrete-event engine: virtual time, one event queue ordered by (time, sequence), and a
 * per-node scheduler that gives the core its clock. Single-threaded; nothing reads the wall clock.
 */
package io.fleetlab.simulator.engine;
