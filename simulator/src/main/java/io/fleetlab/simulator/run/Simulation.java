package io.fleetlab.simulator.run;

import io.fleetlab.core.rebalance.ClusteringOptions;
import io.fleetlab.core.ring.Op;
import io.fleetlab.simulator.engine.EventLoop;
import io.fleetlab.simulator.engine.RunRandom;
import io.fleetlab.simulator.fault.FaultInjector;
import io.fleetlab.simulator.metrics.ConvergenceTracker;
import io.fleetlab.simulator.metrics.OwnershipLedger;
import io.fleetlab.simulator.metrics.RunRecorder;
import io.fleetlab.simulator.network.LatencyModel;
import io.fleetlab.simulator.network.SimNetwork;
import io.fleetlab.simulator.node.NodeRegistry;
import io.fleetlab.simulator.node.OwnershipCache;
import io.fleetlab.simulator.node.SimNode;
import io.fleetlab.simulator.result.AgreementSample;
import io.fleetlab.simulator.result.AgreementTotals;
import io.fleetlab.simulator.result.LoadSummary;
import io.fleetlab.simulator.result.MembershipStats;
import io.fleetlab.simulator.result.SimulationResult;
import io.fleetlab.simulator.scenario.ScenarioConfig;
import io.fleetlab.simulator.target.TargetPopulation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * One run of a scenario with one seed and one algorithm: builds the fleet, plays the warm-up and
 * the timeline on the virtual clock, and returns the result. Everything random comes from the
 * seed, nothing reads the wall clock and nothing runs on another thread, so the same inputs give
 * the same result, byte for byte.
 */
public final class Simulation {
    private final ScenarioConfig cfg;
    private final long seed;
    private final String algorithm;
    private final EventLoop loop = new EventLoop();
    private final List<AgreementSample> agreement = new ArrayList<>();
    private final OwnershipLedger ledger;
    private final Fleet fleet;
    private final FaultInjector faults;
    private final SimNetwork network;
    private final RunRecorder recorder;
    private final ConvergenceTracker convergence = new ConvergenceTracker();
    private final RedistributionMeter redistribution;
    private final OwnershipCache cache;
    private final TargetPopulation targets;
    private long sentAtStart;
    private long bytesAtStart;

    public Simulation(ScenarioConfig cfg, long seed) {
        this.cfg = cfg;
        this.seed = seed;
        this.algorithm = cfg.algorithms().get(0);
        RunRandom random = new RunRandom(seed);
        this.targets = TargetPopulation.generate(cfg.targetCount(), cfg.targetShape(), cfg.jobs(), cfg.extraLabels());
        NodeRegistry registry = new NodeRegistry();
        this.cache = new OwnershipCache(algorithm, cfg.tokens(), targets.keys(), registry,
                new ClusteringOptions(true, cfg.minClusterSize(), Op.READ_WRITE));
        this.ledger = new OwnershipLedger(targets.size());
        LatencyModel latency = LatencyModel.of(cfg.latencyKind(), cfg.latencyA(), cfg.latencyB(), random.split());
        this.network = new SimNetwork(loop, latency, cfg.network(), random.split());
        this.recorder = new RunRecorder(cfg.nodeName(0));
        this.redistribution = new RedistributionMeter(cache, registry, targets.size(), algorithm, cfg.tokens());
        this.fleet = new Fleet(cfg, loop, network, random, registry, cache, ledger, recorder, convergence, redistribution);
        this.faults = new FaultInjector(loop, network);
    }

    /** Runs to the end; {@code progress} hears the simulated nanoseconds done about once per simulated second. */
    public SimulationResult run(LongConsumer progress) {
        List<String> initial = new ArrayList<>();
        for (int i = 0; i < cfg.fleetSize(); i++) {
            initial.add(cfg.nodeName(i));
        }
        fleet.seedIdeal(initial);
        long stagger = cfg.gossip() ? Math.min(50_000_000L, cfg.warmupNanos() / 2 / Math.max(1, initial.size())) : 0;
        for (int i = 0; i < initial.size(); i++) {
            String name = initial.get(i);
            List<String> seeds = new ArrayList<>();
            for (int k = 0; k < Math.min(3, initial.size()); k++) {
                if (k != i) {
                    seeds.add(Fleet.addressOf(initial.get(k)));
                }
            }
            loop.at(i * stagger, () -> fleet.start(name, seeds, "join"));
        }
        long warmup = cfg.warmupNanos();
        loop.at(warmup, () -> {
            fleet.startMeasuring();
            ledger.startMeasuring(loop.now());
            sentAtStart = totalSent();
            bytesAtStart = totalBytes();
        });
        new Timeline(cfg, loop, fleet, faults, recorder).schedule();
        long end = warmup + cfg.durationNanos();
        for (long t = warmup; t <= end; t += cfg.sampleNanos()) {
            loop.at(t, this::sample);
        }
        long step = 1_000_000_000L;
        for (long t = 0; t < end; t += step) {
            loop.runUntil(Math.min(end, t + step));
            progress.accept(loop.now());
        }
        loop.runUntil(end);
        ledger.advance(end);
        return result();
    }

    private void sample() {
        int live = 0;
        for (SimNode n : fleet.upNodes()) {
            if (!n.paused()) {
                live++;
            }
        }
        agreement.add(new AgreementSample(fleet.time(), live, ledger.unowned(), ledger.doubleOwned()));
    }

    private long totalSent() {
        long s = 0;
        for (int i = 0; i < network.addressCount(); i++) {
            s += network.messagesSent(i);
        }
        return s;
    }

    private long totalBytes() {
        long s = 0;
        for (int i = 0; i < network.addressCount(); i++) {
            s += network.bytesSent(i);
        }
        return s;
    }

    private SimulationResult result() {
        AgreementTotals totals = new AgreementTotals(ledger.unownedTargetSeconds(), ledger.doubleOwnedTargetSeconds(),
                ledger.maxUnowned(), ledger.maxDoubleOwned());
        double nodeSeconds = fleet.upNodeSeconds();
        MembershipStats stats = new MembershipStats(convergence.convergence(), convergence.detections(),
                recorder.falseSuspicions(), recorder.falseDeaths(),
                nodeSeconds > 0 ? (totalSent() - sentAtStart) / nodeSeconds : 0,
                nodeSeconds > 0 ? (totalBytes() - bytesAtStart) / nodeSeconds : 0);
        return new SimulationResult(SimulationResult.SCHEMA_VERSION, cfg.name(), seed, algorithm, cfg.tokens(),
                cfg.durationNanos() / 1e9, targets.size(), fleet.everNodes(), recorder.events(), redistribution.records(),
                agreement, totals, load(), recorder.views(), recorder.peerTable(), stats);
    }

    private LoadSummary load() {
        List<LoadSummary.NodeLoad> per = new ArrayList<>();
        for (SimNode n : fleet.upNodes()) {
            if (n.scraping()) {
                per.add(new LoadSummary.NodeLoad(n.name(), n.ownedCount()));
            }
        }
        per.sort((a, b) -> a.node().compareTo(b.node()));
        int n = per.size();
        double mean = 0;
        double max = 0;
        for (LoadSummary.NodeLoad l : per) {
            mean += l.targets();
            max = Math.max(max, l.targets());
        }
        mean = n == 0 ? 0 : mean / n;
        double var = 0;
        for (LoadSummary.NodeLoad l : per) {
            var += (l.targets() - mean) * (l.targets() - mean);
        }
        double sd = n > 1 ? Math.sqrt(var / (n - 1)) : 0;
        double tokenTerm = algorithm.equals("alloy-ring") || algorithm.equals("bounded-load") ? 1.0 / cfg.tokens() : 0;
        double bound = n == 0 ? 0 : Math.sqrt(tokenTerm + (n - 1.0) / targets.size());
        return new LoadSummary(per, mean, mean > 0 ? max / mean : 0, mean > 0 ? sd / mean : 0, bound);
    }

    public long eventsDispatched() {
        return loop.dispatched();
    }

    public long ringComputations() {
        return cache.computed();
    }
}
