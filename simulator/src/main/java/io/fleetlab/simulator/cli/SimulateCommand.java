package io.fleetlab.simulator.cli;

import io.fleetlab.simulator.report.CsvExport;
import io.fleetlab.simulator.report.TextReport;
import io.fleetlab.simulator.result.ResultFiles;
import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.simulator.run.ScenarioRun;
import io.fleetlab.simulator.scenario.Scenario;
import io.fleetlab.simulator.scenario.ScenarioException;
import io.fleetlab.simulator.scenario.ScenarioLoader;
import io.fleetlab.simulator.scenario.ScenarioVariants;
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

    @Option(names = "--vary", paramLabel = "FIELD=V1,V2,...",
            description = "Run once per value of a scenario field, e.g. network.loss=0,0.1,0.3 or hashing.tokensPerNode=64,512 (a parameter sweep).")
    String vary;

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
        List<ScenarioVariants.Variant> variants;
        try {
            variants = vary == null ? List.of(new ScenarioVariants.Variant("", ScenarioLoader.load(file)))
                    : ScenarioVariants.of(file, vary);
        } catch (ScenarioException | IllegalArgumentException e) {
            stderr.println(e.getMessage());
            return 2;
        }
        if (algorithm != null && !io.fleetlab.core.ring.Sharders.algorithms().contains(algorithm)) {
            stderr.println("fleetlab-sim: unknown --algorithm '" + algorithm + "'; expected one of "
                    + io.fleetlab.core.ring.Sharders.algorithms());
            return 2;
        }
        long first = seed != null ? seed : variants.get(0).scenario().seed();
        List<Sweep.Job> jobs = new ArrayList<>();
        for (ScenarioVariants.Variant v : variants) {
            for (String a : algorithms(v.scenario())) {
                long from = seed != null ? seed : v.scenario().seed();
                for (int k = 0; k < seeds; k++) {
                    jobs.add(new Sweep.Job(v.label(), v.scenario(), a, from + k));
                }
            }
        }
        Files.createDirectories(out);
        if (jobs.size() == 1) {
            return single(jobs.get(0));
        }
        return sweep(variants.get(0).scenario().name(), jobs, first);
    }

    /** The scenario's algorithm and those it lists to compare, or only the one --algorithm names. */
    private List<String> algorithms(Scenario s) {
        if (algorithm != null) {
            return List.of(algorithm);
        }
        List<String> algorithms = new ArrayList<>();
        algorithms.add(s.hashing().algorithm());
        for (String a : s.hashing().compare()) {
            if (!algorithms.contains(a)) {
                algorithms.add(a);
            }
        }
        return algorithms;
    }

    private int single(Sweep.Job job) throws IOException {
        Scenario s = job.scenario();
        String alg = job.algorithm();
        long runSeed = job.seed();
        long started = System.nanoTime(); // wall time is reported only, never used inside the run
        SimulationResult r;
        ScenarioRun run = new ScenarioRun(s, alg, runSeed);
        if (quiet) {
            r = run.run((done, total) -> { });
        } else {
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName(s.name()).setUnit(" sim-s", 1)
                    .setInitialMax(Math.round(s.duration().toSeconds())).setConsumer(new ConsoleProgressBarConsumer(stderr))
                    .setUpdateIntervalMillis(250).build()) {
                r = run.run((done, total) -> bar.stepTo(Math.round(done)));
            }
        }
        double wall = (System.nanoTime() - started) / 1e9;
        Path file = write(r, job.variant());
        if (!job.variant().isEmpty()) {
            stdout.println("With " + job.variant());
        }
        stdout.print(TextReport.render(r, wall));
        stdout.print(TextReport.transport(s.network().transport(), run.transportCounters()));
        stdout.println("\nResult file: " + file);
        return 0;
    }

    private Path write(SimulationResult r, String variant) throws IOException {
        String base = r.scenario() + "-" + r.algorithm() + "-" + r.seed()
                + (variant.isEmpty() ? "" : "-" + variant.replaceAll("[^A-Za-z0-9._=-]", "_"));
        Path file = out.resolve(base + ".json");
        ResultFiles.write(r, file);
        if (csv) {
            CsvExport.write(r, out.resolve(base));
        }
        return file;
    }

    private int sweep(String name, List<Sweep.Job> jobs, long first) throws Exception {
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        long groups = jobs.stream().map(Sweep.Job::group).distinct().count();
        stdout.printf(Locale.ROOT, "Sweep of %s: %d variant(s) x %d seed(s) = %d runs on %d threads%n", name,
                groups, seeds, jobs.size(), threadCount);
        Map<Sweep.Job, Double> wall = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        List<SimulationResult> results;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("runs").setInitialMax(jobs.size())
                .setConsumer(new ConsoleProgressBarConsumer(stderr)).build()) {
            results = Sweep.run(jobs, threadCount, (job, r) -> {
                wall.put(job, (System.nanoTime() - started) / 1e9);
                try {
                    write(r, job.variant());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                bar.step();
            });
        }
        Map<String, List<RunSummary>> byGroup = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            byGroup.computeIfAbsent(jobs.get(i).group(), k -> new ArrayList<>())
                    .add(RunSummary.of(results.get(i), wall.getOrDefault(jobs.get(i), Double.NaN)));
        }
        int width = Math.max(13, byGroup.keySet().stream().mapToInt(String::length).max().orElse(0));
        String row = "%-" + width + "s %-34s %-34s %-34s %-34s %-34s %-34s %-34s%n";
        stdout.println("\nmean ± sd [95% CI of the mean] over seeds " + first + ".." + (first + seeds - 1));
        stdout.printf(Locale.ROOT, row, "run", "moved/ideal", "peak/mean load",
                "unowned target-s", "double-owned target-s", "join p90 (s)", "leave p90 (s)", "crash p90 (s)");
        for (Map.Entry<String, List<RunSummary>> e : byGroup.entrySet()) {
            List<RunSummary> runs = e.getValue();
            stdout.printf(Locale.ROOT, row, e.getKey(),
                    SweepStatistics.of(runs.stream().mapToDouble(RunSummary::movedRatio).toArray()),
                    SweepStatistics.of(runs.stream().mapToDouble(RunSummary::peakToMean).toArray()),
                    SweepStatistics.of(runs.stream().mapToDouble(RunSummary::unownedTargetSeconds).toArray()),
                    SweepStatistics.of(runs.stream().mapToDouble(RunSummary::doubleOwnedTargetSeconds).toArray()),
                    SweepStatistics.of(runs.stream().mapToDouble(RunSummary::joinConvergenceP90).toArray()),
                    SweepStatistics.of(runs.stream().mapToDouble(RunSummary::leaveConvergenceP90).toArray()),
                    SweepStatistics.of(runs.stream().mapToDouble(RunSummary::crashConvergenceP90).toArray()));
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
