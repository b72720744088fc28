package io.fleetlab.viewer.app;

import io.fleetlab.simulator.result.MembershipEvent;
import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.viewer.table.PeerTableReplay;
import java.util.Arrays;
import java.util.OptionalDouble;
import java.util.stream.DoubleStream;

/** The times worth stepping to with the slider: events and peer-table changes, sorted, distinct. */
final class Moments {
    private final double[] times;

    private Moments(double[] times) {
        this.times = times;
    }

    static Moments of(SimulationResult result, PeerTableReplay replay) {
        DoubleStream events = result.events() == null ? DoubleStream.empty()
                : result.events().stream().mapToDouble(MembershipEvent::time);
        return new Moments(DoubleStream.concat(events, Arrays.stream(replay.changeTimes())).sorted().distinct().toArray());
    }

    /** The last moment strictly before {@code t}. */
    OptionalDouble before(double t) {
        for (int i = times.length - 1; i >= 0; i--) {
            if (times[i] < t) {
                return OptionalDouble.of(times[i]);
            }
        }
        return OptionalDouble.empty();
    }

    /** The first moment strictly after {@code t}. */
    OptionalDouble after(double t) {
        for (double m : times) {
            if (m > t) {
                return OptionalDouble.of(m);
            }
        }
        return OptionalDouble.empty();
    }
}
