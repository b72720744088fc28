package io.fleetlab.core.membership.wire;

/** A member's liveness as the failure detector sees it. Dead means failed, left means departed on purpose. */
public enum NodeStatus {
    ALIVE,
    SUSPECT,
    DEAD,
    LEFT;

    /** Whether the member is gone (failed or departed). */
    public boolean gone() {
        return this == DEAD || this == LEFT;
    }

    private static final NodeStatus[] VALUES = values();

    static NodeStatus ofCode(int code) {
        return code >= 0 && code < VALUES.length ? VALUES[code] : null;
    }
}
