/** Benchmarks of the simulator: raw event dispatch and whole scenario runs. */
package io.fleetlab.bench.sim;
