package io.fleetlab.simulator.result;

import java.util.List;

/**
 * The peer table (Alloy's clustering page) of one observer node over time, as a change log:
 * the table at time t is every entry with {@code time <= t}, the last one per peer winning, minus
 * peers whose last entry has {@code present == false}.
 *
 * @param observer the node whose table this is
 * @param changes  entries in time order
 */
public record PeerTableLog(String observer, List<Entry> changes) {

    /**
     * @param time    simulated seconds
     * @param name    peer name
     * @param address peer address
     * @param state   {@code viewer}, {@code participant} or {@code terminating}
     * @param self    whether the peer is the observer itself
     * @param present false when the observer dropped the peer from its table
     */
    public record Entry(double time, String name, String address, String state, boolean self, boolean present) {}
}
