package io.fleetlab.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fleetlab.core.time.Cancellable;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SimulationTest {

    @Test
    void aDelayTooLargeForTheClockMeansNeverNotNow() {
        Simulation sim = new Simulation();
        boolean[] ran = {false, false};
        sim.runUntil(1_000_000);
        sim.after(Long.MAX_VALUE - 10, () -> ran[0] = true);
        sim.after(Long.MAX_VALUE, () -> ran[1] = true);
        sim.runUntil(Long.MAX_VALUE / 2);
        assertEquals(false, ran[0], "an overflowing delay ran at once");
        assertEquals(false, ran[1], "an overflowing delay ran at once");
    }

    @Test
    void eventsRunInTimeOrderAndTiesInSchedulingOrder() {
        SplittableRandom r = new SplittableRandom(3);
        for (int round = 0; round < 200; round++) {
            Simulation sim = new Simulation();
            List<long[]> ran = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                long t = r.nextLong(50);
                long id = i;
                sim.at(t, () -> ran.add(new long[] {sim.now(), id}));
            }
            sim.runUntil(100);
            assertEquals(500, ran.size());
            for (int i = 1; i < ran.size(); i++) {
                long[] a = ran.get(i - 1);
                long[] b = ran.get(i);
                boolean ordered = a[0] < b[0] || (a[0] == b[0] && a[1] < b[1]);
                assertEquals(true, ordered, "event " + b[1] + " at " + b[0] + " ran after " + a[1] + " at " + a[0]);
            }
        }
    }

    /**
     * Recycled (posted) and cancellable events interleave in one order: every event not cancelled
     * runs exactly once, at its time, ties in scheduling order, while posted events schedule more
     * (reusing the object just dispatched) and handles are cancelled both before and after their
     * event ran; cancelling a handle whose event already ran must not touch any other event.
     */
    @Test
    void postedAndCancellableEventsShareOneOrder() {
        SplittableRandom r = new SplittableRandom(5);
        for (int round = 0; round < 100; round++) {
            Run run = new Run(new Simulation(), r);
            for (int i = 0; i < 200; i++) {
                run.schedule(3);
            }
            run.sim.runUntil(Long.MAX_VALUE / 2);
            for (int i = 1; i < run.ran.size(); i++) {
                long[] a = run.ran.get(i - 1);
                long[] b = run.ran.get(i);
                boolean ordered = a[0] < b[0] || (a[0] == b[0] && a[1] < b[1]);
                assertEquals(true, ordered, "event " + b[1] + " at " + b[0] + " ran after " + a[1] + " at " + a[0]);
            }
            assertEquals(run.nextId, run.ran.size() + run.cancelled.size(), "every event not cancelled ran once");
        }
    }

    private static final class Run {
        final Simulation sim;
        final SplittableRandom r;
        final List<long[]> ran = new ArrayList<>();
        final java.util.Set<Long> ranIds = new java.util.HashSet<>();
        final java.util.Set<Long> cancelled = new java.util.HashSet<>();
        final List<Long> handleIds = new ArrayList<>();
        final List<Cancellable> handles = new ArrayList<>();
        long nextId;

        Run(Simulation sim, SplittableRandom r) {
            this.sim = sim;
            this.r = r;
        }

        void schedule(int depth) {
            long id = nextId++;
            long delay = r.nextInt(4) == 0 ? 0 : r.nextLong(20_000_000);
            Runnable action = () -> {
                assertEquals(true, ranIds.add(id), "event " + id + " ran twice");
                ran.add(new long[] {sim.now(), id});
                for (int k = depth > 0 ? r.nextInt(3) : 0; k > 0; k--) {
                    schedule(depth - 1);
                }
                if (!handles.isEmpty() && r.nextInt(3) == 0) {
                    int h = r.nextInt(handles.size());
                    long target = handleIds.get(h);
                    handles.get(h).cancel();
                    if (!ranIds.contains(target)) {
                        cancelled.add(target);
                    }
                }
            };
            if (r.nextBoolean()) {
                sim.postAfter(delay, action);
            } else {
                handleIds.add(id);
                handles.add(sim.after(delay, action));
            }
        }
    }

    @Test
    void cancelledEventsDoNotRunAndTimeStopsAtTheEnd() {
        Simulation sim = new Simulation();
        List<String> ran = new ArrayList<>();
        Cancellable c = sim.at(10, () -> ran.add("cancelled"));
        sim.at(20, () -> ran.add("kept"));
        sim.at(200, () -> ran.add("too late"));
        c.cancel();
        sim.runUntil(100);
        assertEquals(List.of("kept"), ran);
        assertEquals(100, sim.now());
        assertEquals(1, sim.dispatched());
    }

    @Test
    void aPausedNodeRunsHeldTasksInOrderWhenItResumes() {
        Simulation sim = new Simulation();
        NodeScheduler node = new NodeScheduler(sim);
        List<Long> ranAt = new ArrayList<>();
        node.schedule(5, () -> ranAt.add(sim.now()));
        sim.at(1, () -> node.pause(100));
        node.schedule(50, () -> ranAt.add(sim.now()));
        sim.runUntil(1_000);
        assertEquals(List.of(101L, 101L), ranAt);
    }

    @Test
    void aCrashDropsEverythingPending() {
        Simulation sim = new Simulation();
        NodeScheduler node = new NodeScheduler(sim);
        List<String> ran = new ArrayList<>();
        node.schedule(10, () -> ran.add("before crash, due after"));
        sim.at(5, node::crash);
        sim.at(6, () -> node.schedule(1, () -> ran.add("after restart")));
        sim.runUntil(100);
        assertEquals(List.of("after restart"), ran);
    }

    @Test
    void skewShiftsWhatTheNodeReads() {
        Simulation sim = new Simulation();
        NodeScheduler node = new NodeScheduler(sim);
        node.setSkew(-7);
        sim.runUntil(100);
        assertEquals(93, node.nowNanos());
    }
}
