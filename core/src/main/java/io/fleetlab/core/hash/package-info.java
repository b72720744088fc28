/**
 * Turning targets and node names into the 64-bit points of the hash space, byte for byte as Alloy
 * does: XXH64 (seed 0) of strings, of Prometheus label sets and of operator-style label strings,
 * and the token sequence of a node.
 */
package io.fleetlab.core.hash;
