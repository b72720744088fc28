/** Benchmarks of the gossip wire codec and of a node handling gossip traffic. */
package io.fleetlab.bench.gossip;
