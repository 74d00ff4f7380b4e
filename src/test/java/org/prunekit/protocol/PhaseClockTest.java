package org.prunekit.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Phases add up per name; work timed CPU-only adds its CPU and no wall time. */
class PhaseClockTest {

    private static double spin() {
        double x = 0;
        long until = PhaseClock.cpuNanos() + 20_000_000L; // 20 ms of this thread's CPU
        while (PhaseClock.cpuNanos() < until) {
            x += Math.sqrt(x + 1);
        }
        return x;
    }

    @Test
    void cpuOnlyWorkAddsItsCpuButNoWall() {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean().isCurrentThreadCpuTimeSupported());
        PhaseClock clock = new PhaseClock();
        clock.run(PhaseClock.WRITE, PhaseClockTest::spin);
        PhaseTime timed = clock.times().get(PhaseClock.WRITE);
        clock.runCpuOnly(PhaseClock.WRITE, PhaseClockTest::spin);
        PhaseTime both = clock.times().get(PhaseClock.WRITE);

        assertEquals(timed.wallSeconds(), both.wallSeconds(), "CPU-only work adds no wall time");
        assertTrue(timed.wallSeconds() >= 0.02 && timed.cpuSeconds() >= 0.02, timed.toString());
        assertTrue(both.cpuSeconds() - timed.cpuSeconds() >= 0.02, "its CPU is added: " + both);
        assertEquals(
                java.util.List.of(PhaseClock.WRITE),
                java.util.List.copyOf(clock.times().keySet()));
    }
}
