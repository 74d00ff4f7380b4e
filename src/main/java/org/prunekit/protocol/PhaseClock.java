package org.prunekit.protocol;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Accumulates {@link PhaseTime}s by phase name on the calling thread: wall time from {@link System#nanoTime} and CPU
 * time from {@link ThreadMXBean#getCurrentThreadCpuTime} (0 where the JVM cannot measure thread CPU). One clock per
 * cell; a cell runs on one thread, so its CPU time is exactly its own. Phases are kept in first-use order.
 */
public final class PhaseClock {

    /** Fitting the encoder, applying the imbalance strategy, encoding validation and test rows. */
    public static final String ENCODE = "encode";
    /** Training the family's model. */
    public static final String FIT = "fit";
    /** Computing the pruning path. */
    public static final String PATH = "path";
    /** Scoring candidates on inner data (inner folds or the inner holdout), selection included. */
    public static final String INNER = "inner-scoring";
    /** Scoring candidates on the outer test fold. */
    public static final String OUTER = "outer-scoring";
    /** Measuring candidates' serialized bytes. */
    public static final String SIZE = "size";
    /** Timing candidates' prediction latency. */
    public static final String LATENCY = "latency";
    /** A whole refit cell (an arm's final model on all rows). */
    public static final String REFIT = "refit";
    /** Reading the CSV and building the outer folds (once per run). */
    public static final String READ = "read";
    /**
     * Writing the result files: each cell's file and refit model as the cell ends (CPU only: that runs beside the
     * next cells), then the tables (once per run).
     */
    public static final String WRITE = "write";
    /** Drawing the plots and report.html (once per run). */
    public static final String REPORT = "report";

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    private static final boolean CPU = MX.isCurrentThreadCpuTimeSupported();

    private final Map<String, PhaseTime> times = new LinkedHashMap<>();

    /** Runs {@code body}, adding its time to {@code phase}; returns its value. */
    public <T> T time(String phase, Supplier<T> body) {
        long c0 = cpuNanos();
        long t0 = System.nanoTime();
        try {
            return body.get();
        } finally {
            add(phase, new PhaseTime((System.nanoTime() - t0) / 1e9, (cpuNanos() - c0) / 1e9));
        }
    }

    /** Runs {@code body}, adding its time to {@code phase}. */
    public void run(String phase, Runnable body) {
        time(phase, () -> {
            body.run();
            return null;
        });
    }

    /**
     * Runs {@code body}, adding only its CPU time to {@code phase}: for work done beside phases timed on other threads
     * (the driver saving a finished cell while the next ones run), whose wall time would count twice.
     */
    public void runCpuOnly(String phase, Runnable body) {
        long c0 = cpuNanos();
        try {
            body.run();
        } finally {
            add(phase, new PhaseTime(0, (cpuNanos() - c0) / 1e9));
        }
    }

    /** Adds a measured time to {@code phase}. */
    public void add(String phase, PhaseTime t) {
        times.merge(phase, t, PhaseTime::plus);
    }

    /** The phases so far, in first-use order. */
    public Map<String, PhaseTime> times() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(times));
    }

    /** CPU nanoseconds of the calling thread, or 0 when not supported. */
    public static long cpuNanos() {
        return CPU ? MX.getCurrentThreadCpuTime() : 0L;
    }
}
