package io.fleetlab.simulator.study;

import io.fleetlab.core.ring.HashingAlgorithm;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ring-study}: balance and movement of the hashing algorithms, no gossip involved. */
@Command(name = "ring-study", mixinStandardHelpOptions = true,
        description = "Balance and moved fraction on join/leave of a hashing algorithm, against 1/(N+1), 1/N and the statistical bound.")
public final class RingStudyCommand implements Callable<Integer> {
    @Option(names = "--nodes", split = ",", defaultValue = "10,100,1000", description = "Fleet sizes N (default: ${DEFAULT-VALUE}).")
    List<Integer> nodes;

    @Option(names = "--targets", defaultValue = "100000", description = "Targets T (default: ${DEFAULT-VALUE}).")
    int targets;

    @Option(names = "--tokens", defaultValue = "512", description = "Tokens per node V (default: ${DEFAULT-VALUE}).")
    int tokens;

    @Option(names = "--algorithm", split = ",", description = "Algorithms, or 'all' (default: ${DEFAULT-VALUE}).")
    List<String> algorithms = List.of(HashingAlgorithm.DEFAULT.id());

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the synthetic targets (default: ${DEFAULT-VALUE}).")
    long seed;

    private final PrintStream out;

    public RingStudyCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        if (targets < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--targets must be at least 1, got " + targets);
        }
        for (int n : nodes) {
            if (n < 1) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--nodes values must be at least 1, got " + n);
            }
        }
        List<String> chosen = algorithms.contains("all") ? HashingAlgorithm.ids() : algorithms;
        out.printf("Ring study: T = %,d targets, V = %d tokens per node, seed %d%n", targets, tokens, seed);
        out.println("bound = 1 + z*sqrt(1/V + (N-1)/T), z at 99.9% (Bonferroni over nodes for the peak)");
        out.println();
        out.printf("%-13s %6s %10s %9s %9s %10s %10s %7s %10s %10s %7s%n", "algorithm", "N", "peak/mean", "rel.sd",
                "bound", "join", "1/(N+1)", "ratio", "leave", "1/N", "ratio");
        boolean allWithin = true;
        for (String algorithm : chosen) {
            RingStudy study = new RingStudy(algorithm, tokens, targets, seed);
            for (int n : nodes) {
                RingStudyResult r = study.run(n, seed);
                allWithin &= HashingAlgorithm.of(algorithm) != HashingAlgorithm.ALLOY_RING || r.movementWithinBounds();
                out.printf("%-13s %6d %10.3f %9.4f %9.3f %10.5f %10.5f %7.3f %10s %10s %7s%n", algorithm, n,
                        r.peakToMean(), r.relativeSd(), r.peakBound(), r.joinMoved(), r.joinIdeal(),
                        r.joinMoved() / r.joinIdeal(),
                        Double.isNaN(r.leaveMoved()) ? "-" : String.format("%.5f", r.leaveMoved()),
                        Double.isNaN(r.leaveMoved()) ? "-" : String.format("%.5f", r.leaveIdeal()),
                        Double.isNaN(r.leaveMoved()) ? "-" : String.format("%.3f", r.leaveMoved() / r.leaveIdeal()));
            }
        }
        if (!allWithin) {
            out.println("\nalloy-ring movement fell outside the statistical band: see the ratio columns");
        }
        return 0;
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new RingStudyCommand(System.out)).execute(args));
    }
}
