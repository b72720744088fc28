package io.fleetlab.simulator.scenario;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** One step of a scenario's timeline, chosen by its {@code action} field. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "action")
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
    @JsonSubTypes.Type(value = Action.Slow.class, name = "slow"),
    @JsonSubTypes.Type(value = Action.Skew.class, name = "skew"),
    @JsonSubTypes.Type(value = Action.SetLoss.class, name = "set-loss"),
})
public sealed interface Action {
    /** When the action happens, from the end of the warm-up. */
    Span at();

    /** New nodes join, named by the fleet's pattern with the next free indexes (or {@code node}). */
    record Join(Span at, Integer count, String node) implements Action {}

    /** Graceful leave of {@code node}, or of the {@code count} newest live nodes. */
    record Leave(Span at, String node, Integer count) implements Action {}

    /** The node stops at once and says nothing. */
    record Crash(Span at, String node) implements Action {}

    /** The node (crashed or live) comes back under the same name after {@code downtime}. */
    record Restart(Span at, String node, Span downtime) implements Action {}

    /** Every live node, in name order, leaves gracefully and rejoins after {@code downtime}, one per {@code interval}. */
    record RollingRestart(Span at, Span interval, Span downtime) implements Action {}

    /** Joins or gracefully removes (newest first) nodes, one per {@code interval} (default all at once). */
    record ScaleTo(Span at, Integer size, Span interval) implements Action {}

    /** Splits the network into {@code sides} (node names; unlisted nodes join the first side). */
    record Partition(Span at, List<List<String>> sides, Boolean oneWay) implements Action {}

    /** Removes every partition. */
    record Heal(Span at) implements Action {}

    /** The node stalls (runs nothing, receives late) for {@code duration}. */
    record Pause(Span at, String node, Span duration) implements Action {}

    /** The node runs every task {@code delay} late for {@code duration}. */
    record Slow(Span at, String node, Span delay, Span duration) implements Action {}

    /** The node's clock reads {@code offset} ahead (or behind, when negative). */
    record Skew(Span at, String node, Span offset) implements Action {}

    /** Datagram loss probability from now on. */
    record SetLoss(Span at, Double loss) implements Action {}
}
