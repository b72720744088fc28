/** Benchmarks of hashing targets to ring keys. */
package io.fleetlab.bench.hashing;
