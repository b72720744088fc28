package io.fleetlab.simulator.sweep;

import io.fleetlab.simulator.network.MessagePath;
import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.simulator.run.ProgressListener;
import io.fleetlab.simulator.run.ScenarioRun;
import io.fleetlab.simulator.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

/**
 * Runs independent simulations on a thread pool: one run per task, nothing shared between runs,
 * so parallelism never touches a run's determinism. Results come back in submission order.
 */
public final class Sweep {
    /**
     * One run to do.
     *
     * @param variant  the parameter value this run stands for ({@code network.loss=0.3}), or empty
     * @param scenario the scenario with that value
     */
    public record Job(String variant, Scenario scenario, String algorithm, long seed) {
        /** How the run is named in reports: the variant, then the algorithm. */
        public String group() {
            return variant.isEmpty() ? algorithm : variant + " " + algorithm;
        }
    }

    private Sweep() {}

    /** {@code path}: how messages pass between each run's nodes (the same results either way). */
    public static List<SimulationResult> run(List<Job> jobs, int threads, MessagePath path,
            BiConsumer<Job, SimulationResult> onDone) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<SimulationResult>> futures = new ArrayList<>();
            for (Job job : jobs) {
                futures.add(pool.submit(() -> {
                    SimulationResult r = new ScenarioRun(job.scenario(), job.algorithm(), job.seed(),
                            ScenarioRun.defaultSource(job.algorithm()), path).run(ProgressListener.NONE);
                    onDone.accept(job, r);
                    return r;
                }));
            }
            List<SimulationResult> results = new ArrayList<>();
            for (Future<SimulationResult> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a run failed: " + e.getCause(), e.getCause());
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
