package io.fleetlab.simulator.engine;

import io.fleetlab.core.time.Cancellable;
import io.fleetlab.core.time.Scheduler;
import java.util.ArrayList;
import java.util.List;

/**
 * One simulated node's view of time: the core's {@link Scheduler} over the shared virtual clock.
 * It models what happens to a process, not to the network: a pause (stop-the-world, a stalled VM)
 * holds every task until the pause ends, a crash drops every pending task, and clock skew shifts
 * what {@link #nowNanos()} reads.
 */
public final class NodeScheduler implements Scheduler {
    private final Simulation simulation;
    private long skewNanos;
    private long pausedUntil = -1;
    private long generation;
    private final List<Runnable> heldWhilePaused = new ArrayList<>();

    public NodeScheduler(Simulation simulation) {
        this.simulation = simulation;
    }

    @Override
    public long nowNanos() {
        return simulation.now() + skewNanos;
    }

    @Override
    public Cancellable schedule(long delayNanos, Runnable task) {
        return simulation.timer(delayNanos, this, generation, task);
    }

    /** Runs {@code task} now on this node's thread, unless the node is paused or crashed since. */
    public void deliver(Runnable task) {
        run(generation, task);
    }

    /** Runs {@code task}, scheduled in generation {@code scheduledIn}, unless paused (held) or crashed since (dropped). */
    void run(long scheduledIn, Runnable task) {
        if (scheduledIn != generation) {
            return; // the node crashed after this was scheduled
        }
        if (paused()) {
            heldWhilePaused.add(task);
            return;
        }
        task.run();
    }

    /** Whether the node is stalled right now. */
    public boolean paused() {
        return pausedUntil > simulation.now();
    }

    /** When a stall in progress ends; now when the node is not stalled. */
    public long resumesAt() {
        return Math.max(pausedUntil, simulation.now());
    }

    /** Stalls the node for {@code durationNanos}; held tasks run, in order, when it resumes. */
    public void pause(long durationNanos) {
        long until = simulation.now() + durationNanos;
        if (until <= pausedUntil) {
            return;
        }
        pausedUntil = until;
        long scheduledIn = generation;
        simulation.post(until, () -> {
            if (scheduledIn != generation || simulation.now() < pausedUntil) {
                return;
            }
            List<Runnable> held = new ArrayList<>(heldWhilePaused);
            heldWhilePaused.clear();
            for (Runnable task : held) {
                run(scheduledIn, task);
            }
        });
    }

    /** Drops every pending and held task: what a crash does to a process. */
    public void crash() {
        generation++;
        heldWhilePaused.clear();
        pausedUntil = -1;
    }

    /** Sets the clock skew this node reads. */
    public void setSkew(long skewNanos) {
        this.skewNanos = skewNanos;
    }
}
