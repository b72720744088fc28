package io.fleetlab.core.membership;

import io.fleetlab.core.membership.swim.Suspicion;
import io.fleetlab.core.membership.wire.NodeStatus;

/** The local node's mutable record of one member (memberlist's {@code nodeState}). */
final class Member {
    final String name;
    String address;
    long incarnation;
    NodeStatus status;
    /** Scheduler time of the last status change. */
    long statusSinceNanos;
    /** The running suspicion timer while the member is suspect, else null. */
    Suspicion suspicion;

    Member(String name, String address, long incarnation, NodeStatus status, long nowNanos) {
        this.name = name;
        this.address = address;
        this.incarnation = incarnation;
        this.status = status;
        this.statusSinceNanos = nowNanos;
    }

    @Override
    public String toString() {
        return name + "@" + address + "[" + status + " #" + incarnation + "]";
    }
}
