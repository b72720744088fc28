/** Benchmarks of rebuilding Alloy's token ring after a membership change. */
package io.fleetlab.bench.rebuild;
