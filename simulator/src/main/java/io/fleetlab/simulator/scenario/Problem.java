package io.fleetlab.simulator.scenario;

/** One mistake in a scenario, by field path (e.g. {@code timeline[2].node}). */
record Problem(String path, String message) {}
