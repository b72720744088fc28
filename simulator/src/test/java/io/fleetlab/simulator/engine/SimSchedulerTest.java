package io.fleetlab.simulator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.time.Cancellable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimSchedulerTest {
    @Test
    void runsTasksAtTheirVirtualTime() {
        EventLoop loop = new EventLoop();
        SimScheduler s = new SimScheduler(loop);
        List<Long> at = new ArrayList<>();
        s.schedule(300, () -> at.add(s.nowNanos()));
        s.schedule(100, () -> at.add(s.nowNanos()));
        Cancellable c = s.schedule(200, () -> at.add(-1L));
        c.cancel();
        loop.runUntil(1_000);
        assertEquals(List.of(100L, 300L), at);
        assertEquals(1_000, loop.now());
    }

    @Test
    void pausedNodeRunsItsDueTasksOnResumeAndCrashedNodeNever() {
        EventLoop loop = new EventLoop();
        SimScheduler s = new SimScheduler(loop);
        List<Long> ran = new ArrayList<>();
        s.schedule(100, () -> ran.add(loop.now()));
        s.schedule(200, () -> ran.add(loop.now()));
        loop.runUntil(50);
        s.pause();
        loop.runUntil(500);
        assertTrue(ran.isEmpty());
        s.resume();
        loop.runUntil(600);
        assertEquals(List.of(500L, 500L), ran);
        s.schedule(100, () -> ran.add(-1L));
        s.stop();
        loop.runUntil(10_000);
        assertEquals(2, ran.size());
    }

    @Test
    void skewShiftsTheClockAndSlownessDelaysTasks() {
        EventLoop loop = new EventLoop();
        SimScheduler s = new SimScheduler(loop);
        s.setSkewNanos(5_000);
        assertEquals(5_000, s.nowNanos());
        s.setSlowNanos(1_000);
        List<Long> ran = new ArrayList<>();
        s.schedule(10, () -> ran.add(loop.now()));
        loop.runUntil(2_000);
        assertEquals(List.of(1_010L), ran);
    }
}
