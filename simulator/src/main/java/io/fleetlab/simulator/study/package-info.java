/** Ring-only studies: balance and movement of a hashing algorithm without simulating gossip. */
package io.fleetlab.simulator.study;
