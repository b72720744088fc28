package io.fleetlab.bench.sim;

import io.fleetlab.simulator.engine.Simulation;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The simulator's raw event dispatch: {@code pending} timers, each of which reschedules itself
 * 1-2 ms of virtual time later when it runs (as probe and gossip timers do), so the queue keeps
 * its size. One call advances virtual time by 1 ms; the {@code events} counter is events
 * dispatched per wall second, including scheduling the next event. Timers are posted (no handle),
 * so the engine recycles their event objects: the steady state allocates nothing per event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class EventDispatchBench {
    private static final long WINDOW_NANOS = 1_000_000;
    private static final int DELAYS = 4096;

    @Param({"1000", "100000"})
    int pending;

    private Simulation simulation;
    private final long[] delays = new long[DELAYS];
    private int nextDelay;

    /** Events dispatched, reported per second of wall time. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Dispatched {
        public long events;

        @Setup(Level.Iteration)
        public void reset() {
            events = 0;
        }
    }

    @Setup
    public void fillQueue() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11);
        for (int i = 0; i < DELAYS; i++) {
            delays[i] = 1_000_000 + rng.nextLong(1_000_000);
        }
        simulation = new Simulation();
        for (int i = 0; i < pending; i++) {
            simulation.postAfter(rng.nextLong(2_000_000), new Timer());
        }
    }

    /** A periodic task: runs, then schedules its next run. */
    private final class Timer implements Runnable {
        @Override
        public void run() {
            simulation.postAfter(delays[nextDelay++ & (DELAYS - 1)], this);
        }
    }

    @Benchmark
    public long advanceOneMillisecond(Dispatched counter) {
        long before = simulation.dispatched();
        simulation.runUntil(simulation.now() + WINDOW_NANOS);
        long ran = simulation.dispatched() - before;
        counter.events += ran;
        return ran;
    }
}
