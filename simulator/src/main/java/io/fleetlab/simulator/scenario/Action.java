package io.fleetlab.simulator.scenario;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;
import java.util.List;

/** One step of a scenario's timeline; {@code "action"} names the kind. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "action")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Action.Join.class, name = "join"),
    @JsonSubTypes.Type(value = Action.Leave.class, name = "leave"),
    @JsonSubTypes.Type(value = Action.Crash.class, name = "crash"),
    @JsonSubTypes.Type(value = Action.Restart.class, name = "restart"),
    @JsonSubTypes.Type(value = Action.RollingRestart.class, name = "rolling-restart"),
    @JsonSubTypes.Type(value = Action.ScaleTo.class, name = "scale-to"),
    @JsonSubTypes.Type(value = Action.Partition.class, name = "partition"),
    @JsonSubTypes.Type(value = Action.Heal.class, name = "heal"),
    @JsonSubTypes.Type(value = Action.Pause.class, name = "pause"),
    @JsonSubTypes.Type(value = Action.SetLoss.class, name = "set-loss"),
    @JsonSubTypes.Type(value = Action.Slow.class, name = "slow"),
    @JsonSubTypes.Type(value = Action.ClockSkew.class, name = "clock-skew"),
})
public sealed interface Action {
    /** When the action starts, from the beginning of the run. */
    Duration at();

    /** {@code count} new nodes join (named by the fleet's pattern with the next ordinals), {@code interval} apart. */
    record Join(Duration at, Integer count, Duration interval) implements Action {}

    /** {@code node} leaves gracefully (terminating, then left). */
    record Leave(Duration at, String node) implements Action {}

    /** {@code node} stops at once and sends nothing more. */
    record Crash(Duration at, String node) implements Action {}

    /**
     * {@code node} restarts under the same name: it leaves gracefully (or crashes when
     * {@code graceful} is false) unless already crashed, and starts again after {@code downtime}.
     */
    record Restart(Duration at, String node, Duration downtime, Boolean graceful) implements Action {}

    /** Every node in turn, {@code interval} apart, restarts as {@link Restart}. */
    record RollingRestart(Duration at, Duration interval, Duration downtime, Boolean graceful) implements Action {}

    /** Joins new nodes or has the newest leave gracefully until the fleet has {@code size}, {@code interval} apart. */
    record ScaleTo(Duration at, Integer size, Duration interval) implements Action {}

    /**
     * Cuts the network: between {@code groups} both ways (nodes not listed stay with the first
     * group), or from {@code from} to {@code to} only.
     */
    record Partition(Duration at, List<List<String>> groups, List<String> from, List<String> to) implements Action {}

    /** Restores every link. */
    record Heal(Duration at) implements Action {}

    /** {@code node} stalls for {@code duration} (stop-the-world, frozen VM), then carries on. */
    record Pause(Duration at, String node, Duration duration) implements Action {}

    /** Packet loss becomes {@code loss} from now on. */
    record SetLoss(Duration at, Double loss) implements Action {}

    /** Everything {@code node} receives is delayed by {@code extraMs} more (a slow process); 0 ends it. */
    record Slow(Duration at, String node, Double extraMs) implements Action {}

    /** {@code node}'s clock reads {@code skewMs} ahead (negative: behind). */
    record ClockSkew(Duration at, String node, Double skewMs) implements Action {}
}
