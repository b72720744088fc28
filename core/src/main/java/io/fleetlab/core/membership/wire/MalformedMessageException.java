package io.fleetlab.core.membership.wire;

import io.fleetlab.core.membership.RejectReason;

/**
 * Input that is not a valid message. Carries the counted reason; has no stack trace because bad
 * input is expected traffic, not a bug.
 */
public final class MalformedMessageException extends Exception {
    private final RejectReason reason;

    public MalformedMessageException(RejectReason reason, String detail) {
        super(reason + ": " + detail, null, false, false);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
