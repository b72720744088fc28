/**
 * Deciding which discovered targets the local node scrapes: each node looks every target up on
 * its own view of the ring, with Alloy's rules (fail open, wait for a minimum cluster size, a
 * component may opt out of clustering), and reports what started and stopped since the last view.
 */
package io.fleetlab.core.rebalance;
