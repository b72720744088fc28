package io.fleetlab.simulator.cli;

import io.fleetlab.simulator.study.RingStudyCommand;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * Entry point. Until the scenario runner lands, a scenario name runs the ring-only scale-out
 * study (10 -> 11 nodes over 100k targets); {@code ring-study ...} runs the study with options.
 */
public final class Main {
    private Main() {}

    public static void main(String[] rawArgs) {
        // Maven passes -Dscenario as one argument after --scenario-dir; split it into words.
        String[] args = Arrays.stream(rawArgs).filter(a -> !a.startsWith("--scenario-dir="))
                .flatMap(a -> Arrays.stream(a.trim().split("\\s+"))).filter(a -> !a.isEmpty()).toArray(String[]::new);
        if (args.length > 0 && args[0].equals("ring-study")) {
            System.exit(new CommandLine(new RingStudyCommand(System.out)).execute(Arrays.copyOfRange(args, 1, args.length)));
        }
        System.out.println("Ring-only scale-out (the scenario runner is not built yet): 10 -> 11 nodes");
        System.exit(new CommandLine(new RingStudyCommand(System.out)).execute("--nodes", "10"));
    }
}
