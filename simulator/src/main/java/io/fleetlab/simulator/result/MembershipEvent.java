package io.fleetlab.simulator.result;

/**
 * Something that happened to the fleet: a scenario action (join, leave, crash, restart, pause,
 * partition, heal, set-loss) or what the protocol concluded (suspect, dead, alive, refute).
 *
 * @param time   simulated seconds
 * @param kind   the scenario action or the protocol's conclusion
 * @param node   the node it is about, or empty for fleet-wide events
 * @param by     for protocol conclusions, the node that reached it; empty otherwise
 * @param detail free text for humans (e.g. the partition's sides)
 */
public record MembershipEvent(double time, EventKind kind, String node, String by, String detail) {}
