/** Benchmarks of recomputing a node's owned targets after a membership change. */
package io.fleetlab.bench.rebalance;
