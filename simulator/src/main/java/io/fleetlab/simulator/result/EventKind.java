package io.fleetlab.simulator.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a {@link MembershipEvent} records: a scenario action, or what a node's membership
 * concluded. Written to result files by its lower-case label.
 */
public enum EventKind {
    JOIN("join", true),
    LEAVE("leave", true),
    CRASH("crash", true),
    RESTART("restart", true),
    ROLLING_RESTART("rolling-restart", true),
    PARTITION("partition", true),
    HEAL("heal", true),
    PAUSE("pause", true),
    SET_LOSS("set-loss", true),
    SLOW("slow", true),
    CLOCK_SKEW("clock-skew", true),
    /** A node learned of a new member. */
    JOINED("joined", false),
    /** A node suspected a member. */
    SUSPECT("suspect", false),
    /** A suspected member was heard alive again. */
    ALIVE("alive", false),
    /** A member was declared dead. */
    DEAD("dead", false),
    /** A member left gracefully. */
    LEFT("left", false),
    /** A member's peer state (viewer, participant, terminating) changed. */
    STATE("state", false);

    private final String label;
    private final boolean action;

    EventKind(String label, boolean action) {
        this.label = label;
        this.action = action;
    }

    /** The name in result files and reports. */
    @JsonValue
    public String label() {
        return label;
    }

    /** Whether a scenario action (rather than a protocol conclusion). */
    public boolean action() {
        return action;
    }

    /** The kind of the scenario action a change is recorded as. */
    public static EventKind of(ChangeKind change) {
        return switch (change) {
            case JOIN -> JOIN;
            case RESTART -> RESTART;
            case LEAVE -> LEAVE;
            case CRASH -> CRASH;
            case PARTICIPANT -> STATE;
        };
    }

    /** The kind labelled {@code label}, for reading result files back. */
    @JsonCreator
    public static EventKind of(String label) {
        for (EventKind k : values()) {
            if (k.label.equals(label)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown event kind '" + label + "'");
    }

    @Override
    public String toString() {
        return label;
    }
}
