package io.fleetlab.core.membership;

/**
 * Hears every membership event at once, uncoalesced, on the scheduler's thread: what a simulator
 * needs to measure detection times and false suspicions. Must not throw and should return quickly.
 */
@FunctionalInterface
public interface MembershipEventListener {
    void onEvent(NodeEvent event);
}
