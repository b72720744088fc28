package io.fleetlab.simulator.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A change of the fleet's membership whose redistribution and convergence a run measures. Written
 * to result files by its lower-case label.
 */
public enum ChangeKind {
    /** A new node starts. */
    JOIN("join"),
    /** A node that ran before starts again under the same name. */
    RESTART("restart"),
    /** A node leaves gracefully (terminating, then left). */
    LEAVE("leave"),
    /** A node stops at once. */
    CRASH("crash"),
    /** A joiner's participant state (not its alive news) reaching the others. */
    PARTICIPANT("participant");

    private final String label;

    ChangeKind(String label) {
        this.label = label;
    }

    /** The name in result files and reports. */
    @JsonValue
    public String label() {
        return label;
    }

    /** The kind labelled {@code label}, for reading result files back. */
    @JsonCreator
    public static ChangeKind of(String label) {
        for (ChangeKind k : values()) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown change kind '" + label + "'");
    }

    @Override
    public String toString() {
        return label;
    }
}
