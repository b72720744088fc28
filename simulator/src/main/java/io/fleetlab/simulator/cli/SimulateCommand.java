package io.fleetlab.simulator.cli;

import io.fleetlab.simulator.report.CsvExport;
import io.fleetlab.simulator.report.TextReport;
import io.fleetlab.simulator.result.ResultFiles;
import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.simulator.run.ScenarioRun;
import io.fleetlab.simulator.scenario.Scenario;
import io.fleetlab.simulator.scenario.ScenarioException;
import io.fleetlab.simulator.scenario.ScenarioLoader;
import io.fleetlab.simulator.sweep.RunSummary;
import io.fleetlab.simulator.sweep.Sweep;
import io.fleetlab.simulator.sweep.SweepStatistics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs a scenario file: one run, or a sweep over seeds and algorithms. */
@Command(name = "fleetlab-sim", mixinStandardHelpOptions = true, version = "fleetlab 0.1.0",
        description = "Replays a join/leave/fault scenario on the real clustering core and measures it against the ideal.",
        footer = "%nAlso: ring-study [--nodes 10,100,1000] [--algorithm all] (balance and movement without gossip).")
public final class SimulateCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
            description = "Scenario file: a name in --scenario-dir (e.g. scale-out.json) or a path.")
    String scenario;

    @Option(names = "--scenario-dir", defaultValue = "scenarios", description = "Where scenario names are looked up (default: ${DEFAULT-VALUE}).")
    Path scenarioDir;

    @Option(names = "--out", defaultValue = "results", description = "Directory for result files (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seed", description = "Seed of the first run (default: the scenario's).")
    Long seed;

    @Option(names = "--seeds", defaultValue = "1", description = "Number of seeds to run, from the first (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--algorithm", description = "Hashing algorithm instead of the scenario's.")
    String algorithm;

    @Option(names = "--threads", description = "Parallel runs in a sweep (default: the number of cores).")
    Integer threads;

    @Option(names = "--csv", description = "Also write the time series as CSV next to the result file.")
    boolean csv;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    private final PrintStream stdout;
    private final PrintStream stderr;

    public SimulateCommand(PrintStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public Integer call() throws Exception {
        if (scenario == null) {
            stderr.println("fleetlab-sim: name a scenario, e.g. scale-out.json; available in " + scenarioDir + ": " + available());
            return 2;
        }
        if (seeds < 1) {
            stderr.println("fleetlab-sim: --seeds must be at least 1, got " + seeds);
            return 2;
        }
        Path file = Path.of(scenario);
        if (!Files.exists(file)) {
            file = scenarioDir.resolve(scenario);
        }
        if (!Files.exists(file)) {
            stderr.println("fleetlab-sim: no scenario file " + scenario + " (looked in " + scenarioDir.toAbsolutePath()
                    + "); available: " + available());
            return 2;
        }
        Scenario s;
        try {
            s = ScenarioLoader.load(file);
        } catch (ScenarioException e) {
            stderr.println(e.getMessage());
            return 2;
        }
        List<String> algorithms = new ArrayList<>();
        algorithms.add(algorithm != null ? algorithm : s.hashing().algorithm());
        if (algorithm == null) { // a scenario that lists algorithms to compare runs them all
            for (String a : s.hashing().compare()) {
                if (!algorithms.contains(a)) {
                    algorithms.add(a);
                }
            }
        }
        if (algorithm != null && !io.fleetlab.core.ring.Sharders.algorithms().contains(algorithm)) {
            stderr.println("fleetlab-sim: unknown --algorithm '" + algorithm + "'; expected one of "
                    + io.fleetlab.core.ring.Sharders.algorithms());
            return 2;
        }
        long first = seed != null ? seed : s.seed();
        Files.createDirectories(out);
        if (algorithms.size() == 1 && seeds == 1) {
            return single(s, algorithms.get(0), first);
        }
        return sweep(s, algorithms, first);
    }

    private int single(Scenario s, String alg, long runSeed) throws IOException {
        long started = System.nanoTime(); // wall time is reported only, never used inside the run
        SimulationResult r;
        if (quiet) {
            r = new ScenarioRun(s, alg, runSeed).run((done, total) -> { });
        } else {
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName(s.name()).setUnit(" sim-s", 1)
                    .setInitialMax(Math.round(s.duration().toSeconds())).setConsumer(new ConsoleProgressBarConsumer(stderr))
                    .setUpdateIntervalMillis(250).build()) {
                r = new ScenarioRun(s, alg, runSeed).run((done, total) -> bar.stepTo(Math.round(done)));
            }
        }
        double wall = (System.nanoTime() - started) / 1e9;
        Path file = write(r);
        stdout.print(TextReport.render(r, wall));
        stdout.println("\nResult file: " + file);
        return 0;
    }

    private Path write(SimulationResult r) throws IOException {
        String base = r.scenario() + "-" + r.algorithm() + "-" + r.seed();
        Path file = out.resolve(base + ".json");
        ResultFiles.write(r, file);
        if (csv) {
            CsvExport.write(r, out.resolve(base));
        }
        return file;
    }

    private int sweep(Scenario s, List<String> algorithms, long first) throws Exception {
        List<Sweep.Job> jobs = new ArrayList<>();
        for (String a : algorithms) {
            for (int k = 0; k < seeds; k++) {
                jobs.add(new Sweep.Job(a, first + k));
            }
        }
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        stdout.printf(Locale.ROOT, "Sweep of %s: %d algorithm(s) x %d seed(s) = %d runs on %d threads%n", s.name(),
                algorithms.size(), seeds, jobs.size(), threadCount);
        Map<Sweep.Job, Double> wall = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        List<SimulationResult> results;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("runs").setInitialMax(jobs.size())
                .setConsumer(new ConsoleProgressBarConsumer(stderr)).build()) {
            Map<Sweep.Job, Long> begun = new ConcurrentHashMap<>();
            results = Sweep.run(s, jobs, threadCount, (job, r) -> {
                wall.put(job, (System.nanoTime() - started) / 1e9);
                try {
                    write(r);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                bar.step();
            });
            begun.clear();
        }
        Map<String, List<RunSummary>> byAlgorithm = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            byAlgorithm.computeIfAbsent(jobs.get(i).algorithm(), k -> new ArrayList<>())
                    .add(RunSummary.of(results.get(i), wall.getOrDefault(jobs.get(i), Double.NaN)));
        }
        stdout.println("\nmean ± sd [95% CI of the mean] over seeds " + first + ".." + (first + seeds - 1));
        stdout.printf(Locale.ROOT, "%-13s %-34s %-34s %-34s %-34s %-34s%n", "algorithm", "moved/ideal", "peak/mean load",
                "unowned target-s", "double-owned target-s", "convergence p90 (s)");
        for (Map.Entry<String, List<RunSummary>> e : byAlgorithm.entrySet()) {
            List<RunSummary> runs = e.getValue();
            stdout.printf(Locale.ROOT, "%-13s %-34s %-34s %-34s %-34s %-34s%n", e.getKey(),
                    SweepStatistics.of(runs.stream().mapToDouble(RunSummary::movedRatio).toArray()),
                    SweepStatistics.of(runs.stream().mapToDouble(RunSummary::peakToMean).toArray()),
                    SweepStatistics.of(runs.stream().mapToDouble(RunSummary::unownedTargetSeconds).toArray()),
                    SweepStatistics.of(runs.stream().mapToDouble(RunSummary::doubleOwnedTargetSeconds).toArray()),
                    SweepStatistics.of(runs.stream().mapToDouble(RunSummary::convergenceP90).toArray()));
        }
        stdout.printf(Locale.ROOT, "%nResult files in %s; total wall time %.1f s%n", out, (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private String available() {
        try (var files = Files.list(scenarioDir)) {
            return String.join(", ", files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList());
        } catch (IOException e) {
            return "(none: " + scenarioDir + " cannot be listed)";
        }
    }
}
