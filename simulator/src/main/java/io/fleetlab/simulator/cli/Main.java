package io.fleetlab.simulator.cli;

import io.fleetlab.simulator.study.RingStudyCommand;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * Entry point: {@code <scenario> [options]} runs a scenario (see {@link RunCommand});
 * {@code ring-study ...} runs the ring-only study.
 */
public final class Main {
    /** Held so the level set on it is not lost to garbage collection of the logger. */
    private static final java.util.logging.Logger CORE_LOG = java.util.logging.Logger.getLogger("io.fleetlab.core");

    private Main() {}

    public static void main(String[] rawArgs) {
        System.exit(run(rawArgs));
    }

    static int run(String[] rawArgs) {
        // the protocol's INFO lines (e.g. a first node finding no seed) would drown the summary
        CORE_LOG.setLevel(java.util.logging.Level.WARNING);
        // Maven's exec passes -Dscenario="name --seed 3" as one argument: split it into words.
        String[] args = Arrays.stream(rawArgs).flatMap(a -> Arrays.stream(a.trim().split("\\s+")))
                .filter(a -> !a.isEmpty()).toArray(String[]::new);
        int first = 0;
        while (first < args.length && args[first].startsWith("--scenario-dir=")) {
            first++;
        }
        if (first < args.length && args[first].equals("ring-study")) {
            String[] rest = Arrays.copyOfRange(args, first + 1, args.length);
            return new CommandLine(new RingStudyCommand(System.out)).execute(rest);
        }
        return new CommandLine(new RunCommand(System.out, System.err)).execute(args);
    }
}
