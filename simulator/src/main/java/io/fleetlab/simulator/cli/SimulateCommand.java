package io.fleetlab.simulator.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fleetlab.core.ring.HashingAlgorithm;
import io.fleetlab.simulator.report.CsvExport;
import io.fleetlab.simulator.report.SweepFiles;
import io.fleetlab.simulator.report.SweepTable;
import io.fleetlab.simulator.report.TextReport;
import io.fleetlab.simulator.report.ToolVersion;
import io.fleetlab.simulator.result.ResultFileNames;
import io.fleetlab.simulator.result.ResultFiles;
import io.fleetlab.simulator.result.RunContext;
import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.simulator.network.MessagePath;
import io.fleetlab.simulator.run.ScenarioRun;
import io.fleetlab.simulator.scenario.Scenario;
import io.fleetlab.simulator.scenario.ScenarioException;
import io.fleetlab.simulator.scenario.ScenarioLimits;
import io.fleetlab.simulator.scenario.ScenarioLoader;
import io.fleetlab.simulator.scenario.ScenarioVariants;
import io.fleetlab.simulator.sweep.RunSummary;
import io.fleetlab.simulator.sweep.Sweep;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;
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

    @Option(names = "--messages", defaultValue = "decoded", converter = MessagePathConverter.class,
            description = "How messages pass between simulated nodes: decoded (with the exact size of their encoding) or bytes "
                    + "(encoded and decoded as on a real network); both give the same result (default: ${DEFAULT-VALUE}).")
    MessagePath messages;

    @Option(names = "--quiet", description = "No progress bar (there is none anyway when standard output is not a terminal).")
    boolean quiet;

    @Spec
    CommandSpec spec;

    private final PrintStream stdout;
    private final PrintStream stderr;
    private final boolean terminal;
    /** The scenario file being run, as resolved; every result names it. */
    private Path scenarioFile;

    public SimulateCommand(PrintStream stdout, PrintStream stderr) {
        this(stdout, stderr, System.console() != null);
    }

    /**
     * @param terminal whether standard output is a terminal: only then is there a progress bar, so
     *                 pipes and CI logs never receive its ANSI frames
     */
    public SimulateCommand(PrintStream stdout, PrintStream stderr, boolean terminal) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.terminal = terminal;
    }

    @Override
    public Integer call() throws Exception {
        if (scenario == null) {
            stderr.println("fleetlab-sim: name a scenario, e.g. scale-out.json; available in " + scenarioDir + ": " + available());
            return 2;
        }
        List<String> problems = new ArrayList<>();
        if (seeds < 1) {
            problems.add("--seeds must be at least 1, got " + seeds);
        }
        if (threads != null && threads < 1) {
            problems.add("--threads must be at least 1, got " + threads);
        }
        if (seed != null && seeds > 1 && seed > Long.MAX_VALUE - (seeds - 1)) {
            problems.add("--seed " + seed + " with --seeds " + seeds + " runs past the largest seed "
                    + Long.MAX_VALUE + "; start at most at " + (Long.MAX_VALUE - (seeds - 1)));
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            problems.add("--out " + out + " is a file; expected a directory for the result files");
        }
        Path file = Path.of(scenario);
        if (!Files.exists(file)) {
            file = scenarioDir.resolve(scenario);
        }
        String home = System.getProperty("fleetlab.home");
        if (!Files.exists(file) && home != null && !scenarioDir.isAbsolute() && !Path.of(scenario).isAbsolute()) {
            // bin/fleetlab run from another directory: the clone's own scenarios.
            file = Path.of(home).resolve(scenarioDir).resolve(scenario);
        }
        if (!Files.exists(file)) {
            problems.add("no scenario file " + scenario + " (looked in " + scenarioDir.toAbsolutePath()
                    + "); available: " + available());
        } else if (Files.isDirectory(file)) {
            problems.add(file + " is a directory; expected a scenario file such as scale-out.json");
        } else if (!Files.isReadable(file)) {
            problems.add(file + " cannot be read");
        }
        if (!problems.isEmpty()) {
            for (String p : problems) {
                stderr.println("fleetlab-sim: " + p);
            }
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
        if (algorithm != null && !HashingAlgorithm.ids().contains(algorithm)) {
            stderr.println("fleetlab-sim: unknown --algorithm '" + algorithm + "'; expected one of "
                    + HashingAlgorithm.ids());
            return 2;
        }
        long first = seed != null ? seed : variants.get(0).scenario().seed();
        List<Sweep.Job> jobs = new ArrayList<>();
        for (ScenarioVariants.Variant v : variants) {
            for (String a : algorithms(v.scenario())) {
                long from = seed != null ? seed : v.scenario().seed();
                if (from > Long.MAX_VALUE - (seeds - 1)) {
                    stderr.println("fleetlab-sim: the scenario's seed " + from + " with --seeds " + seeds
                            + " runs past the largest seed " + Long.MAX_VALUE);
                    return 2;
                }
                for (int k = 0; k < seeds; k++) {
                    jobs.add(new Sweep.Job(v.label(), v.scenario(), a, from + k));
                }
            }
        }
        int parallel = jobs.size() == 1 ? 1 : Math.min(jobs.size(),
                threads != null ? threads : Runtime.getRuntime().availableProcessors());
        for (ScenarioVariants.Variant v : variants) {
            // before anything runs: a run that cannot fit in this JVM's heap is refused, naming the heap it needs
            String tooBig = ScenarioLimits.heapProblem(v.scenario(), parallel, Runtime.getRuntime().maxMemory());
            if (tooBig != null) {
                stderr.println("fleetlab-sim: " + (v.label().isEmpty() ? "" : v.label() + ": ") + tooBig);
                return 2;
            }
        }
        Files.createDirectories(out);
        scenarioFile = file;
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
        ScenarioRun run = new ScenarioRun(s, alg, runSeed, ScenarioRun.defaultSource(alg), messages);
        if (quiet || !terminal) {
            r = run.run((done, total) -> { });
        } else {
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName(s.name()).setUnit(" sim-s", 1)
                    .setInitialMax(Math.round(s.duration().toSeconds())).setConsumer(new ConsoleProgressBarConsumer(stderr))
                    .setUpdateIntervalMillis(250).build()) {
                r = run.run((done, total) -> bar.stepTo(Math.round(done)));
            }
        }
        double wall = (System.nanoTime() - started) / 1e9;
        List<Path> files = write(r, job);
        if (!job.variant().isEmpty()) {
            stdout.println("With " + job.variant());
        }
        stdout.print(TextReport.render(r, wall));
        stdout.print(TextReport.transport(s.network().transport(), run.transportCounters()));
        stdout.println("\nFiles written:");
        stdout.println("  result (JSON, for the viewer and scripts; with version, options and the resolved scenario): " + files.get(0));
        for (Path p : files.subList(1, files.size())) {
            stdout.println("  time series (CSV): " + p);
        }
        return 0;
    }

    /** Writes the result file (and the CSV files with --csv); the result file comes first. */
    private List<Path> write(SimulationResult r, Sweep.Job job) throws IOException {
        String variant = job.variant();
        // the scenario name and the variant come from input files: the name is sanitised and capped
        String base = r.scenario() + "-" + r.algorithm() + "-" + r.seed() + (variant.isEmpty() ? "" : "-" + variant);
        Path file = ResultFileNames.in(out, base, ".json");
        SimulationResult withContext = r.withContext(context(job));
        ResultFiles.write(withContext, file);
        List<Path> files = new ArrayList<>(List.of(file));
        if (csv) {
            files.addAll(CsvExport.write(withContext, ResultFileNames.in(out, base, "")));
        }
        return files;
    }

    /** The version, command line, options, varied value and resolved scenario of one run. */
    RunContext context(Sweep.Job job) {
        ObjectNode scenarioTree = (ObjectNode) ScenarioLoader.toTree(job.scenario());
        // The scenario as run: --seed and --algorithm override the file's.
        scenarioTree.put("seed", job.seed());
        if (scenarioTree.get("hashing") instanceof ObjectNode hashing) {
            hashing.put("algorithm", job.algorithm());
        }
        Map<String, String> variant = new TreeMap<>();
        int eq = job.variant().indexOf('=');
        if (eq > 0) {
            variant.put(job.variant().substring(0, eq), job.variant().substring(eq + 1));
        }
        return new RunContext(ToolVersion.get(), commandLine(), options(), variant, String.valueOf(scenarioFile), scenarioTree);
    }

    private RunContext sweepContext(List<Sweep.Job> jobs) {
        return new RunContext(ToolVersion.get(), commandLine(), options(), Map.of(), String.valueOf(scenarioFile),
                ScenarioLoader.toTree(jobs.get(0).scenario()));
    }

    private List<String> commandLine() {
        return spec == null || spec.commandLine().getParseResult() == null ? List.of()
                : List.copyOf(spec.commandLine().getParseResult().originalArgs());
    }

    /** Every option's effective value, defaults included (null when unset and without a default). */
    private Map<String, String> options() {
        Map<String, String> options = new TreeMap<>();
        if (spec != null) {
            for (OptionSpec o : spec.options()) {
                if (o.usageHelp() || o.versionHelp()) {
                    continue;
                }
                Object v = o.getValue();
                options.put(o.longestName(), v == null ? null : String.valueOf(v));
            }
        }
        return options;
    }

    private int sweep(String name, List<Sweep.Job> jobs, long first) throws Exception {
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        long groups = jobs.stream().map(Sweep.Job::group).distinct().count();
        stdout.printf(Locale.ROOT, "Sweep of %s: %d variant(s) x %d seed(s) = %d runs on %d threads%n", name,
                groups, seeds, jobs.size(), threadCount);
        long started = System.nanoTime();
        Map<Sweep.Job, Path> resultFiles = new ConcurrentHashMap<>();
        List<SimulationResult> results;
        java.util.function.BiConsumer<Sweep.Job, SimulationResult> onDone = (job, r) -> {
            try {
                resultFiles.put(job, write(r, job).get(0));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        if (quiet || !terminal) {
            results = Sweep.run(jobs, threadCount, messages, onDone);
        } else {
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("runs").setInitialMax(jobs.size())
                    .setConsumer(new ConsoleProgressBarConsumer(stderr)).build()) {
                results = Sweep.run(jobs, threadCount, messages, (job, r) -> {
                    onDone.accept(job, r);
                    bar.step();
                });
            }
        }
        Map<String, List<RunSummary>> byGroup = new LinkedHashMap<>();
        Map<String, SweepFiles.Group> saved = new LinkedHashMap<>();
        for (int i = 0; i < results.size(); i++) {
            Sweep.Job job = jobs.get(i);
            RunSummary summary = RunSummary.of(results.get(i));
            byGroup.computeIfAbsent(job.group(), k -> new ArrayList<>()).add(summary);
            SweepFiles.Group g = saved.computeIfAbsent(job.group(),
                    k -> new SweepFiles.Group(job.variant(), job.algorithm(), new ArrayList<>(), new ArrayList<>()));
            g.runs().add(summary);
            g.resultFiles().add(String.valueOf(resultFiles.get(job)));
        }
        stdout.println("\nMean and half-width of the 95% confidence interval of the mean over seeds " + first + ".."
                + (first + seeds - 1) + "; target-seconds count from");
        stdout.println("the first action on; n/a: the runs have no such event (no crash, no change) or too few seeds.");
        stdout.print(SweepTable.render(byGroup));
        String base = name + "-sweep" + (vary == null ? "" : "-" + vary.substring(0, Math.max(0, vary.indexOf('='))))
                + "-seeds" + first + "-" + (first + seeds - 1);
        List<Path> summaries = SweepFiles.write(out.resolve(base.replaceAll("[^A-Za-z0-9._=-]", "_")), sweepContext(jobs),
                List.copyOf(saved.values()));
        stdout.println("\nFiles written:");
        stdout.printf(Locale.ROOT, "  %d result files (JSON, one per run, each with its context) in %s%n",
                resultFiles.size(), out);
        stdout.println("  sweep summary (JSON: context, statistics per group, every run): " + summaries.get(0));
        stdout.println("  sweep summary (CSV, one row per group): " + summaries.get(1));
        stdout.println("  sweep runs (CSV, one row per run): " + summaries.get(2));
        stdout.printf(Locale.ROOT, "Total wall time %.1f s%n", (System.nanoTime() - started) / 1e9);
        return 0;
    }

    /** {@code --messages}: one of {@link MessagePath#NAMES}, with a clear refusal otherwise. */
    static final class MessagePathConverter implements picocli.CommandLine.ITypeConverter<MessagePath> {
        @Override
        public MessagePath convert(String value) {
            for (MessagePath p : MessagePath.values()) {
                if (p.id().equals(value)) {
                    return p;
                }
            }
            throw new picocli.CommandLine.TypeConversionException(
                    "expected one of " + MessagePath.NAMES + ", got '" + value + "'");
        }
    }

    private String available() {
        try (var files = Files.list(scenarioDir)) {
            return String.join(", ", files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList());
        } catch (IOException e) {
            return "(none: " + scenarioDir + " cannot be listed)";
        }
    }
}
