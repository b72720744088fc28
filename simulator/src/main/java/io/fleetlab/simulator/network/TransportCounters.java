package io.fleetlab.simulator.network;

/** What the transport did over a run, for the result and the reports. */
public final class TransportCounters {
    long packetsSent;
    long bytesSent;
    long packetsLost;
    long queueDrops;
    long sendTimeouts;
    long sendFailures;
    long streamFailures;
    long oversize;
    long retransmissions;
    long connectionsOpened;

    /** Packets handed to the network (UDP) or posted by a sender worker (ckit). */
    public long packetsSent() {
        return packetsSent;
    }

    public long bytesSent() {
        return bytesSent;
    }

    /** Datagrams lost to loss, partitions or a missing receiver (UDP only; TCP retransmits instead). */
    public long packetsLost() {
        return packetsLost;
    }

    /** Packets dropped, oldest first, from a full outgoing queue (ckit). */
    public long queueDrops() {
        return queueDrops;
    }

    /** Posts that got no response within the packet timeout (ckit). */
    public long sendTimeouts() {
        return sendTimeouts;
    }

    /** Posts that failed at once: connection refused or reset (ckit). */
    public long sendFailures() {
        return sendFailures;
    }

    /** Stream messages (push-pull, join) that could not be delivered in time. */
    public long streamFailures() {
        return streamFailures;
    }

    /** Packets too large for ckit's two-byte frame length, never sent. */
    public long oversize() {
        return oversize;
    }

    /** TCP retransmissions, SYNs included (ckit). */
    public long retransmissions() {
        return retransmissions;
    }

    /** TCP connections set up (ckit). */
    public long connectionsOpened() {
        return connectionsOpened;
    }
}
