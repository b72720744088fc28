/** Benchmarks of key-to-owner lookups for every sharding algorithm, with Guava's jump hash as the baseline. */
package io.fleetlab.bench.lookup;
