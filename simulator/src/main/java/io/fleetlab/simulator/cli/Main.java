package io.fleetlab.simulator.cli;

import io.fleetlab.simulator.study.RingStudyCommand;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * Entry point: {@code fleetlab-sim SCENARIO [options]} runs a scenario; {@code ring-study ...}
 * measures the hashing algorithms alone.
 */
public final class Main {
    /** Held so the level set on it is not lost to garbage collection. */
    private static final java.util.logging.Logger CORE_LOG = java.util.logging.Logger.getLogger("io.fleetlab");

    private Main() {}

    public static void main(String[] rawArgs) {
        System.exit(run(rawArgs));
    }

    static int run(String[] rawArgs) {
        // The core logs protocol details (bootstraps, rejected packets) for real nodes; a
        // simulation of a thousand nodes would drown the report in them.
        CORE_LOG.setLevel(java.util.logging.Level.WARNING);
        // Maven passes -Dscenario as one argument; split it so "-Dscenario='x.json --seeds 8'" works.
        String[] args = Arrays.stream(rawArgs).flatMap(a -> a.startsWith("--scenario-dir=") ? Arrays.stream(new String[] {a})
                : Arrays.stream(a.trim().split("\\s+"))).filter(a -> !a.isEmpty()).toArray(String[]::new);
        String[] rest = Arrays.stream(args).filter(a -> !a.startsWith("--scenario-dir=")).toArray(String[]::new);
        if (rest.length > 0 && rest[0].equals("ring-study")) {
            return new CommandLine(new RingStudyCommand(System.out)).execute(Arrays.copyOfRange(rest, 1, rest.length));
        }
        return new CommandLine(new SimulateCommand(System.out, System.err)).execute(args);
    }
}
