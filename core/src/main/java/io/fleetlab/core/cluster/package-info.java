/**
 * One Alloy node as a whole: {@link io.fleetlab.core.cluster.ClusterMember} composes the gossip
 * membership, Alloy's peer states, join and rejoin through discovered seeds, ckit's peer-change
 * queue, Alloy's once-per-second notification of clustered components, the wait for a minimum
 * cluster size, and per component the rebalancer and the scrape manager's reload tick. The real
 * node and every simulated node run this same class; they differ only in the scheduler, transport
 * and random source they give it.
 */
package io.fleetlab.core.cluster;
