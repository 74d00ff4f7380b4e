package org.prunekit.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.prunekit.protocol.PhaseTime;

/**
 * The run-level times the harness measures around the cells: study phases ({@code read}, {@code write},
 * {@code report}), the run's wall time and the process's CPU time (all threads, JIT and GC included).
 */
public record RunTimes(Map<String, PhaseTime> study, double wallSeconds, double processCpuSeconds) {
    public RunTimes {
        study = Collections.unmodifiableMap(new LinkedHashMap<>(study));
    }
}
