package io.fleetlab.simulator.scenario;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import io.fleetlab.core.membership.GossipPreset;
import java.util.Arrays;
import java.util.List;

/** The names a scenario file may use, for help texts: read from the definitions, never repeated. */
public final class ScenarioVocabulary {
    private ScenarioVocabulary() {}

    /** Synthetic target shapes ({@code targets.shape}). */
    public static List<String> targetShapes() {
        return ScenarioValidator.SHAPES;
    }

    /** Gossip presets ({@code fleet.gossip.preset}). */
    public static List<String> gossipPresets() {
        return GossipPreset.ids();
    }

    /** Timeline actions ({@code timeline[].action}), in the order {@link Action} declares them. */
    public static List<String> timelineActions() {
        return Arrays.stream(Action.class.getAnnotation(JsonSubTypes.class).value()).map(JsonSubTypes.Type::name).toList();
    }
}
