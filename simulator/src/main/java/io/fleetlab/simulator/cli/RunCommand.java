package io.fleetlab.simulator.cli;

import io.fleetlab.simulator.report.CsvWriter;
import io.fleetlab.simulator.report.RunFigures;
import io.fleetlab.simulator.report.TerminalSummary;
import io.fleetlab.simulator.result.ResultFiles;
import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.simulator.run.Simulation;
import io.fleetlab.simulator.scenario.ScenarioConfig;
import io.fleetlab.simulator.scenario.ScenarioException;
import io.fleetlab.simulator.scenario.ScenarioLoader;
import io.fleetlab.simulator.sweep.SweepRunner;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs one scenario: each algorithm it names, for each seed; writes result files and prints a summary. */
@Command(name = "fleetlab-sim", mixinStandardHelpOptions = true,
        description = "Runs a fleetlab scenario in the deterministic simulator.")
public final class RunCommand implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "scenario name (file <scenario-dir>/<name>.json) or path to a .json file")
    String scenario;

    @Option(names = "--scenario-dir", defaultValue = "scenarios", description = "where scenario files live (default: ${DEFAULT-VALUE})")
    Path scenarioDir;

    @Option(names = "--seed", description = "run this seed instead of the scenario's")
    Long seed;

    @Option(names = "--out", defaultValue = "results", description = "directory for result files (default: ${DEFAULT-VALUE})")
    Path out_;

    @Option(names = "--csv", description = "also write the agreement series and redistribution as CSV")
    boolean csv;

    @Option(names = "--sweep-seeds", description = "run N seeds (seed, seed+1, ...) and report mean, sd and 95% CI")
    Integer sweepSeeds;

    @Option(names = "--threads", description = "parallel runs in a sweep (default: available processors)")
    Integer threads;

    @Option(names = "--no-progress", description = "no progress bar on stderr")
    boolean noProgress;

    public RunCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        ScenarioConfig cfg;
        try {
            cfg = ScenarioLoader.load(scenarioDir, scenario);
        } catch (ScenarioException e) {
            err.println("error: " + e.getMessage());
            return 2;
        }
        List<Long> seeds = new ArrayList<>();
        long base = seed != null ? seed : cfg.seeds().get(0);
        if (sweepSeeds != null) {
            for (int i = 0; i < sweepSeeds; i++) {
                seeds.add(base + i);
            }
        } else if (seed != null) {
            seeds.add(seed);
        } else {
            seeds.addAll(cfg.seeds());
        }
        boolean multiAlgorithm = cfg.algorithms().size() > 1;
        if (sweepSeeds != null) {
            int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            for (String alg : cfg.algorithms()) {
                new SweepRunner(out, err, !noProgress).run(cfg.withAlgorithm(alg), seeds, n, out_, multiAlgorithm, csv);
            }
            return 0;
        }
        List<String[]> table = new ArrayList<>();
        for (String alg : cfg.algorithms()) {
            for (long s : seeds) {
                ScenarioConfig one = cfg.withAlgorithm(alg);
                long started = System.nanoTime(); // wall time for the report only; never enters the run
                SimulationResult r = runWithProgress(one, s);
                double wall = (System.nanoTime() - started) / 1e9;
                String base_ = fileBase(cfg.name(), alg, s, multiAlgorithm);
                Path file = out_.resolve(base_ + ".json");
                ResultFiles.write(r, file);
                if (csv) {
                    CsvWriter.write(r, out_, base_);
                }
                TerminalSummary.print(r, wall, out);
                out.println("  result: " + file);
                if (multiAlgorithm) {
                    var f = RunFigures.of(r);
                    table.add(new String[] {alg, fmt(f.get("moved/ideal (mean)")), fmt(f.get("peak-to-mean load")),
                        fmt(f.get("unowned target-s")), fmt(f.get("double-owned target-s")), String.format("%.1f", wall)});
                }
            }
        }
        if (!table.isEmpty()) {
            out.println("== algorithms compared");
            out.printf("  %-14s %12s %12s %14s %14s %8s%n", "algorithm", "moved/ideal", "peak/mean", "unowned t-s",
                    "double t-s", "wall s");
            for (String[] row : table) {
                out.printf("  %-14s %12s %12s %14s %14s %8s%n", (Object[]) row);
            }
        }
        return 0;
    }

    private static String fmt(Double v) {
        return v == null ? "-" : String.format(java.util.Locale.ROOT, "%.3f", v);
    }

    static String fileBase(String scenario, String algorithm, long seed, boolean multiAlgorithm) {
        return multiAlgorithm ? scenario + "-" + algorithm + "-" + seed : scenario + "-" + seed;
    }

    private SimulationResult runWithProgress(ScenarioConfig cfg, long s) {
        Simulation sim = new Simulation(cfg, s);
        long totalSeconds = (cfg.warmupNanos() + cfg.durationNanos()) / 1_000_000_000L;
        if (noProgress) {
            return sim.run(t -> {});
        }
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName(cfg.name() + " " + s).setInitialMax(totalSeconds)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(err))
                .setUnit(" sim-s", 1).build()) {
            return sim.run(t -> bar.stepTo(t / 1_000_000_000L));
        }
    }
}
