package io.fleetlab.simulator.sweep;

import io.fleetlab.simulator.report.CsvWriter;
import io.fleetlab.simulator.report.RunFigures;
import io.fleetlab.simulator.result.ResultFiles;
import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.simulator.run.Simulation;
import io.fleetlab.simulator.scenario.ScenarioConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Runs one scenario over many seeds, one run per thread (runs share nothing, so each stays
 * deterministic), writes every result file and reports each figure's mean, sd and 95% CI.
 */
public final class SweepRunner {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean progress;

    public SweepRunner(PrintStream out, PrintStream err, boolean progress) {
        this.out = out;
        this.err = err;
        this.progress = progress;
    }

    public List<SimulationResult> run(ScenarioConfig cfg, List<Long> seeds, int threads, Path outDir,
            boolean algorithmInName, boolean csv) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        List<SimulationResult> results = new ArrayList<>();
        ProgressBar bar = progress ? new ProgressBarBuilder().setTaskName(cfg.name() + " sweep")
                .setInitialMax(seeds.size()).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(err)).build() : null;
        try {
            List<Future<SimulationResult>> futures = new ArrayList<>();
            for (long seed : seeds) {
                futures.add(pool.submit(() -> {
                    SimulationResult r = new Simulation(cfg, seed).run(t -> {});
                    if (bar != null) {
                        synchronized (bar) {
                            bar.step();
                        }
                    }
                    return r;
                }));
            }
            for (Future<SimulationResult> f : futures) {
                results.add(f.get());
            }
        } finally {
            pool.shutdown();
            if (bar != null) {
                bar.close();
            }
        }
        List<Map<String, Double>> figures = new ArrayList<>();
        for (SimulationResult r : results) {
            String base = algorithmInName ? cfg.name() + "-" + r.algorithm() + "-" + r.seed() : cfg.name() + "-" + r.seed();
            ResultFiles.write(r, outDir.resolve(base + ".json"));
            if (csv) {
                CsvWriter.write(r, outDir, base);
            }
            figures.add(RunFigures.of(r));
        }
        out.printf(Locale.ROOT, "== %s  %s  %d seeds (%d..%d)  results in %s%n", cfg.name(), cfg.algorithms().get(0),
                seeds.size(), seeds.get(0), seeds.get(seeds.size() - 1), outDir);
        out.printf(Locale.ROOT, "  %-28s %12s %12s %25s%n", "figure", "mean", "sd", "95% CI");
        SweepStatistics.summarize(figures).forEach((k, s) -> out.printf(Locale.ROOT, "  %-28s %12.4f %12.4f   [%10.4f, %10.4f]%n",
                k, s.mean(), s.sd(), s.low(), s.high()));
        return results;
    }
}
