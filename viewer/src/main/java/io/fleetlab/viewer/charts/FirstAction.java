package io.fleetlab.viewer.charts;

import io.fleetlab.simulator.result.MembershipEvent;
import io.fleetlab.simulator.result.SimulationResult;
import java.util.List;
import java.util.OptionalDouble;

/**
 * When the scenario's first action happened: the first event the scenario itself caused (its
 * {@code by} is {@code scenario}, or empty in older files) after the fleet's first moment.
 * Before it the fleet is starting up, which dwarfs everything after it on a shared axis.
 */
final class FirstAction {
    private FirstAction() {}

    static OptionalDouble of(SimulationResult result) {
        List<MembershipEvent> events = MembershipTimelineChart.nullSafe(result.events());
        if (events.isEmpty()) {
            return OptionalDouble.empty();
        }
        double start = events.stream().mapToDouble(MembershipEvent::time).min().orElse(0);
        return events.stream()
                .filter(e -> e.time() > start && (e.by() == null || e.by().isEmpty() || "scenario".equals(e.by())))
                .mapToDouble(MembershipEvent::time)
                .min();
    }
}
