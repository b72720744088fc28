package io.fleetlab.bench.sim;

import io.fleetlab.core.time.Cancellable;
import io.fleetlab.simulator.engine.NodeScheduler;
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
 * dispatched per wall second, including scheduling the next event.
 *
 * <p>{@code timers}: {@code posted} posts the task (no handle; the engine recycles its event
 * objects, so the steady state allocates nothing per event). {@code nodeTimer} sets it through
 * a node's {@link NodeScheduler#schedule} (a handle that can cancel, run only if the node has not
 * crashed since: what every protocol timer does; the handle is the queue's event itself).
 * {@code wrappedTimer} is how node timers were set before: a wrapper holding the task and the
 * node's generation, allocated per schedule and posted as a recycled event (two objects per timer
 * to reach at dispatch instead of one).
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

    @Param({"posted", "nodeTimer", "wrappedTimer"})
    String timers;

    private Simulation simulation;
    private NodeScheduler node;
    private long generation;
    /** {@link #timers} as 0, 1, 2 (resolved once, not per schedule). */
    private int mode;
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
        node = new NodeScheduler(simulation);
        mode = switch (timers) {
            case "posted" -> 0;
            case "nodeTimer" -> 1;
            case "wrappedTimer" -> 2;
            default -> throw new IllegalArgumentException("timers: posted, nodeTimer or wrappedTimer, not " + timers);
        };
        for (int i = 0; i < pending; i++) {
            Timer t = new Timer();
            t.set(rng.nextLong(2_000_000));
        }
    }

    /** A periodic task: runs, then schedules its next run. */
    private final class Timer implements Runnable {
        Cancellable handle;

        @Override
        public void run() {
            set(delays[nextDelay++ & (DELAYS - 1)]);
        }

        void set(long delay) {
            switch (mode) {
                case 0 -> simulation.postAfter(delay, this);
                case 1 -> handle = node.schedule(delay, this);
                default -> {
                    Wrapped w = new Wrapped(generation, this);
                    simulation.postAfter(delay, w);
                    handle = w;
                }
            }
        }
    }

    /** The per-schedule wrapper node timers used to be: the task and the generation it was set in. */
    private final class Wrapped implements Runnable, Cancellable {
        private final long scheduledIn;
        private Runnable task;

        Wrapped(long scheduledIn, Runnable task) {
            this.scheduledIn = scheduledIn;
            this.task = task;
        }

        @Override
        public void run() {
            Runnable t = task;
            if (t != null && scheduledIn == generation && !node.paused()) {
                task = null;
                t.run();
            }
        }

        @Override
        public void cancel() {
            task = null;
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
