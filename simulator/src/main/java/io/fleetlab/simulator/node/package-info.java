/**
 * A simulated node: the real core membership and rebalancer, wired to a simulated clock and
 * network, with the ring lookups of identical views shared across nodes.
 */
package io.fleetlab.simulator.node;
