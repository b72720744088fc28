package io.fleetlab.core.membership.swim;

import io.fleetlab.core.membership.wire.NodeStatus;

/** The local node's mutable record of one member (memberlist's {@code nodeState}). */
public final class Member {
    public final String name;
    public String address;
    public long incarnation;
    public NodeStatus status;
    /** Scheduler time of the last status change. */
    public long statusSinceNanos;
    /** The running suspicion timer while the member is suspect, else null. */
    public Suspicion suspicion;

    public Member(String name, String address, long incarnation, NodeStatus status, long nowNanos) {
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
